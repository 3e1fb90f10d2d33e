package org.nqpfkg.server.remote;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.nqpfkg.loader.Vocab;

/**
 * Blank nodes as they travel to and from a remote store: written as skolem IRIs (RDF 1.1, section 3.5), read back
 * as the same blank nodes. Some stores refuse blank nodes in {@code INSERT DATA} (Virtuoso 7), and none lets
 * {@code DELETE DATA} name one; a skolem IRI keeps the ontology's OWL lists and SHACL property shapes writable,
 * deletable and identical after a round trip, on every store.
 */
final class Skolem {
    private Skolem() {}

    static final String PREFIX = Vocab.BASE + ".well-known/genid/";

    /** The IRI standing for a blank node; any other node as it is. */
    static Node skolemize(Node n) {
        if (!n.isBlank()) return n;
        return NodeFactory.createURI(PREFIX + URLEncoder.encode(n.getBlankNodeLabel(), StandardCharsets.UTF_8));
    }

    /** The blank node a skolem IRI stands for; any other node as it is. */
    static Node unskolemize(Node n) {
        if (n == null || !n.isURI() || !n.getURI().startsWith(PREFIX)) return n;
        return NodeFactory.createBlankNode(URLDecoder.decode(n.getURI().substring(PREFIX.length()), StandardCharsets.UTF_8));
    }

    static Quad skolemize(Quad q) {
        if (!q.getSubject().isBlank() && !q.getObject().isBlank()) return q;
        return Quad.create(q.getGraph(), skolemize(q.getSubject()), q.getPredicate(), skolemize(q.getObject()));
    }

    static Quad unskolemize(Quad q) {
        Node s = unskolemize(q.getSubject());
        Node o = unskolemize(q.getObject());
        return s == q.getSubject() && o == q.getObject() ? q : Quad.create(q.getGraph(), s, q.getPredicate(), o);
    }
}
