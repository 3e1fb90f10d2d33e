package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;

/** Document items: title, language, sections, number of statements, when it was loaded. */
final class Documents {
    private static final String DOCS = """
            SELECT ?x ?title ?lang ?loaded ?source WHERE {
              ?x a nqpf:Document .
              OPTIONAL { ?x dcterms:title ?title } OPTIONAL { ?x dcterms:language ?lang } OPTIONAL { ?x nqpf:sourceFile ?source }
              OPTIONAL { ?x prov:wasGeneratedBy/prov:endedAtTime ?loaded }
            }""";
    private static final String SECTIONS = """
            SELECT ?x ?s ?num ?title ?kind ?b ?e ?parent WHERE {
              ?s a nqpf:Section ; nif:referenceContext ?x ; nif:beginIndex ?b ; nif:endIndex ?e .
              OPTIONAL { ?s nqpf:sectionNumber ?num } OPTIONAL { ?s dcterms:title ?title } OPTIONAL { ?s nqpf:sectionKind ?kind }
              OPTIONAL { ?s nqpf:parentSection ?parent }
            } ORDER BY ?x ?b ?s""";
    private static final String STATEMENTS = """
            SELECT ?x (COUNT(DISTINCT ?st) AS ?n) WHERE { GRAPH ?g { ?x a nqpf:Document . ?st a nqpf:Statement } } GROUP BY ?x""";

    private final DatasetGraph dsg;

    Documents(DatasetGraph dsg) { this.dsg = dsg; }

    List<Map<String, Object>> build(List<String> iris) {
        Map<String, List<Map<String, Object>>> sections = new HashMap<>();
        for (Binding b : Sparql.select(dsg, SECTIONS, Map.of(), iris)) {
            Map<String, Object> s = new LinkedHashMap<>();
            String iri = Sparql.str(b, "s");
            s.put("id", Sparql.id(iri));
            s.put("number", Sparql.str(b, "num"));
            s.put("title", Sparql.str(b, "title"));
            s.put("kind", Sparql.str(b, "kind"));
            s.put("start", Sparql.integer(b, "b"));
            s.put("end", Sparql.integer(b, "e"));
            String parent = Sparql.str(b, "parent");
            s.put("parent", parent == null ? null : Sparql.id(parent));
            sections.computeIfAbsent(Sparql.str(b, "x"), k -> new ArrayList<>()).add(s);
        }
        Map<String, Integer> statements = new HashMap<>();
        for (Binding b : Sparql.select(dsg, STATEMENTS, Map.of(), iris)) statements.put(Sparql.str(b, "x"), Sparql.integer(b, "n"));
        Map<String, Map<String, Object>> byIri = new LinkedHashMap<>();
        for (Binding b : Sparql.select(dsg, DOCS, Map.of(), iris)) {
            String x = Sparql.str(b, "x");
            Map<String, Object> d = byIri.computeIfAbsent(x, k -> new LinkedHashMap<>());
            if (!d.isEmpty()) continue;
            String title = Sparql.str(b, "title");
            d.put("id", Sparql.id(x));
            d.put("iri", x);
            Map<String, String> label = new LinkedHashMap<>();
            label.put("zh", title);
            label.put("en", null);
            d.put("label", label);
            d.put("evidence", EvidenceSummary.of(List.of(), null));
            d.put("title", title);
            d.put("language", Sparql.str(b, "lang"));
            d.put("sourceFile", Sparql.str(b, "source"));
            d.put("sections", sections.getOrDefault(x, List.of()));
            d.put("statements", statements.getOrDefault(x, 0));
            d.put("loadedAt", Sparql.str(b, "loaded"));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String iri : iris) if (byIri.containsKey(iri)) out.add(byIri.get(iri));
        return out;
    }
}
