package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the facade's answers. An object schema requires every
 * property it lists unless it says otherwise, and a field that can be null says so with a type array or an
 * {@code anyOf} with {"type": "null"}: a dashboard can rely on every field being there.
 */
final class OpenApiSchemas {
    private OpenApiSchemas() {}

    static Map<String, Object> all() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Label", object("zh", nullableString(), "en", nullableString()));
        s.put("Evidence", object("document", str(), "quote", str(), "start", integer("code point offset into the document text"),
                "end", integer("code point offset just past the quote"), "section", nullableString()));
        s.put("Ref", object("id", str(), "iri", str(), "label", ref("Label")));
        s.put("EvidenceSummary", described("How many evidence spans, from how many documents, and the best " + EvidenceSummary.BEST
                + " quotes: first the earliest quote of the home document (the one with most evidence), then the earliest quote of each "
                + "other document (most evidence first), then the home document's further quotes. href pages all of it (null for documents).",
                object("count", integer(null), "documentCount", integer(null),
                        "quotes", obj("type", "array", "maxItems", EvidenceSummary.BEST, "items", ref("Evidence")), "href", nullableString())));
        s.put("LinkRef", described("A linked thing and the evidence of the link", object("id", str(), "iri", str(), "label", ref("Label"),
                "evidence", ref("EvidenceSummary"))));
        s.put("MentionedIn", described("How many mentions of the thing the corpus holds, in how many documents, and the ten documents "
                + "that mention it most (the list never grows beyond ten)", object("total", integer(null), "documentCount", integer(null),
                "documents", obj("type", "array", "maxItems", 10, "items", object("id", str(), "title", nullableString(), "count", integer(null))))));
        s.put("Mention", object("concept", object("kind", obj("type", "string", "enum", new TreeSet<>(MentionRoutes.KINDS)),
                        "id", str(), "iri", str(), "label", ref("Label")),
                "quote", str(), "start", integer("code point offset into the document text"), "end", integer(null), "section", nullableString(),
                "match", obj("type", "string", "enum", List.of("label", "alias", "head"),
                        "description", "label: a preferred label; alias: an alternative label; head: a label ending in 路径/机制/政策 without that suffix")));
        s.put("Target", object("id", str(), "iri", str(), "year", integer(null), "label", nullableString(),
                "value", obj("type", List.of("string", "null"), "description", "the figure the clause states, as written (超70%, 1000亿元)"),
                "horizon", horizon("from the target year and the document's date; null when the document's date is unknown"),
                "document", str(), "evidence", arrayOf(ref("Evidence"))));
        s.put("Mechanism", item("level", nullable("LinkRef"), "lens", nullable("Ref"), "family", nullable("LinkRef"),
                "paths", arrayOf(ref("LinkRef")),
                "examples", arrayOf(allOf("LinkRef", object("type", obj("type", "string", "enum", List.of("Organization", "Sector"))))),
                "policies", arrayOf(allOf("LinkRef", object("horizon", horizon("the policy's horizon"))))));
        s.put("Path", item("level", nullable("LinkRef"), "parent", nullable("LinkRef"), "children", arrayOf(ref("LinkRef")),
                "cases", arrayOf(ref("LinkRef")), "mechanisms", arrayOf(ref("LinkRef"))));
        s.put("Policy", item("horizon", horizon("the policy's horizon"), "level", nullable("LinkRef"),
                "mechanisms", arrayOf(ref("LinkRef")), "measures", arrayOf(ref("LinkRef"))));
        s.put("Organization", item("paths", arrayOf(ref("LinkRef")), "mechanisms", arrayOf(ref("LinkRef")),
                "levels", arrayOf(ref("LinkRef")), "sameAs", arrayOf(str())));
        s.put("Sector", item("mechanisms", arrayOf(ref("LinkRef"))));
        s.put("Level", item("lens", nullable("LinkRef"), "mechanisms", arrayOf(ref("LinkRef")), "paths", arrayOf(ref("LinkRef")),
                "risks", arrayOf(ref("LinkRef"))));
        s.put("Section", object("id", str(), "number", nullableString(), "title", nullableString(), "kind", nullableString(),
                "start", integer(null), "end", integer(null), "parent", nullableString()));
        s.put("Document", object("id", str(), "iri", str(), "label", ref("Label"), "evidence", ref("EvidenceSummary"),
                "title", nullableString(), "language", nullableString(), "sourceFile", nullableString(), "sections", arrayOf(ref("Section")),
                "statements", integer("statements extracted from the document"), "loadedAt", nullableString(), "mentionedIn", ref("MentionedIn")));
        s.put("SearchMention", object("id", str(), "kind", str(), "iri", str(), "label", nullableString(), "type", nullableString()));
        s.put("SearchHit", object("sentence", str(), "iri", str(), "text", nullableString(), "snippet", nullableString(),
                "document", nullableString(), "section", nullableString(), "start", integer("code point offset; -1 when unknown"),
                "end", integer(null), "score", obj("type", "number"), "mentions", arrayOf(ref("SearchMention"))));
        s.put("SearchResult", page(ref("SearchHit")));
        s.put("NamedQueryParam", optional(object("name", str(), "type", obj("type", "string", "enum", List.of("slug", "iri", "string", "integer", "lang")),
                "kind", str(), "pattern", str(), "required", obj("type", "boolean"), "default", str(), "description", str()), "kind", "default"));
        s.put("NamedQueryInfo", object("name", str(), "summary", str(), "description", str(), "params", arrayOf(ref("NamedQueryParam")),
                "pagination", obj("type", List.of("integer", "null"))));
        s.put("QueryRows", described("One page of a named query's rows: each row maps every projected variable to its value: an IRI or a "
                + "string as a string, a number (xsd:integer, xsd:decimal, xsd:double …) as a JSON number, a boolean as a boolean, null when unbound",
                object("items", arrayOf(obj("type", "object", "additionalProperties", obj("type", List.of("string", "number", "boolean", "null")))),
                        "total", integer("rows of the whole answer"), "limit", integer(null), "offset", integer(null), "hasMore", obj("type", "boolean"))));
        s.put("ReconcileQueries", obj("type", "object", "maxProperties", ReconcileRoutes.MAX_QUERIES, "minProperties", 1,
                "additionalProperties", optional(object("query", obj("type", "string", "minLength", 1, "maxLength", ReconcileRoutes.MAX_QUERY_LENGTH),
                        "type", obj("anyOf", List.of(str(), arrayOf(str()))),
                        "limit", obj("type", "integer", "minimum", 1, "maximum", ReconcileRoutes.MAX_LIMIT),
                        "type_strict", str(), "properties", obj("type", "array")), "type", "limit", "type_strict", "properties")));
        Map<String, Object> type = object("id", obj("type", "string", "enum", ReconcileIndex.KINDS.stream().map(k -> k.type).toList()), "name", str());
        s.put("ReconcileManifest", object("versions", arrayOf(str()), "name", str(), "identifierSpace", str(), "schemaSpace", str(),
                "defaultTypes", arrayOf(type), "view", object("url", str()), "batchSize", integer(null), "documentation", str()));
        s.put("ReconcileResults", obj("type", "object", "additionalProperties", object("result", arrayOf(object(
                "id", obj("type", "string", "description", "kind/slug under the identifier space https://w3id.org/nqpf-kg/id/"),
                "name", str(), "description", str(), "type", arrayOf(type),
                "score", obj("type", "number", "minimum", 0, "maximum", 100),
                "match", obj("type", "boolean", "description", "true only for the thing's own name, carried by no other candidate"))))));
        s.put("Health", object("status", obj("type", "string", "enum", List.of("ok")),
                "version", integer("the store version now: it changes with every load or update"),
                "triples", obj("type", List.of("integer", "null"), "description", "quads in the store (all graphs) as of countedVersion; null until the first count"),
                "documents", obj("type", List.of("integer", "null"), "description", "documents in the store as of countedVersion"),
                "countedVersion", obj("type", List.of("integer", "null"), "description",
                        "the store version the counts are of; when it differs from version, a recount is under way"),
                "cache", described("the response cache of this store version", object("entries", integer(null),
                        "bytes", integer("heap the entries fill (bodies, keys, overhead)"), "limit", integer("most bytes the cache may fill; 0 when it is off")))));
        s.put("LoadSummary", object("id", nullableString(), "iri", nullableString(), "source", str(), "graphs", arrayOf(str()),
                "triples", integer(null), "mentions", integer(null), "summary", arrayOf(str()), "replaced", obj("type", "boolean")));
        s.put("Problem", optional(object("type", str(), "title", str(), "status", obj("type", "integer", "minimum", 400, "maximum", 599),
                "detail", str(), "instance", str()), "instance"));
        return s;
    }

    static String of(Kind k) { return k.type; }

    /** A page of a paged list: items, total, limit, offset. */
    static Map<String, Object> page(Map<String, Object> items) {
        return object("items", arrayOf(items), "total", integer("items in the whole list"), "limit", integer(null), "offset", integer(null));
    }

    /** An item of a kind: the fields every item has, then the kind's own. */
    private static Map<String, Object> item(Object... own) {
        List<Object> kv = new ArrayList<>(List.of("id", str(), "iri", str(), "label", ref("Label"), "evidence", ref("EvidenceSummary"),
                "mentionedIn", ref("MentionedIn"), "totals", obj("type", "object", "additionalProperties", integer(null),
                        "description", "for each list of references the item carries, how many there are: a list carries the "
                                + Shapes.MAX_REFS + " with most evidence")));
        kv.addAll(Arrays.asList(own));
        return object(kv.toArray());
    }

    /** An object whose listed properties are all required. */
    static Map<String, Object> object(Object... kv) {
        Map<String, Object> properties = obj(kv);
        return obj("type", "object", "properties", properties, "required", new ArrayList<>(properties.keySet()));
    }

    /** The object schema with these properties no longer required. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> optional(Map<String, Object> object, String... names) {
        ((List<String>) object.get("required")).removeAll(List.of(names));
        return object;
    }

    private static Map<String, Object> described(String description, Map<String, Object> schema) {
        Map<String, Object> m = obj("description", description);
        m.putAll(schema);
        return m;
    }

    private static Map<String, Object> allOf(String base, Map<String, Object> more) { return obj("allOf", List.of(ref(base), more)); }

    private static Map<String, Object> horizon(String description) {
        return obj("type", List.of("string", "null"), "enum", Arrays.asList("short", "medium", "long", null), "description", description);
    }

    private static Map<String, Object> nullable(String schema) { return obj("anyOf", List.of(ref(schema), obj("type", "null"))); }

    private static Map<String, Object> nullableString() { return obj("type", List.of("string", "null")); }

    private static Map<String, Object> str() { return obj("type", "string"); }

    private static Map<String, Object> integer(String description) {
        return description == null ? obj("type", "integer") : obj("type", "integer", "description", description);
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) { return obj("type", "array", "items", items); }

    static Map<String, Object> ref(String schema) { return obj("$ref", "#/components/schemas/" + schema); }

    /** An ordered map from alternating keys and values: the document reads the same, byte for byte, on every start. */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
