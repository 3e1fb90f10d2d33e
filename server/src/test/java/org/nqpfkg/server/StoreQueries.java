package org.nqpfkg.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.nqpfkg.loader.Vocab;

/** SPARQL over a closed TDB2 store folder, as analysts would ask it (union default graph, project prefixes). */
final class StoreQueries {
    private StoreQueries() {}

    static List<Map<String, String>> select(Path store, String query) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        try {
            return Txn.calculateRead(dsg, () -> {
                List<Map<String, String>> rows = new ArrayList<>();
                var rowSet = QueryExec.dataset(dsg).query(Vocab.PREFIXES + query).select();
                var vars = rowSet.getResultVars();
                rowSet.forEachRemaining(b -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (var v : vars) {
                        var n = b.get(v);
                        row.put(v.getVarName(), n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                    }
                    rows.add(row);
                });
                return rows;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** Rows as "a | b" strings, sorted, for set comparisons. */
    static Set<String> lines(Path store, String query) {
        Set<String> out = new TreeSet<>();
        for (Map<String, String> row : select(store, query)) out.add(String.join(" | ", row.values()));
        return out;
    }

    /** Every extracted link between named things, as "subject | predicate | object" in Chinese labels. */
    static final String LINKS = """
            SELECT ?s ?p ?o WHERE {
              ?st a nqpf:Statement ; rdf:subject ?x ; rdf:predicate ?pp ; rdf:object ?y .
              ?x rdfs:label ?s . ?y rdfs:label ?o .
              FILTER(lang(?s) = "zh" && lang(?o) = "zh")
              BIND(STRAFTER(STR(?pp), "#") AS ?p)
            }""";
}
