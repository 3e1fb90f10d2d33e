package org.nqpfkg.server.api;

import static org.nqpfkg.server.api.OpenApiSchemas.arrayOf;
import static org.nqpfkg.server.api.OpenApiSchemas.obj;
import static org.nqpfkg.server.api.OpenApiSchemas.page;
import static org.nqpfkg.server.api.OpenApiSchemas.ref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nqpfkg.server.queries.NamedQuery;
import org.nqpfkg.server.search.SentenceSearch;

/**
 * The OpenAPI 3.1 description of the facade: every route, and every named query from its header. Every operation
 * has an operationId and lists every status it can answer; its schemas are in {@link OpenApiSchemas}. The test
 * suite checks every answer of every route against this document, so what it says is what the service does.
 */
final class OpenApi {
    private OpenApi() {}

    /**
     * Statuses any route can answer before its handler runs or when it fails: Jetty's own 400 and 431, our 414, the
     * client door's 429 (requests per client) and 500.
     */
    private static final int[] ANY_ROUTE = {400, 414, 429, 431, 500};
    private static final String SLUG = "^[a-z0-9][a-z0-9-]{0,199}$";
    private static final List<String> LEVELS = List.of("employee", "enterprise", "industry");
    private static final List<String> HORIZONS = List.of("short", "medium", "long");

