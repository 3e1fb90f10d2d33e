package org.nqpfkg.server.lod;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.nqpfkg.loader.Vocab;

/** Writes a graph in the representation a client chose: an RDF serialisation, or a page for people. */
public final class Representations {
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";

    private Representations() {}

    /** The prefixes a reader of our RDF expects to see. */
    public static void usualPrefixes(PrefixMapping pm) {
        pm.setNsPrefix("nqpf", Vocab.NQPF).setNsPrefix("nif", Vocab.NIF).setNsPrefix("skos", Vocab.SKOS)
                .setNsPrefix("rdfs", Vocab.RDFS).setNsPrefix("rdf", Vocab.RDF).setNsPrefix("prov", Vocab.PROV)
                .setNsPrefix("dcterms", Vocab.DCT).setNsPrefix("owl", Vocab.OWL).setNsPrefix("xsd", Vocab.XSD)
                .setNsPrefix("id", Vocab.ID).setNsPrefix("void", VOID).setNsPrefix("dcat", DCAT).setNsPrefix("sd", SD);
    }

    /** Of the usual prefixes, those the graph's IRIs use: a reader need not skip a dozen it never meets. */
    private static void usedPrefixes(Graph g) {
        PrefixMapping usual = new org.apache.jena.shared.impl.PrefixMappingImpl();
        usualPrefixes(usual);
        java.util.Set<String> used = new java.util.HashSet<>();
        g.find().forEach(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()})
                if (n.isURI()) usual.getNsPrefixMap().forEach((prefix, ns) -> { if (n.getURI().startsWith(ns)) used.add(prefix); });
        });
        usual.getNsPrefixMap().forEach((prefix, ns) -> { if (used.contains(prefix)) g.getPrefixMapping().setNsPrefix(prefix, ns); });
    }

    /** {@code g} as {@code media}; a page shows {@code focus}, each in a section of its own, under {@code title}. */
    public static byte[] render(Graph g, RdfMedia media, String title, List<Node> focus) {
        usedPrefixes(g);
        if (media == RdfMedia.HTML) return RdfHtml.page(title, g, focus);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(media.format).output(out);
        return out.toByteArray();
    }
}
