package org.nqpfkg.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI paths of the linked-data routes: the vocabulary's IRIs, the dataset description and the dumps. */
final class LinkedDataApiDoc {
    private LinkedDataApiDoc() {}

    static final String NEGOTIATION = " Representation by Accept: text/turtle (default), application/ld+json, application/n-triples, "
            + "application/rdf+xml or text/html; any other type is refused with 406.";

    static Map<String, Object> paths() {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/ontology", rdf("getOntology", "The OWL ontology: the ontology IRI, and every class and property, which are hash IRIs "
                + "in it (ontology#Level); the page has a section per term at its fragment, with labels, comment, domain and range.", List.of()));
        paths.put("/vocab/term/{id}", rdf("getVocabularyTerm", "A SKOS vocabulary term (e.g. /vocab/term/artificial-intelligence).",
                List.of(Map.of("name", "id", "in", "path", "required", true, "description", "the term's slug",
                        "schema", Map.of("type", "string", "pattern", "^[a-z0-9-]+$")))));
        paths.put("/context.jsonld", rdf("getJsonLdContext", "The JSON-LD context of the facade's JSON (every /api/ JSON answer links to it "
                + "with a Link header, rel http://www.w3.org/ns/json-ld#context). application/ld+json or application/json gives the "
                + "context document itself; the other types a description of it.", List.of()));
        paths.put("/.well-known/void", rdf("getVoid", "VoID and DCAT description of the dataset: triples, class and property partitions, "
                + "SPARQL endpoint, dumps, vocabularies, linksets with their link counts, licence (CC BY 4.0). Counted once per store version.",
                List.of()));
        Map<String, Object> dumpResponses = new LinkedHashMap<>();
        dumpResponses.put("200", Map.of("description", "The gzipped dump (with an ETag naming its store version)",
                "content", Map.of("application/gzip", Map.of("schema", Map.of("type", "string", "format", "binary")))));
        dumpResponses.put("304", Map.of("description", "Not modified"));
        dumpResponses.put("404", problem());
        everyRoute(dumpResponses);
        paths.put("/dumps/{file}", Map.of("get", Map.of("operationId", "getDump", "tags", List.of("linked data"),
                "summary", "Every quad of the store, gzipped TriG or N-Quads, written once per store version",
                "parameters", List.of(Map.of("name", "file", "in", "path", "required", true,
                        "schema", Map.of("type", "string", "enum", List.of("nqpf-kg.trig.gz", "nqpf-kg.nq.gz")))),
                "responses", dumpResponses)));
        return paths;
    }

    private static Map<String, Object> rdf(String operationId, String summary, List<Map<String, Object>> params) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "text/html"))
            content.put(type, Map.of("schema", Map.of("type", type.equals("application/ld+json") ? "object" : "string")));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "The resource in the negotiated representation", "content", content));
        responses.put("304", Map.of("description", "Not modified"));
        responses.put("404", problem());
        responses.put("406", problem());
        everyRoute(responses);
        Map<String, Object> get = new LinkedHashMap<>();
        get.put("operationId", operationId);
        get.put("summary", summary + NEGOTIATION);
        get.put("tags", List.of("linked data"));
        get.put("parameters", params);
        get.put("responses", responses);
        return Map.of("get", get);
    }

    /** What any route may answer (a malformed request, a too-long URI, the rate limit, an internal error). */
    private static void everyRoute(Map<String, Object> responses) {
        for (String status : List.of("400", "414", "429", "431", "500", "503")) responses.putIfAbsent(status, problem());
    }

    private static Map<String, Object> problem() {
        return Map.of("description", "Problem (RFC 9457)", "content",
                Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
    }
}