    @SuppressWarnings("unchecked")
    static Map<String, Object> document(List<Map<String, Object>> namedQueries) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", obj("title", "nqpf-kg facade", "version", org.nqpfkg.loader.LoaderVersion.get(),
                "description", "JSON for dashboards over the nqpf-kg knowledge graph: how AI drives new quality productive forces "
                        + "(新质生产力) at the employee, enterprise and industry levels. Every item and every link carries its evidence: "
                        + "the document, the exact quote and its code-point offsets in the document's normalised text. Every error is "
                        + "application/problem+json (RFC 9457).",
                "license", obj("name", "CC-BY-4.0 (data)", "identifier", "CC-BY-4.0")));
        // Relative: the document is served by the facade it describes, on whatever host and port that runs.
        doc.put("servers", List.of(obj("url", "/", "description", "this facade")));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/api/health", get(op("getHealth", "Store status, answered at once whatever the corpus size: the counts are "
                + "the last ones taken (countedVersion) and are redone in the background after a change", "health", List.of(),
                statuses(Map.of("200", json("OK (never cached: Cache-Control no-store)", ref("Health")))))));
        for (Kind k : Kind.values()) {
            List<Map<String, Object>> params = new ArrayList<>(paging(100, 1000));
            for (String f : new TreeSet<>(k.filters)) params.add(filter(f));
            paths.put("/api/" + k.path, get(cached("list" + capitalised(k.path), "List " + k.path, k.path, params,
                    page(ref(OpenApiSchemas.of(k))), false)));
            Map<String, Object> one = cached("get" + k.type, "One of " + k.path + " by id (JSON, or JSON-LD with Accept: application/ld+json)",
                    k.path, List.of(pathParam("id")), ref(OpenApiSchemas.of(k)), true);
            content(one, "200").put("application/ld+json", obj("schema", obj("type", "object")));
            paths.put("/api/" + k.path + "/{id}", get(one));
        }
        paths.put("/api/documents", uploads((Map<String, Object>) paths.get("/api/documents")));
        paths.put("/api/documents/{id}/text", get(op("getDocumentText", "The document's normalised text: every evidence offset indexes into it",
                "documents", List.of(pathParam("id")), statuses(Map.of(
                        "200", obj("description", "The text (with a strong ETag; send If-None-Match for a 304)", "headers", etagHeader(),
                                "content", obj("text/plain", obj("schema", obj("type", "string"))))), 304, 404, 503))));
        for (Kind k : Kind.values()) {
            if (k == Kind.DOCUMENTS) continue;
            List<Map<String, Object>> paging = new ArrayList<>(List.of(query("document", slug(), "a document id: only its evidence")));
            paging.addAll(paging(100, 1000));
            List<Map<String, Object>> own = new ArrayList<>(List.of(pathParam("id")));
            own.addAll(paging);
            paths.put("/api/" + k.path + "/{id}/evidence", get(cached("list" + k.type + "Evidence",
                    "All the evidence of one of " + k.path + ", paged, in document and text order", k.path, own, page(ref("Evidence")), true)));
            List<Map<String, Object>> link = new ArrayList<>(List.of(pathParam("id"),
                    obj("name", "rel", "in", "path", "required", true, "description", "the link's property: level, viaPath, exampleOf, caseOf, addresses …",
                            "schema", obj("type", "string", "pattern", "^[a-zA-Z]{1,40}$")),
                    pathParam("target")));
            link.addAll(paging);
            paths.put("/api/" + k.path + "/{id}/links/{rel}/{target}/evidence", get(cached("list" + k.type + "LinkEvidence",
                    "All the evidence of one link of one of " + k.path + " (either direction), paged", k.path, link, page(ref("Evidence")), true)));
        }
        List<Map<String, Object>> mentionParams = new ArrayList<>(List.of(pathParam("id"),
                query("kind", obj("type", "string", "enum", new TreeSet<>(MentionRoutes.KINDS)), "only concepts of this kind")));
        mentionParams.addAll(paging(100, 1000));
        paths.put("/api/documents/{id}/mentions", get(cached("listDocumentMentions", "The concepts a document names, in text order: "
                + "each mention with its concept, exact words, code-point offsets, section and how the name matched", "documents",
                mentionParams, page(ref("Mention")), true)));
        List<Map<String, Object>> targetParams = new ArrayList<>(List.of(query("document", slug(), "a document id: only its targets"),
                query("year", obj("type", "integer", "minimum", 1900, "maximum", 2200), "only targets for this year"),
                query("horizon", obj("type", "string", "enum", HORIZONS), "only targets of this horizon")));
        targetParams.addAll(paging(100, 1000));
        paths.put("/api/targets", get(cached("listTargets", "Dated policy targets (到2027年…, 到\"十五五\"末…), with year, clause, figure, "
                + "horizon and evidence", "targets", targetParams, page(ref("Target")), false)));
        paths.put("/id/{kind}/{id}", get(op("describeResource", "Dereference a thing's IRI: RDF about it (Turtle, JSON-LD, N-Triples or "
                        + "RDF/XML by Accept; any other type gets 406), or a 303 to its page for text/html and to its facade item for "
                        + "application/json", "linked data", List.of(pathParam("kind"), pathParam("id")),
                statuses(Map.of("200", obj("description", "RDF about the resource", "headers", etagHeader(), "content", obj(
                                "text/turtle", obj("schema", obj("type", "string")), "application/ld+json", obj("schema", obj("type", "object")),
                                "application/n-triples", obj("schema", obj("type", "string")), "application/rdf+xml", obj("schema", obj("type", "string")))),
                        "303", obj("description", "See the page or the facade item (Location)")), 304, 404, 406, 503))));
        paths.putAll(LinkedDataApiDoc.paths());
        paths.put("/api/search", get(cached("search", "Full-text search over the sentences of all documents (Chinese-aware: a term matches as a term)",
                "search", List.of(required(query("q", obj("type", "string", "minLength", 1, "maxLength", SentenceSearch.MAX_QUERY_LENGTH),
                                "words to find, e.g. 能力整合")),
                        query("limit", obj("type", "integer", "minimum", 1, "maximum", SentenceSearch.MAX_LIMIT, "default", 20), "page size"),
                        query("offset", obj("type", "integer", "minimum", 0, "maximum", SentenceSearch.MAX_HITS, "default", 0), "hits to skip")),
                ref("SearchResult"), false)));
        paths.put("/api/queries", get(cached("listQueries", "The named SPARQL queries, with their parameters", "queries", List.of(),
                OpenApiSchemas.object("items", arrayOf(ref("NamedQueryInfo")), "total", obj("type", "integer")), false)));
        paths.put("/api/queries/{name}", get(namedQuery(obj("name", "{name}", "summary", "Run a named query by name (GET /api/queries lists them; "
                + "each has a path of its own below, with its parameters)", "params", List.of()))));
        for (Map<String, Object> q : namedQueries) paths.put("/api/queries/" + q.get("name"), get(namedQuery(q)));
        paths.put("/reconcile", reconcile());
        paths.put("/openapi.json", get(op("getOpenApi", "This document", "documentation", List.of(), statuses(Map.of("200",
                obj("description", "OpenAPI 3.1", "headers", etagHeader(), "content", obj("application/json", obj("schema", obj("type", "object"))))), 304))));
        paths.put("/docs", get(op("getDocsPage", "Swagger UI over this document", "documentation", List.of(), statuses(Map.of("200",
                obj("description", "HTML", "content", obj("text/html", obj("schema", obj("type", "string")))))))));
        paths.put("/", get(htmlPage("getHomePage", "Home: what the graph holds, search, and the ways in", List.of(), false)));
        paths.put("/page/{kind}/{id}", get(htmlPage("getResourcePage", "A resource's page: labels in both languages, type, every link with its "
                + "evidence quote, the documents that mention it", List.of(pathParam("kind"), pathParam("id")), true)));
        paths.put("/read/{id}", get(htmlPage("getReaderPage", "The document reader: the normalised text with its sections, evidence and mentions; "
                + "start and end open it at a span", List.of(pathParam("id"),
                query("start", obj("type", "integer", "minimum", 0, "maximum", Integer.MAX_VALUE / 2), "code point offset (with end)"),
                query("end", obj("type", "integer", "minimum", 0, "maximum", Integer.MAX_VALUE / 2), "code point offset (with start)")), true)));
        paths.put("/list/{class}", get(htmlPage("getListPage", "Every instance of a class, as a page", List.of(
                obj("name", "class", "in", "path", "required", true, "schema", obj("type", "string", "pattern", "^[A-Z][A-Za-z]{0,60}$")),
                query("offset", obj("type", "integer", "minimum", 0, "maximum", 1_000_000, "default", 0), "items to skip")), true)));
        paths.put("/explorer", get(htmlPage("getExplorerPage", "The explorer: the paper's three figures as an interactive graph", List.of(), false)));
        paths.put("/sparql", get(htmlPage("getQueryEditorPage", "The query editor (YASGUI) on the SPARQL endpoint, the named queries as examples",
                List.of(), false)));
        doc.put("paths", paths);
        doc.put("components", obj("schemas", OpenApiSchemas.all(),
                "securitySchemes", obj("admin", obj("type", "http", "scheme", "basic", "description", "user admin, the service's admin password"))));
        return doc;
    }

    private static Map<String, Object> namedQuery(Map<String, Object> q) {
        List<Map<String, Object>> params = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> declared = (List<Map<String, Object>>) q.getOrDefault("params", List.of());
        for (Map<String, Object> p : declared) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "integer".equals(p.get("type")) ? "integer" : "string");
            if (p.get("pattern") != null && !"integer".equals(p.get("type"))) schema.put("pattern", p.get("pattern"));
            if (!"integer".equals(p.get("type"))) schema.put("maxLength", NamedQuery.MAX_VALUE_LENGTH);
            else {
                // What the pattern lets through: the integer type's own (-?\d{1,9}), or a declared ^[0-9]{1,N}$.
                java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\^\\[0-9]\\{1,(\\d)}\\$").matcher(String.valueOf(p.get("pattern")));
                schema.put("minimum", digits.matches() ? 0 : -999_999_999);
                schema.put("maximum", digits.matches() ? (int) Math.pow(10, Integer.parseInt(digits.group(1))) - 1 : 999_999_999);
            }
            if (p.get("default") != null) schema.put("default", p.get("default"));
            Map<String, Object> param = query(String.valueOf(p.get("name")), schema, String.valueOf(p.getOrDefault("description", p.get("type"))));
            params.add(Boolean.TRUE.equals(p.get("required")) ? required(param) : param);
        }
        Object pagination = q.get("pagination");
        params.addAll(paging(pagination instanceof Integer n ? n : NamedQuery.DEFAULT_PAGE, NamedQuery.MAX_PAGE));
        boolean generic = "{name}".equals(q.get("name"));
        if (generic) params.add(0, obj("name", "name", "in", "path", "required", true, "schema", slug()));
        Map<String, Object> op = cached(generic ? "runQuery" : "query" + capitalised(String.valueOf(q.get("name"))), String.valueOf(q.get("summary")),
                "queries", params, ref("QueryRows"), true);
        if (q.get("description") instanceof String d && !d.isBlank()) op.put("description", d);
        Map<String, Object> ok = content(op, "200");
        ok.put("application/sparql-results+json", obj("schema", obj("type", "object")));
        ok.put("text/csv", obj("schema", obj("type", "string")));
        ok.put("text/tab-separated-values", obj("schema", obj("type", "string")));
        responses(op).put("406", problem("None of the Accept header's media types is one the named queries answer"));
        return op;
    }

    private static Map<String, Object> reconcile() {
        Map<String, Object> queries = obj("name", "queries", "in", "query", "required", false,
                "description", "a JSON object of named queries, e.g. {\"q0\": {\"query\": \"华为\", \"type\": \"Organization\", \"limit\": 3}}; "
                        + "at most " + ReconcileRoutes.MAX_QUERIES + " queries, limit 1–" + ReconcileRoutes.MAX_LIMIT + " (default "
                        + ReconcileRoutes.DEFAULT_LIMIT + "). Without it, the service manifest.",
                "content", obj("application/json", obj("schema", ref("ReconcileQueries"))));
        Map<String, Object> ok = obj("description", "The manifest (without queries) or the candidates of each query, best first",
                "headers", etagHeader(), "content", obj("application/json", obj("schema",
                        obj("oneOf", List.of(ref("ReconcileManifest"), ref("ReconcileResults"))))));
        Map<String, Object> get = op("reconcile", "W3C Reconciliation Service API 0.2 (as OpenRefine uses it): match names to organisations, "
                + "sectors, mechanisms, paths and policies by their zh/en labels and alternative labels", "reconciliation", List.of(queries),
                statuses(Map.of("200", ok), 304, 503));
        Map<String, Object> post = op("reconcileForm", "The same, with the batch in a form field (what OpenRefine sends)", "reconciliation",
                List.of(), statuses(Map.of("200", ok), 304, 413, 503));
        post.put("requestBody", obj("required", true, "content", obj("application/x-www-form-urlencoded", obj("schema",
                obj("type", "object", "properties", obj("queries", obj("type", "string", "description", "the batch, as JSON")))))));
        Map<String, Object> path = new LinkedHashMap<>();
        path.put("get", get);
        path.put("post", post);
        return path;
    }

    /** POST and PUT /api/documents beside the list's GET: a document added to (or replaced in) a running service. */
    private static Map<String, Object> uploads(Map<String, Object> list) {
        Map<String, Object> path = new LinkedHashMap<>(list);
        Map<String, Object> body = obj("required", true, "content", obj(
                "text/plain", obj("schema", obj("type", "string")),
                "multipart/form-data", obj("schema", obj("type", "object", "required", List.of("file"), "properties", obj(
                        "file", obj("type", "string", "contentMediaType", "application/octet-stream"),
                        "sidecar", obj("type", "string", "contentMediaType", "application/json"))))));
        List<Map<String, Object>> name = List.of(query("name", obj("type", "string", "maxLength", 200),
                "the document's file name (its extension says how to read it); required for a text/plain body"));
        Map<String, Object> created = obj("description", "Loaded: the load summary (Location: the document's item)",
                "content", obj("application/json", obj("schema", ref("LoadSummary"))));
        for (String method : List.of("post", "put")) {
            boolean put = method.equals("put");
            Map<String, Object> op = op(put ? "replaceDocument" : "addDocument", put
                            ? "Replace a document in the running service (or add it): the kg load pipeline, SHACL-gated, admin credentials"
                            : "Add a document to the running service: the kg load pipeline, SHACL-gated, admin credentials (HTTP basic, user admin)",
                    "documents", name, statuses(put ? Map.of("200", created, "201", created) : Map.of("201", created),
                            401, 403, 413, 422, 503));
            if (!put) responses(op).put("409", problem("A document from this file is already in the store: PUT replaces it on purpose"));
            op.put("requestBody", body);
            op.put("security", List.of(obj("admin", List.of())));
            path.put(method, op);
        }
        return path;
    }

    /** An HTML page for people, rendered once per store version: 200 with an ETag, 304, 404 when it names a missing thing, 503. */
    private static Map<String, Object> htmlPage(String operationId, String summary, List<Map<String, Object>> params, boolean notFound) {
        Map<String, Object> ok = obj("description", "HTML (with a strong ETag; send If-None-Match for a 304)", "headers", etagHeader(),
                "content", obj("text/html", obj("schema", obj("type", "string"))));
        return op(operationId, summary, "pages", params, notFound ? statuses(Map.of("200", ok), 304, 404, 503) : statuses(Map.of("200", ok), 304, 503));
    }

    /** An operation answering JSON through the response cache: 200 with an ETag, 304, its 400s, 404 if it names a thing, and 503. */
    private static Map<String, Object> cached(String operationId, String summary, String tag, List<Map<String, Object>> params,
                                              Map<String, Object> schema, boolean notFound) {
        Map<String, Object> ok = obj("description", "OK (with a strong ETag; send If-None-Match for a 304)", "headers", etagHeader(),
                "content", obj("application/json", obj("schema", schema)));
        return op(operationId, summary, tag, params, notFound ? statuses(Map.of("200", ok), 304, 404, 503) : statuses(Map.of("200", ok), 304, 503));
    }

    private static Map<String, Object> op(String operationId, String summary, String tag, List<Map<String, Object>> params,
                                          Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.put("tags", List.of(tag));
        op.put("parameters", params);
        op.put("responses", responses);
        return op;
    }

    /** The given successes, then a problem for each status of {@code errors} and of {@link #ANY_ROUTE}, in order. */
    private static Map<String, Object> statuses(Map<String, Object> successes, int... errors) {
        Map<String, Object> r = new java.util.TreeMap<>(successes);
        for (int status : errors) r.put(String.valueOf(status), describe(status));
        for (int status : ANY_ROUTE) r.putIfAbsent(String.valueOf(status), describe(status));
        return new LinkedHashMap<>(r);
    }

    private static Map<String, Object> describe(int status) {
        return switch (status) {
            case 304 -> obj("description", "Not modified: the If-None-Match ETag is current", "headers", etagHeader());
            case 400 -> problem("Bad request: a parameter out of its bounds or pattern, or a request Jetty could not read (a malformed URI)");
            case 401 -> obj("description", "The admin's credentials are missing or wrong (RFC 9457)",
                    "content", obj("application/problem+json", obj("schema", ref("Problem"))));
            case 403 -> problem("This service takes no writes: it was started without an admin password");
            case 404 -> problem("Not found");
            case 406 -> problem("Not acceptable: none of the Accept header's media types is one this resource has");
            case 413 -> problem("The body is larger than the service reads (a document: the load size limit; a reconciliation form: "
                    + ReconcileRoutes.MAX_FORM_BYTES / 1024 + " KiB)");
            case 422 -> problem("The document fails the SHACL gate: the report says why; nothing was stored");
            case 414 -> problem("The query string is longer than " + Facade.MAX_QUERY_STRING + " characters");
            case 429 -> obj("description", "Too many requests from this client: wait as long as Retry-After says (RFC 9457)",
                    "headers", obj("Retry-After", obj("description", "seconds to wait", "schema", obj("type", "integer"))),
                    "content", obj("application/problem+json", obj("schema", ref("Problem"))));
            case 431 -> problem("The request's headers are larger than the server accepts");
            case 500 -> problem("Internal error: the error is in the server's log, never in the answer");
            case 503 -> problem("Busy: the server is rendering as many responses as it may at once and this one waited too long for its turn "
                    + "(or a query ran past its time limit); try again");
            default -> problem("Problem");
        };
    }

    private static Map<String, Object> problem(String description) {
        return obj("description", description + " (RFC 9457)", "content", obj("application/problem+json", obj("schema", ref("Problem"))));
    }

    private static Map<String, Object> json(String description, Map<String, Object> schema) {
        return obj("description", description, "content", obj("application/json", obj("schema", schema)));
    }

    private static Map<String, Object> etagHeader() {
        return obj("ETag", obj("description", "strong validator of the representation", "schema", obj("type", "string")));
    }

    private static Map<String, Object> get(Map<String, Object> op) { return obj("get", op); }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(Map<String, Object> op) { return (Map<String, Object>) op.get("responses"); }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> content(Map<String, Object> op, String status) {
        return (Map<String, Object>) ((Map<String, Object>) responses(op).get(status)).get("content");
    }

    private static List<Map<String, Object>> paging(int defaultLimit, int maxLimit) {
        return List.of(query("limit", obj("type", "integer", "minimum", 1, "maximum", maxLimit, "default", defaultLimit), "page size"),
                query("offset", obj("type", "integer", "minimum", 0, "maximum", 1_000_000, "default", 0), "items to skip"));
    }

    private static Map<String, Object> filter(String f) {
        return switch (f) {
            case "level" -> query("level", obj("type", "string", "enum", LEVELS), "only things of this level");
            case "horizon" -> query("horizon", obj("type", "string", "enum", HORIZONS), "only things of this policy horizon");
            default -> query(f, slug(), "a document id: only things the document states");
        };
    }

    private static Map<String, Object> slug() { return obj("type", "string", "pattern", SLUG); }

    private static Map<String, Object> query(String name, Map<String, Object> schema, String description) {
        return obj("name", name, "in", "query", "required", false, "description", description, "schema", schema);
    }

    private static Map<String, Object> required(Map<String, Object> p) {
        Map<String, Object> copy = new LinkedHashMap<>(p);
        copy.put("required", true);
        return copy;
    }

    private static Map<String, Object> pathParam(String name) {
        return obj("name", name, "in", "path", "required", true, "schema", slug());
    }

    /** mechanisms → Mechanisms, ai-risks-by-level → AiRisksByLevel: the tail of an operationId. */
    static String capitalised(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+"))
            if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b.toString();
    }
}
