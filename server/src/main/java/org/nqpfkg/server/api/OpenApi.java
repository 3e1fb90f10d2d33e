package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3.1 description of the facade: every route, and every named query from its header. */
final class OpenApi {
    private OpenApi() {}

    static Map<String, Object> document(List<Map<String, Object>> namedQueries) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "nqpf-kg facade", "version", org.nqpfkg.loader.LoaderVersion.get(),
                "description", "JSON for dashboards over the nqpf-kg knowledge graph: how AI drives new quality productive forces "
                        + "(新质生产力) at the employee, enterprise and industry levels. Every item and every link carries its evidence: "
                        + "the document, the exact quote and its code-point offsets in the document's normalised text.",
                "license", Map.of("name", "CC-BY-4.0 (data)", "identifier", "CC-BY-4.0")));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/api/health", Map.of("get", Map.of("summary", "Store status, answered at once whatever the corpus size: the counts are "
                        + "the last ones taken (countedVersion) and are redone in the background after a change", "tags", List.of("Health"),
                "parameters", List.of(), "responses", Map.of("200", Map.of("description", "OK (never cached: Cache-Control no-store)",
                        "content", Map.of("application/json", Map.of("schema", ref("Health"))))))));
        for (Kind k : Kind.values()) {
            List<Map<String, Object>> params = new ArrayList<>(List.of(
                    query("limit", "integer", "page size (1–1000, default 100)"), query("offset", "integer", "items to skip (default 0)")));
            for (String f : k.filters) params.add(query(f, "string", filterDescription(f)));
            Map<String, Object> list = Map.of("type", "object", "required", List.of("items", "total"), "properties", Map.of(
                    "items", Map.of("type", "array", "items", ref(schemaOf(k))), "total", Map.of("type", "integer"),
                    "limit", Map.of("type", "integer"), "offset", Map.of("type", "integer")));
            paths.put("/api/" + k.path, op("List " + k.path, k.path, params, list, false));
            paths.put("/api/" + k.path + "/{id}", op("One of " + k.path + " by id (JSON, or JSON-LD with Accept: application/ld+json)",
                    k.path, List.of(pathParam("id")), ref(schemaOf(k)), true));
        }
        paths.put("/api/documents/{id}/text", Map.of("get", Map.of("summary", "The document's normalised text: every evidence offset indexes into it",
                "tags", List.of("documents"), "parameters", List.of(pathParam("id")), "responses", Map.of(
                        "200", Map.of("description", "text/plain; charset=utf-8", "content", Map.of("text/plain", Map.of("schema", Map.of("type", "string")))),
                        "404", problem()))));
        for (Kind k : Kind.values()) {
            if (k == Kind.DOCUMENTS) continue;
            List<Map<String, Object>> paging = List.of(query("document", "string", "a document id: only its evidence"),
                    query("limit", "integer", "page size (1–1000, default 100)"), query("offset", "integer", "spans to skip (default 0)"));
            List<Map<String, Object>> own = new ArrayList<>(List.of(pathParam("id")));
            own.addAll(paging);
            paths.put("/api/" + k.path + "/{id}/evidence", op("All the evidence of one of " + k.path + ", paged, in document and text order",
                    k.path, own, page(ref("Evidence")), true));
            List<Map<String, Object>> link = new ArrayList<>(List.of(pathParam("id"),
                    Map.of("name", "rel", "in", "path", "required", true, "description", "the link's property: level, viaPath, exampleOf, caseOf, addresses …",
                            "schema", Map.of("type", "string", "pattern", "^[a-zA-Z]{1,40}$")),
                    pathParam("target")));
            link.addAll(paging);
            paths.put("/api/" + k.path + "/{id}/links/{rel}/{target}/evidence", op("All the evidence of one link of one of " + k.path
                    + " (either direction), paged", k.path, link, page(ref("Evidence")), true));
        }
        paths.put("/api/documents/{id}/mentions", op("The concepts a document names, in text order: each mention with its concept, exact words, "
                        + "code-point offsets, section and how the name matched", "documents",
                List.of(pathParam("id"), query("kind", "string", "only concepts of this kind: " + new java.util.TreeSet<>(MentionRoutes.KINDS)),
                        query("limit", "integer", "page size (1–1000, default 100)"), query("offset", "integer", "mentions to skip (default 0)")),
                page(ref("Mention")), true));
        paths.put("/api/targets", op("Dated policy targets (到2027年…, 到\"十五五\"末…), with year, clause, figure, horizon and evidence", "targets",
                List.of(query("document", "string", "a document id: only its targets"), query("year", "integer", "only targets for this year"),
                        query("horizon", "string", "short, medium or long"),
                        query("limit", "integer", "page size (1–1000, default 100)"), query("offset", "integer", "targets to skip (default 0)")),
                page(ref("Target")), false));
        paths.put("/id/{kind}/{id}", Map.of("get", Map.of("summary", "Dereference a thing's IRI: RDF about it (Turtle, JSON-LD, N-Triples or "
                        + "RDF/XML by Accept; any other type gets 406), or a 303 to its facade item for text/html and application/json "
                        + "(a page for kinds the facade does not list)",
                "tags", List.of("linked data"), "parameters", List.of(pathParam("kind"), pathParam("id")), "responses", Map.of(
                        "200", Map.of("description", "RDF", "content", Map.of("text/turtle", Map.of("schema", Map.of("type", "string")),
                                "application/ld+json", Map.of("schema", Map.of("type", "object")))),
                        "303", Map.of("description", "See the facade item"), "404", problem(), "406", problem()))));
        paths.putAll(LinkedDataApiDoc.paths());
        paths.put("/api/search", op("Full-text search over the sentences of all documents (Chinese-aware: a term matches as a term)", "search",
                List.of(required(query("q", "string", "words to find, e.g. 能力整合")), query("limit", "integer", "page size (1–100, default 20)"),
                        query("offset", "integer", "hits to skip")), ref("SearchResult"), false));
        paths.put("/api/queries", op("The named SPARQL queries, with their parameters", "queries", List.of(),
                Map.of("type", "object", "properties", Map.of("items", Map.of("type", "array", "items", Map.of("type", "object")))), false));
        for (Map<String, Object> q : namedQueries) {
            List<Map<String, Object>> params = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> declared = (List<Map<String, Object>>) q.getOrDefault("params", List.of());
            for (Map<String, Object> p : declared) {
                Map<String, Object> schema = new LinkedHashMap<>();
                schema.put("type", "integer".equals(p.get("type")) ? "integer" : "string");
                if (p.get("pattern") != null) schema.put("pattern", p.get("pattern"));
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", p.get("name"));
                param.put("in", "query");
                param.put("required", Boolean.TRUE.equals(p.get("required")));
                param.put("description", p.getOrDefault("description", p.get("type")));
                param.put("schema", schema);
                params.add(param);
            }
            params.add(query("limit", "integer", "rows per page"));
            params.add(query("offset", "integer", "rows to skip"));
            Map<String, Object> rows = Map.of("type", "object", "properties", Map.of("items", Map.of("type", "array",
                    "items", Map.of("type", "object", "additionalProperties", Map.of("type", "string")))));
            Map<String, Object> get = new LinkedHashMap<>(op(String.valueOf(q.get("summary")), "queries", params, rows, false));
            paths.put("/api/queries/" + q.get("name"), get);
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas()));
        return doc;
    }

    private static String filterDescription(String f) {
        return switch (f) {
            case "level" -> "employee, enterprise or industry";
            case "horizon" -> "short, medium or long";
            default -> "a document id: only things the document states";
        };
    }

    private static String schemaOf(Kind k) {
        return switch (k) {
            case LEVELS -> "Level";
            case PATHS -> "Path";
            case MECHANISMS -> "Mechanism";
            case POLICIES -> "Policy";
            case ORGANIZATIONS -> "Organization";
            case SECTORS -> "Sector";
            case DOCUMENTS -> "Document";
        };
    }

    private static Map<String, Object> op(String summary, String tag, List<Map<String, Object>> params, Map<String, Object> schema, boolean notFound) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK (with a strong ETag; send If-None-Match for a 304)",
                "content", Map.of("application/json", Map.of("schema", schema))));
        responses.put("304", Map.of("description", "Not modified"));
        responses.put("400", problem());
        if (notFound) responses.put("404", problem());
        responses.put("503", Map.of("description", "Problem (RFC 9457): the server is rendering as many responses as it may at once "
                + "and this one waited too long for its turn (or a named query ran past its time limit); try again",
                "content", Map.of("application/problem+json", Map.of("schema", ref("Problem")))));
        Map<String, Object> get = new LinkedHashMap<>();
        get.put("summary", summary);
        get.put("tags", List.of(tag));
        get.put("parameters", params);
        get.put("responses", responses);
        return Map.of("get", get);
    }

    private static Map<String, Object> problem() {
        return Map.of("description", "Problem (RFC 9457)", "content", Map.of("application/problem+json", Map.of("schema", ref("Problem"))));
    }

    private static Map<String, Object> query(String name, String type, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        p.put("schema", Map.of("type", type));
        return p;
    }

    private static Map<String, Object> required(Map<String, Object> p) {
        Map<String, Object> copy = new LinkedHashMap<>(p);
        copy.put("required", true);
        return copy;
    }

    private static Map<String, Object> pathParam(String name) {
        return Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string", "pattern", "^[a-z0-9][a-z0-9-]{0,199}$"));
    }

    private static Map<String, Object> ref(String schema) { return Map.of("$ref", "#/components/schemas/" + schema); }

    private static Map<String, Object> object(Map<String, Object> properties) {
        return Map.of("type", "object", "properties", properties);
    }

    private static Map<String, Object> arrayOf(Map<String, Object> items) { return Map.of("type", "array", "items", items); }

    private static Map<String, Object> schemas() {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> str = Map.of("type", "string");
        Map<String, Object> nullableStr = Map.of("type", List.of("string", "null"));
        s.put("Label", object(Map.of("zh", nullableStr, "en", nullableStr)));
        s.put("Evidence", object(Map.of("document", str, "quote", str, "start", Map.of("type", "integer", "description", "code point offset"),
                "end", Map.of("type", "integer"), "section", nullableStr)));
        s.put("Ref", object(Map.of("id", str, "iri", str, "label", ref("Label"))));
        s.put("EvidenceSummary", Map.of("type", "object", "description", "How many evidence spans, from how many documents, and the best "
                + EvidenceSummary.BEST + " quotes: first the earliest quote of the home document (the one with most evidence), then the earliest "
                + "quote of each other document (most evidence first), then the home document's further quotes. href pages all of it.",
                "properties", Map.of("count", Map.of("type", "integer"), "documentCount", Map.of("type", "integer"),
                        "quotes", Map.of("type", "array", "maxItems", EvidenceSummary.BEST, "items", ref("Evidence")),
                        "href", Map.of("type", List.of("string", "null")))));
        s.put("LinkRef", object(Map.of("id", str, "iri", str, "label", ref("Label"), "evidence", ref("EvidenceSummary"))));
        s.put("MentionedIn", Map.of("type", "object", "description", "How many mentions of the thing the corpus holds, in how many documents, "
                + "and the ten documents that mention it most (the list never grows beyond ten)", "properties", Map.of(
                "total", Map.of("type", "integer"), "documentCount", Map.of("type", "integer"),
                "documents", Map.of("type", "array", "maxItems", 10, "items", object(Map.of("id", str, "title", nullableStr, "count", Map.of("type", "integer")))))));
        s.put("Mention", object(Map.of("concept", object(Map.of("kind", Map.of("type", "string", "enum", new java.util.TreeSet<>(MentionRoutes.KINDS)),
                        "id", str, "iri", str, "label", ref("Label"))),
                "quote", str, "start", Map.of("type", "integer", "description", "code point offset into the document text"),
                "end", Map.of("type", "integer"), "section", nullableStr,
                "match", Map.of("type", "string", "enum", List.of("label", "alias", "head"),
                        "description", "label: a preferred label; alias: an alternative label; head: a label ending in 路径/机制/政策 without that suffix"))));
        s.put("Target", object(Map.of("id", str, "iri", str, "year", Map.of("type", "integer"), "label", nullableStr,
                "value", Map.of("type", List.of("string", "null"), "description", "the figure the clause states, as written (超70%, 1000亿元)"),
                "horizon", Map.of("type", List.of("string", "null"), "enum", java.util.Arrays.asList("short", "medium", "long", null),
                        "description", "from the target year and the document's date; null when the document's date is unknown"),
                "document", str, "evidence", arrayOf(ref("Evidence")))));
        Map<String, Object> base = Map.of("id", str, "iri", str, "label", ref("Label"), "evidence", ref("EvidenceSummary"), "mentionedIn", ref("MentionedIn"),
                "totals", Map.of("type", "object", "additionalProperties", Map.of("type", "integer"),
                        "description", "for each list of references the item carries, how many there are: a list carries the "
                                + Shapes.MAX_REFS + " with most evidence"));
        s.put("Mechanism", object(merge(base, Map.of("level", ref("Ref"), "lens", ref("Ref"), "family", ref("LinkRef"),
                "paths", arrayOf(ref("LinkRef")), "examples", arrayOf(ref("LinkRef")), "policies", arrayOf(ref("LinkRef"))))));
        s.put("Path", object(merge(base, Map.of("level", ref("Ref"), "parent", ref("LinkRef"), "children", arrayOf(ref("Ref")),
                "cases", arrayOf(ref("LinkRef")), "mechanisms", arrayOf(ref("LinkRef"))))));
        s.put("Policy", object(merge(base, Map.of("horizon", Map.of("enum", List.of("short", "medium", "long")), "level", ref("Ref"),
                "mechanisms", arrayOf(ref("LinkRef")), "measures", arrayOf(ref("LinkRef"))))));
        s.put("Organization", object(merge(base, Map.of("paths", arrayOf(ref("LinkRef")), "mechanisms", arrayOf(ref("LinkRef")),
                "levels", arrayOf(ref("Ref")), "sameAs", arrayOf(str)))));
        s.put("Sector", object(merge(base, Map.of("mechanisms", arrayOf(ref("LinkRef"))))));
        s.put("Level", object(merge(base, Map.of("lens", ref("LinkRef"), "mechanisms", arrayOf(ref("Ref")), "paths", arrayOf(ref("Ref")),
                "risks", arrayOf(ref("Ref"))))));
        s.put("Document", object(merge(base, Map.of("title", str, "language", str, "sections", arrayOf(Map.of("type", "object")),
                "statements", Map.of("type", "integer"), "loadedAt", nullableStr))));
        s.put("SearchResult", object(Map.of("total", Map.of("type", "integer"), "items", arrayOf(object(Map.of(
                "sentence", str, "text", str, "snippet", str, "document", str, "section", nullableStr,
                "start", Map.of("type", "integer"), "end", Map.of("type", "integer"), "score", Map.of("type", "number"),
                "mentions", arrayOf(ref("Ref"))))))));
        s.put("Health", Map.of("type", "object", "required", List.of("status", "version", "triples", "documents", "countedVersion", "cache"),
                "properties", Map.of(
                "status", Map.of("type", "string", "enum", List.of("ok")),
                "version", Map.of("type", "integer", "description", "the store version now: it changes with every load or update"),
                "triples", Map.of("type", List.of("integer", "null"), "description",
                        "quads in the store (all graphs) as of countedVersion; null until the first count"),
                "documents", Map.of("type", List.of("integer", "null"), "description", "documents in the store as of countedVersion"),
                "countedVersion", Map.of("type", List.of("integer", "null"), "description",
                        "the store version the counts are of; when it differs from version, a recount is under way"),
                "cache", Map.of("type", "object", "description", "the response cache of this store version", "properties", Map.of(
                        "entries", Map.of("type", "integer"), "bytes", Map.of("type", "integer", "description", "heap the entries fill (bodies, keys, overhead)"),
                        "limit", Map.of("type", "integer", "description", "most bytes the cache may fill; 0 when it is off"))))));
        s.put("Problem", object(Map.of("type", str, "title", str, "status", Map.of("type", "integer"), "detail", str, "instance", str)));
        return s;
    }

    private static Map<String, Object> page(Map<String, Object> items) {
        return Map.of("type", "object", "required", List.of("items", "total"), "properties", Map.of(
                "items", Map.of("type", "array", "items", items), "total", Map.of("type", "integer"),
                "limit", Map.of("type", "integer"), "offset", Map.of("type", "integer")));
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
