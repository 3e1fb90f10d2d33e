package org.nqpfkg.loader.link;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.nqpfkg.loader.Hashes;
import org.nqpfkg.loader.Vocab;

/**
 * Mentions as RDF, in NIF's entity-linking form: a {@code nif:Phrase} in the document
 * ({@code nif:referenceContext}), its code-point span and exact words, the sentence it stands in
 * ({@code nif:sentence}), the concept ({@code itsrdf:taIdentRef}), how it matched and the rule.
 * A mention's IRI is made of its document, span and concept, so the same mention is always the same node.
 */
public final class Mentions {
    /** What a mention's IRI has after its document's: the text index keys on it to leave mentions out. */
    public static final String MENTION_PATH = "/mention/";
    private Mentions() {}

    public static final Node PHRASE = Vocab.nif("Phrase");
    public static final Node TA_IDENT_REF = NodeFactory.createURI(Vocab.ITSRDF + "taIdentRef");
    public static final Node SENTENCE = Vocab.nif("sentence");
    public static final Node MATCH_KIND = Vocab.nqpf("matchKind");
    private static final Node ANCHOR_OF = Vocab.nif("anchorOf");
    private static final Node BEGIN = Vocab.nif("beginIndex");
    private static final Node END = Vocab.nif("endIndex");
    private static final Node CONTEXT = Vocab.nif("referenceContext");

    /** A stored sentence: its node, its document, its text and where it begins (code points). */
    public record StoredSentence(Node node, Node document, String text, int begin) {}

    /** Every sentence of a document graph. */
    public static List<StoredSentence> sentences(Graph g) {
        List<StoredSentence> out = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("Sentence")).mapWith(Triple::getSubject).forEach(s -> {
            StoredSentence stored = sentence(g, s);
            if (stored != null) out.add(stored);
        });
        return out;
    }

    /** One sentence of a graph, or null when it lacks its text, document or offset. */
    public static StoredSentence sentence(Graph g, Node s) {
        Node text = object(g, s, ANCHOR_OF);
        Node doc = object(g, s, CONTEXT);
        Node begin = object(g, s, BEGIN);
        if (text == null || doc == null || begin == null || !text.isLiteral() || !begin.isLiteral()) return null;
        return new StoredSentence(s, doc, text.getLiteralLexicalForm(), Integer.parseInt(begin.getLiteralLexicalForm()));
    }

    /** Adds the mentions of every concept of {@code index} in every sentence of a document graph; returns how many. */
    public static int link(Graph g, ConceptTable.Index index) {
        int n = 0;
        for (StoredSentence s : sentences(g))
            for (MentionFinder.Found f : MentionFinder.find(s.text(), index)) {
                triples(s, f).forEach(g::add);
                n++;
            }
        return n;
    }

    /** The triples of one mention. */
    public static List<Triple> triples(StoredSentence s, MentionFinder.Found f) {
        String text = s.text();
        int begin = s.begin() + text.codePointCount(0, f.start());
        int end = begin + text.codePointCount(f.start(), f.end());
        Node concept = NodeFactory.createURI(f.entry().concept());
        Node m = NodeFactory.createURI(s.document().getURI() + MENTION_PATH + begin + "-" + end + "-"
                + Hashes.sha256(f.entry().concept()).substring(0, 10));
        List<Triple> out = new ArrayList<>(9);
        out.add(Triple.create(m, RDF.type.asNode(), PHRASE));
        out.add(Triple.create(m, CONTEXT, s.document()));
        out.add(Triple.create(m, SENTENCE, s.node()));
        out.add(Triple.create(m, BEGIN, NodeFactory.createLiteralDT(String.valueOf(begin), XSDDatatype.XSDnonNegativeInteger)));
        out.add(Triple.create(m, END, NodeFactory.createLiteralDT(String.valueOf(end), XSDDatatype.XSDnonNegativeInteger)));
        out.add(Triple.create(m, ANCHOR_OF, NodeFactory.createLiteralString(text.substring(f.start(), f.end()))));
        out.add(Triple.create(m, TA_IDENT_REF, concept));
        out.add(Triple.create(m, MATCH_KIND, NodeFactory.createLiteralString(f.entry().match().value())));
        out.add(Triple.create(m, Vocab.nqpf("rule"), NodeFactory.createLiteralString(f.entry().match().rule())));
        return out;
    }

    private static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }
}
