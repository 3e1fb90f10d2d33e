package org.nqpfkg.server.lod;

import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.DatasetStats;

/**
 * The dataset described for machines: VoID (size, class and property partitions, SPARQL endpoint, dumps,
 * vocabularies, linksets) and DCAT (distributions, the endpoint as a data service), with the data's licence.
 * Built from counts kept per store version ({@link DatasetStats}), so asking for it does not scan the store.
 */
public final class VoidDescription {
    /** The gzipped dumps, file name → media type of what is inside. */
    public static final Map<String, String> DUMPS = Map.of("nqpf-kg.trig.gz", "application/trig", "nqpf-kg.nq.gz", "application/n-quads");
    /** Vocabularies the data uses besides its own. */
    private static final List<String> VOCABULARIES = List.of(Iris.ONTOLOGY, Vocab.SKOS, Vocab.PROV, Vocab.DCT, Vocab.NIF,
            "http://www.w3.org/ns/org#", "http://www.w3.org/ns/oa#", Vocab.OWL, Vocab.RDFS);

    private final Graph g = GraphFactory.createDefaultGraph();
    private final Node dataset = Vocab.iri(Iris.DATASET);

    private VoidDescription() {}

    /**
     * @param endpoint   the SPARQL endpoint's URL as the client reaches it
     * @param facadeBase the facade's URL as the client reaches it (where the dumps are), without a trailing slash
     */
    public static Graph build(DatasetGraph dsg, DatasetStats.Counts counts, String endpoint, String facadeBase) {
        VoidDescription d = new VoidDescription();
        d.describe(counts, endpoint, facadeBase);
        d.linksets(dsg, counts);
        return d.g;
    }

    private void describe(DatasetStats.Counts counts, String endpoint, String facadeBase) {
        Node doc = Vocab.iri(Iris.VOID_DOCUMENT);
        add(doc, RDF.type.asNode(), v("DatasetDescription"));
        add(doc, Vocab.dct("title"), NodeFactory.createLiteralLang("A VoID and DCAT description of nqpf-kg", "en"));
        add(doc, Vocab.iri(Representations.FOAF + "primaryTopic"), dataset);

        add(dataset, RDF.type.asNode(), v("Dataset"));
        add(dataset, RDF.type.asNode(), dcat("Dataset"));
        add(dataset, Vocab.dct("title"), NodeFactory.createLiteralLang("nqpf-kg: how artificial intelligence drives new quality productive forces", "en"));
        add(dataset, Vocab.dct("title"), NodeFactory.createLiteralLang("nqpf-kg：人工智能促进新质生产力涌现知识图谱", "zh"));
        add(dataset, Vocab.dct("description"), NodeFactory.createLiteralLang("Levels, lenses, paths, mechanisms, cases, sectors and policies "
                + "read from Chinese research papers and policy texts, every statement with its evidence (document, quote, offsets).", "en"));
        add(dataset, Vocab.dct("license"), Vocab.iri(Iris.CC_BY_4));
        add(dataset, Vocab.dct("rights"), NodeFactory.createLiteralLang("The graph is licensed under CC BY 4.0. The source documents stay "
                + "under their own rights (see dcterms:rights on each document); quotes are kept as evidence.", "en"));
        add(dataset, Vocab.dct("publisher"), NodeFactory.createLiteralString("nqpf-kg contributors"));
        add(dataset, dcat("keyword"), NodeFactory.createLiteralLang("新质生产力", "zh"));
        add(dataset, dcat("keyword"), NodeFactory.createLiteralLang("new quality productive forces", "en"));
        add(dataset, dcat("keyword"), NodeFactory.createLiteralLang("artificial intelligence", "en"));
        add(dataset, v("uriSpace"), NodeFactory.createLiteralString(Vocab.ID));
        add(dataset, v("exampleResource"), Vocab.iri(Vocab.ID + "level/employee"));
        VOCABULARIES.forEach(voc -> add(dataset, v("vocabulary"), Vocab.iri(voc)));
        add(dataset, v("triples"), count(counts.triples()));
        add(dataset, v("classes"), count(counts.classEntities().size()));
        add(dataset, v("properties"), count(counts.propertyTriples().size()));

        Node sparql = Vocab.iri(endpoint);
        add(dataset, v("sparqlEndpoint"), sparql);
        Node service = NodeFactory.createBlankNode();
        add(service, RDF.type.asNode(), dcat("DataService"));
        add(service, dcat("endpointURL"), sparql);
        add(service, Vocab.dct("conformsTo"), Vocab.iri("https://www.w3.org/TR/sparql11-protocol/"));
        add(service, dcat("servesDataset"), dataset);
        add(dataset, dcat("service"), service);

        DUMPS.forEach((file, type) -> {
            Node url = Vocab.iri(facadeBase + "/dumps/" + file);
            add(dataset, v("dataDump"), url);
            Node dist = NodeFactory.createBlankNode();
            add(dataset, dcat("distribution"), dist);
            add(dist, RDF.type.asNode(), dcat("Distribution"));
            add(dist, dcat("downloadURL"), url);
            add(dist, dcat("mediaType"), Vocab.iri("https://www.iana.org/assignments/media-types/" + type));
            add(dist, dcat("compressFormat"), Vocab.iri("https://www.iana.org/assignments/media-types/application/gzip"));
            add(dist, Vocab.dct("license"), Vocab.iri(Iris.CC_BY_4));
        });

        counts.classEntities().forEach((cls, n) -> {
            Node part = NodeFactory.createBlankNode();
            add(dataset, v("classPartition"), part);
            add(part, v("class"), Vocab.iri(cls));
            add(part, v("entities"), count(n));
        });
        counts.propertyTriples().forEach((p, n) -> {
            Node part = NodeFactory.createBlankNode();
            add(dataset, v("propertyPartition"), part);
            add(part, v("property"), Vocab.iri(p));
            add(part, v("triples"), count(n));
        });
    }

    /** Each linkset graph as the file describes it, with the number of links it holds now. */
    private void linksets(DatasetGraph dsg, DatasetStats.Counts counts) {
        Txn.executeRead(dsg, () -> counts.linksetLinks().forEach((graph, n) -> {
            Graph links = dsg.getGraph(Vocab.iri(graph));
            links.find(Node.ANY, RDF.type.asNode(), v("Linkset")).forEach(t -> {
                Node linkset = t.getSubject();
                links.find(linkset, Node.ANY, Node.ANY).forEach(d -> {
                    g.add(d);
                    // A blank node (the agent a linkset is attributed to) comes with what the file says of it.
                    if (d.getObject().isBlank()) links.find(d.getObject(), Node.ANY, Node.ANY).forEach(g::add);
                });
                add(dataset, v("subset"), linkset);
                add(linkset, v("triples"), count(n));
                add(linkset, Vocab.iri(Vocab.PROV + "wasDerivedFrom"), Vocab.iri(graph));
                // The target dataset's own description travels with the linkset.
                links.find(linkset, v("objectsTarget"), Node.ANY).forEach(o -> links.find(o.getObject(), Node.ANY, Node.ANY).forEach(g::add));
            });
        }));
    }

    private void add(Node s, Node p, Node o) { g.add(s, p, o); }
    private static Node v(String local) { return Vocab.iri(Representations.VOID + local); }
    private static Node dcat(String local) { return Vocab.iri(Representations.DCAT + local); }
    private static Node count(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }
}
