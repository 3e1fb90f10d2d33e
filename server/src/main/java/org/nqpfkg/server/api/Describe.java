package org.nqpfkg.server.api;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/** What the graph says about one resource: its own triples, its evidence spans, and the statements it is the subject of. */
final class Describe {
    private static final String QUERY = Vocab.PREFIXES + """
            CONSTRUCT { ?x ?p ?o . ?ev ?ep ?eo . ?st ?sp ?so }
            WHERE {
              { ?x ?p ?o FILTER(?p != nif:isString) }
              UNION { ?x nqpf:evidence ?ev . ?ev ?ep ?eo }
              UNION { ?st rdf:subject ?x ; ?sp ?so }
            }""";

    private Describe() {}

    static Graph graph(DatasetGraph dsg, String iri) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(QUERY).substitution("x", Vocab.iri(iri)).build()) {
                return qe.construct();
            }
        });
    }

    /** The description in the representation the client chose (see {@link Negotiation}). */
    static ResponseCache.Entry render(Graph g, org.nqpfkg.server.lod.RdfMedia media, String iri) {
        return Negotiation.entry(g, media, iri, java.util.List.of(Vocab.iri(iri)));
    }
}
