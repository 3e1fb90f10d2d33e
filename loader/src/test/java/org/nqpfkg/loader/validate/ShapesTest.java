package org.nqpfkg.loader.validate;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;

/** Each shape accepts the hand-made correct sample and rejects one hand-made break of it. */
class ShapesTest {
    static ShaclGate gate;

    static final Node MECH = id("mechanism/neng-li-zheng-he-ji-zhi");
    static final Node POLICY = id("policy/pei-xun-zheng-ce");
    static final Node DOC = id("document/sample");
    static final Node EV1 = id("evidence/e1");
    static final Node EMPLOYEE = id("level/employee");

    @BeforeAll
    static void gate() { gate = new ShaclGate(OntologyFiles.bundled()); }

    static Node id(String s) { return NodeFactory.createURI(Vocab.ID + s); }

    static Graph sample() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(ShapesTest.class.getResource("/valid-sample.ttl").toString()).parse(g);
        return g;
    }

    static List<String> problemsAfter(Consumer<Graph> breakIt) {
        Graph g = sample();
        breakIt.accept(g);
        ShaclGate.Verdict v = gate.check(List.of(g));
        return v.conforms() ? List.of() : v.problems();
    }

    static void assertRejected(String expectedWords, Consumer<Graph> breakIt) {
        List<String> problems = problemsAfter(breakIt);
        assertFalse(problems.isEmpty(), "expected a violation mentioning: " + expectedWords);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedWords)), "messages were " + problems);
    }

    @Test
    void acceptsTheCorrectSample() {
        ShaclGate.Verdict v = gate.check(List.of(sample()));
        assertTrue(v.conforms(), () -> String.join("\n", v.problems()));
    }

    @Test
    void rejectsAThingWithoutChineseLabel() {
        assertRejected("no rdfs:label in Chinese", g -> {
            g.delete(MECH, RDFS.label.asNode(), NodeFactory.createLiteralLang("能力整合机制", "zh"));
            g.add(MECH, RDFS.label.asNode(), NodeFactory.createLiteralLang("capability integration", "en"));
        });
    }

    @Test
    void rejectsAMechanismWithTwoLevels() {
        assertRejected("exactly one nqpf:level", g -> g.add(MECH, Vocab.nqpf("level"), id("level/industry")));
    }

    @Test
    void rejectsAMechanismWithoutLevel() {
        assertRejected("exactly one nqpf:level", g -> g.remove(MECH, Vocab.nqpf("level"), Node.ANY));
    }

    @Test
    void rejectsAPathWithoutLevel() {
        assertRejected("Path must have exactly one nqpf:level", g -> {
            Node path = id("path/zi-dong-hua");
            g.add(path, RDF.type.asNode(), Vocab.nqpf("Path"));
            g.add(path, RDFS.label.asNode(), NodeFactory.createLiteralLang("自动化路径", "zh"));
        });
    }

    @Test
    void rejectsAPolicyWithoutHorizon() {
        assertRejected("exactly one nqpf:horizon", g -> g.remove(POLICY, Vocab.nqpf("horizon"), Node.ANY));
    }

    @Test
    void rejectsAPolicyThatAddressesNoMechanism() {
        assertRejected("at least one mechanism", g -> g.remove(POLICY, Vocab.nqpf("addresses"), Node.ANY));
    }

    @Test
    void rejectsAStatementWithoutEvidence() {
        assertRejected("Statement has no nqpf:evidence", g -> g.remove(id("statement/s1"), Vocab.nqpf("evidence"), Node.ANY));
    }

    @Test
    void rejectsAnExtractedLinkWithoutStatement() {
        assertRejected("has no nqpf:Statement with evidence", g -> g.add(POLICY, Vocab.nqpf("addresses"), id("mechanism/other")));
    }

    @Test
    void rejectsEvidenceWithoutDocument() {
        assertRejected("exactly one nif:referenceContext", g -> g.remove(EV1, Vocab.nif("referenceContext"), Node.ANY));
    }

    @Test
    void rejectsEvidenceWithoutRule() {
        assertRejected("extraction rule", g -> g.remove(EV1, Vocab.nqpf("rule"), Node.ANY));
    }

    @Test
    void rejectsAQuoteThatDoesNotMatchItsOffsets() {
        assertRejected("does not match the document text", g -> {
            g.remove(EV1, Vocab.nif("beginIndex"), Node.ANY);
            g.add(EV1, Vocab.nif("beginIndex"), NodeFactory.createLiteralDT("1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDnonNegativeInteger));
        });
    }

    @Test
    void countsOffsetsInCodePointsBeyondTheBasicPlane() {
        // 𠀀 (U+20000) is two UTF-16 units but one code point: offsets after it must still match.
        Graph g = sample();
        g.remove(DOC, Vocab.nif("isString"), Node.ANY);
        g.add(DOC, Vocab.nif("isString"), NodeFactory.createLiteralString("𠀀人工智能通过能力整合机制提升员工能力。针对能力整合机制推出培训政策。"));
        shift(g, EV1, 1);
        shift(g, id("evidence/e2"), 1);
        ShaclGate.Verdict v = gate.check(List.of(g));
        assertTrue(v.conforms(), () -> String.join("\n", v.problems()));
    }

    @Test
    void rejectsADocumentWithoutText() {
        assertRejected("exactly one nif:isString", g -> g.remove(DOC, Vocab.nif("isString"), Node.ANY));
    }

    private static void shift(Graph g, Node ev, int by) {
        for (String p : List.of("beginIndex", "endIndex")) {
            Node old = g.find(ev, Vocab.nif(p), Node.ANY).next().getObject();
            g.delete(ev, Vocab.nif(p), old);
            g.add(ev, Vocab.nif(p), NodeFactory.createLiteralDT(String.valueOf(Integer.parseInt(old.getLiteralLexicalForm()) + by),
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDnonNegativeInteger));
        }
    }
}
