package org.nqpfkg.loader.link;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Sidecar;
import org.nqpfkg.loader.TextSource;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.validate.ShaclGate;

/** Mentions written into a loaded document: offsets in code points, quotes equal to the text, valid by the shapes. */
class MentionsTest {
    static final String TEXT = """
            𠀀𠁀智能工厂观察
            𠀀星河重工表示,人工智能正在推动新质生产力发展,完善失业保险制度也很重要。
            """;

    @Test
    void everyMentionQuotesTheDocumentTextAtItsOffsetsAlsoBeyondTheBasicPlane() {
        LoadUnit unit = TextSource.read("plane.txt", TEXT, TEXT.getBytes(StandardCharsets.UTF_8), Sidecar.NONE, LoadOptions.defaults());
        Graph g = unit.graphs().values().iterator().next();
        ConceptTable table = new ConceptTable(OntologyFiles.bundled().words("generic-words.txt"));
        table.add(ConceptTable.Contribution.of(OntologyFiles.bundled().graph("vocabulary.ttl")));
        table.add(new ConceptTable.Contribution(List.of(new ConceptTable.Named("https://example.org/co", "Organization",
                List.of("星河重工"), List.of()), new ConceptTable.Named("https://example.org/risk", "AIRisk", List.of("失业"), List.of()))));
        int n = Mentions.link(g, table.index());
        assertTrue(n >= 3, "星河重工, 人工智能 and 新质生产力 are mentioned: " + n);
        String doc = g.find(Node.ANY, Vocab.nif("isString"), Node.ANY).next().getObject().getLiteralLexicalForm();
        List<Node> phrases = g.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), Mentions.PHRASE).mapWith(Triple::getSubject).toList();
        assertEquals(n, phrases.size());
        for (Node m : phrases) {
            int b = Integer.parseInt(object(g, m, Vocab.nif("beginIndex")).getLiteralLexicalForm());
            int e = Integer.parseInt(object(g, m, Vocab.nif("endIndex")).getLiteralLexicalForm());
            String quote = object(g, m, Vocab.nif("anchorOf")).getLiteralLexicalForm();
            String atOffsets = doc.substring(doc.offsetByCodePoints(0, b), doc.offsetByCodePoints(0, e));
            assertEquals(quote, atOffsets);
        }
        assertFalse(g.contains(Node.ANY, Mentions.TA_IDENT_REF, org.apache.jena.graph.NodeFactory.createURI("https://example.org/risk")),
                "失业 inside 失业保险 is not a mention");
        ShaclGate gate = new ShaclGate(OntologyFiles.bundled());
        ShaclGate.Verdict v = gate.check(List.of(g));
        assertTrue(v.conforms(), () -> String.join("\n", v.problems()));

        Node m = phrases.get(0);
        Node quote = object(g, m, Vocab.nif("anchorOf"));
        g.delete(Triple.create(m, Vocab.nif("anchorOf"), quote));
        g.add(Triple.create(m, Vocab.nif("anchorOf"), org.apache.jena.graph.NodeFactory.createLiteralString("别的词")));
        ShaclGate.Verdict broken = gate.check(List.of(g));
        assertFalse(broken.conforms(), "a mention whose quote is not the text at its offsets is refused");
        assertTrue(String.join("\n", broken.problems()).contains("Mention quote does not match"), broken.problems().toString());
    }

    static Node object(Graph g, Node s, Node p) { return g.find(s, p, Node.ANY).next().getObject(); }
}
