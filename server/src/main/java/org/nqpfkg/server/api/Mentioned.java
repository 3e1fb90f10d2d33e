package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Which documents mention a concept, and how often: {"total", "documentCount", "documents": the ten that
 * mention it most}, so an item stays the same size however many documents the corpus holds.
 */
final class Mentioned {
    static final int TOP = 10;
    private static final String COUNTS = """
            SELECT ?x ?d (COUNT(?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?x ; nif:referenceContext ?d } GROUP BY ?x ?d
            """;
    private static final String DOCUMENTS = """
            SELECT ?x ?slug ?title WHERE { ?x nqpf:slug ?slug . OPTIONAL { ?x dcterms:title ?title } }
            """;

    private final DatasetGraph dsg;

    Mentioned(DatasetGraph dsg) { this.dsg = dsg; }

    /** The mentionedIn summary of each concept IRI (call inside a read transaction). */
    Map<String, Map<String, Object>> of(Collection<String> concepts) {
        Map<String, List<Object[]>> perConcept = new HashMap<>();
        if (!concepts.isEmpty())
            for (Binding b : Sparql.select(dsg, COUNTS, Map.of(), concepts))
                perConcept.computeIfAbsent(Sparql.str(b, "x"), k -> new ArrayList<>())
                        .add(new Object[] {Sparql.str(b, "d"), Sparql.integer(b, "n")});
        Set<String> shown = new LinkedHashSet<>();
        perConcept.values().forEach(rows -> {
            rows.sort((a, b) -> (Integer) b[1] != (int) (Integer) a[1] ? (Integer) b[1] - (Integer) a[1] : ((String) a[0]).compareTo((String) b[0]));
            rows.stream().limit(TOP).forEach(r -> shown.add((String) r[0]));
        });
        Map<String, String[]> docs = new HashMap<>();
        if (!shown.isEmpty())
            for (Binding b : Sparql.select(dsg, DOCUMENTS, Map.of(), shown))
                docs.putIfAbsent(Sparql.str(b, "x"), new String[] {Sparql.str(b, "slug"), Sparql.str(b, "title")});
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (String c : concepts) {
            List<Object[]> rows = perConcept.getOrDefault(c, List.of());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", rows.stream().mapToInt(r -> (Integer) r[1]).sum());
            m.put("documentCount", rows.size());
            List<Map<String, Object>> top = new ArrayList<>();
            for (Object[] r : rows.stream().limit(TOP).toList()) {
                String[] d = docs.getOrDefault((String) r[0], new String[] {Sparql.id((String) r[0]), null});
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", d[0]);
                doc.put("title", d[1]);
                doc.put("count", r[1]);
                top.add(doc);
            }
            m.put("documents", top);
            out.put(c, m);
        }
        return out;
    }
}
