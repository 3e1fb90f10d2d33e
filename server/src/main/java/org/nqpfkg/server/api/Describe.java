package org.nqpfkg.server.api;

import java.io.ByteArrayOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
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

    /** The RDF serialisation a client asks for: JSON-LD, N-Triples, or Turtle by default. */
    static ResponseCache.Entry render(Graph g, String accept) {
        g.getPrefixMapping().setNsPrefix("nqpf", Vocab.NQPF).setNsPrefix("nif", Vocab.NIF).setNsPrefix("skos", Vocab.SKOS)
                .setNsPrefix("rdfs", Vocab.RDFS).setNsPrefix("rdf", Vocab.RDF).setNsPrefix("prov", Vocab.PROV)
                .setNsPrefix("dcterms", Vocab.DCT).setNsPrefix("id", Vocab.ID);
        String a = accept == null ? "" : accept;
        RDFFormat format = a.contains("application/ld+json") ? RDFFormat.JSONLD11_PRETTY
                : a.contains("application/n-triples") ? RDFFormat.NTRIPLES : RDFFormat.TURTLE_PRETTY;
        String type = format == RDFFormat.JSONLD11_PRETTY ? "application/ld+json"
                : format == RDFFormat.NTRIPLES ? "application/n-triples" : "text/turtle; charset=utf-8";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(format).output(out);
        return Responses.entry(200, type, out.toByteArray());
    }
}
