package org.nqpfkg.server.lod;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.DatasetStats;

/**
 * A SPARQL 1.1 Service Description of the endpoint (https://www.w3.org/TR/sparql11-service-description/): what it
 * speaks, which result formats it gives, and its default dataset, which is the dataset the VoID description names.
 */
public final class ServiceDescription {
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private ServiceDescription() {}

    /** @param endpoint the endpoint's URL as the client reached it; {@code writable} when SPARQL Update is offered */
    public static Graph build(String endpoint, boolean writable, DatasetStats.Counts counts) {
        Graph g = GraphFactory.createDefaultGraph();
        Node service = Vocab.iri(endpoint);
        Node dataset = Vocab.iri(Iris.DATASET);
        g.add(service, RDF.type.asNode(), sd("Service"));
        g.add(service, sd("endpoint"), service);
        g.add(service, RDFS.label.asNode(), NodeFactory.createLiteralLang("nqpf-kg SPARQL endpoint", "en"));
        g.add(service, sd("supportedLanguage"), sd("SPARQL11Query"));
        if (writable) g.add(service, sd("supportedLanguage"), sd("SPARQL11Update"));
        // The default graph is the union of every named graph (TDB2's union default graph).
        g.add(service, sd("feature"), sd("UnionDefaultGraph"));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"})
            g.add(service, sd("resultFormat"), Vocab.iri(FORMATS + f));
        g.add(service, sd("defaultDataset"), dataset);
        g.add(dataset, RDF.type.asNode(), sd("Dataset"));
        g.add(dataset, RDF.type.asNode(), Vocab.iri(Representations.VOID + "Dataset"));
        g.add(dataset, Vocab.iri(Representations.VOID + "triples"), NodeFactory.createLiteralDT(Long.toString(counts.triples()), XSDDatatype.XSDinteger));
        Node defaultGraph = NodeFactory.createBlankNode();
        g.add(dataset, sd("defaultGraph"), defaultGraph);
        g.add(defaultGraph, RDF.type.asNode(), sd("Graph"));
        g.add(dataset, Vocab.iri(Representations.VOID + "sparqlEndpoint"), service);
        g.add(dataset, RDFS.seeAlso.asNode(), Vocab.iri(Iris.VOID_DOCUMENT));
        g.add(dataset, Vocab.dct("license"), Vocab.iri(Iris.CC_BY_4));
        return g;
    }

    private static Node sd(String local) { return Vocab.iri(Representations.SD + local); }
}
