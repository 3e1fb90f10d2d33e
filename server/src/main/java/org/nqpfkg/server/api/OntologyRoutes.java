package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.lod.Iris;
import org.nqpfkg.server.lod.RdfMedia;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The vocabulary's own IRIs, dereferenceable with content negotiation: the ontology (whose classes and properties
 * are hash IRIs, so a client fetching {@code ontology#Level} asks for {@code /ontology} and the page has a section
 * per term), the SKOS vocabulary terms under {@code /vocab/}, and the JSON-LD context.
 */
final class OntologyRoutes {
    private static final Node JSONLD_CONTEXT = NodeFactory.createURI("http://www.w3.org/ns/json-ld#Context");
    private static final List<Node> PROPERTY_TYPES = List.of(OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode(),
            OWL.AnnotationProperty.asNode(), RDF.Property.asNode());

    private final KnowledgeStore store;
    private final ResponseCache cache;

    OntologyRoutes(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    void ontology(Context ctx) {
        RdfMedia media = Negotiation.choose(ctx, RdfMedia.ALL);
        Responses.send(ctx, cache.get("ontology " + media, () -> {
            Graph g = storedGraph(Vocab.ONTOLOGY_GRAPH);
            return Negotiation.entry(g, media, "nqpf-kg ontology", terms(g));
        }));
    }

    void vocabulary(Context ctx) {
        String rest = ctx.pathParam("rest");
        if (!rest.matches("[a-z0-9-]+(/[a-z0-9-]+){0,3}")) throw Problem.notFound("no vocabulary term at /vocab/" + Params.abbreviate(rest));
        RdfMedia media = Negotiation.choose(ctx, RdfMedia.ALL);
        String iri = Vocab.BASE + "vocab/" + rest;
        ResponseCache.Entry e = cache.get("vocab " + rest + " " + media, () -> {
            Graph g = Describe.graph(store.datasetGraph(), iri);
            return g.isEmpty() ? null : Describe.render(g, media, iri);
        });
        if (e == null) throw Problem.notFound("the vocabulary says nothing about " + iri);
        Responses.send(ctx, e);
    }

    /** The context file itself for JSON-LD (and plain JSON) clients; a short description of it in the other formats. */
    void context(Context ctx) {
        RdfMedia media = Negotiation.choose(ctx, List.of(RdfMedia.JSONLD, RdfMedia.TURTLE, RdfMedia.NTRIPLES, RdfMedia.RDFXML, RdfMedia.HTML));
        Responses.send(ctx, cache.get("context " + media, () -> media == RdfMedia.JSONLD
                ? Responses.entry(200, "application/ld+json", store.ontology().bytes("context.jsonld"))
                : Negotiation.entry(contextDescription(), media, "nqpf-kg JSON-LD context", List.of(Vocab.iri(Iris.CONTEXT)))));
    }

    private static Graph contextDescription() {
        Graph g = GraphFactory.createDefaultGraph();
        Node ctx = Vocab.iri(Iris.CONTEXT);
        g.add(ctx, RDF.type.asNode(), JSONLD_CONTEXT);
        g.add(ctx, RDFS.label.asNode(), NodeFactory.createLiteralLang("nqpf-kg JSON-LD context", "en"));
        g.add(ctx, RDFS.label.asNode(), NodeFactory.createLiteralLang("nqpf-kg JSON-LD 上下文", "zh"));
        g.add(ctx, RDFS.comment.asNode(), NodeFactory.createLiteralLang(
                "Maps the short keys of the facade's JSON and of the JSON-LD we serve to the ontology's and the reused vocabularies' IRIs. "
                        + "Ask for application/ld+json to get the context document itself.", "en"));
        g.add(ctx, Vocab.dct("format"), NodeFactory.createLiteralString("application/ld+json"));
        g.add(ctx, Vocab.dct("license"), Vocab.iri(Iris.CC_BY_4));
        g.add(ctx, RDFS.seeAlso.asNode(), Vocab.iri(Iris.ONTOLOGY));
        return g;
    }

    private Graph storedGraph(String name) {
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(store.datasetGraph(), () -> store.datasetGraph().getGraph(Vocab.iri(name)).find().forEach(copy::add));
        return copy;
    }

    /** The ontology first, then its classes, then its properties, each group by IRI. */
    private static List<Node> terms(Graph g) {
        Set<Node> ordered = new LinkedHashSet<>();
        ordered.add(Vocab.iri(Iris.ONTOLOGY));
        ordered.addAll(sorted(g, List.of(OWL.Class.asNode(), RDFS.Class.asNode())));
        ordered.addAll(sorted(g, PROPERTY_TYPES));
        return new ArrayList<>(ordered);
    }

    private static List<Node> sorted(Graph g, List<Node> types) {
        Set<Node> found = new LinkedHashSet<>();
        for (Node type : types) g.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> { if (t.getSubject().isURI()) found.add(t.getSubject()); });
        List<Node> list = new ArrayList<>(found);
        list.sort(Comparator.comparing(Node::getURI));
        return list;
    }
}
