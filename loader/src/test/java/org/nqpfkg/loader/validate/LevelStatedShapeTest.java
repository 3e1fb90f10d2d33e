package org.nqpfkg.loader.validate;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;

/** A mechanism or path may stand without a level only where its document says it stated none (nqpf:levelStated false). */
class LevelStatedShapeTest {
    static final ShaclGate GATE = new ShaclGate(OntologyFiles.bundled());
    static final Node MECH = ShapesTest.id("mechanism/neng-li-zheng-he-ji-zhi");
    static final Node FALSE = NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean);

    static ShaclGate.Verdict check(Graph g) { return GATE.check(List.of(g)); }

    @Test
    void aMechanismWithoutLevelIsAcceptedWhereItsDocumentStatedNone() {
        Graph g = ShapesTest.sample();
        g.remove(MECH, Vocab.nqpf("level"), Node.ANY);
        g.remove(ShapesTest.id("statement/s1"), Node.ANY, Node.ANY);
        g.add(MECH, Vocab.nqpf("levelStated"), FALSE);
        ShaclGate.Verdict v = check(g);
        assertTrue(v.conforms(), () -> String.join("\n", v.problems()));
    }

    @Test
    void aPathWithoutLevelIsAcceptedWhereItsDocumentStatedNone() {
        Graph g = ShapesTest.sample();
        Node path = ShapesTest.id("path/shu-shi-rong-he-lu-jing");
        g.add(path, RDF.type.asNode(), Vocab.nqpf("Path"));
        g.add(path, RDFS.label.asNode(), NodeFactory.createLiteralLang("数实融合路径", "zh"));
        g.add(path, Vocab.nqpf("levelStated"), FALSE);
        ShaclGate.Verdict v = check(g);
        assertTrue(v.conforms(), () -> String.join("\n", v.problems()));
    }

    @Test
    void aLevelStatedTrueDoesNotExcuseAMissingLevel() {
        Graph g = ShapesTest.sample();
        g.remove(MECH, Vocab.nqpf("level"), Node.ANY);
        g.remove(ShapesTest.id("statement/s1"), Node.ANY, Node.ANY);
        g.add(MECH, Vocab.nqpf("levelStated"), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        ShaclGate.Verdict v = check(g);
        assertFalse(v.conforms());
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("Mechanism must have exactly one nqpf:level")), v.problems().toString());
    }

    @Test
    void twoLevelsStayRefused() {
        Graph g = ShapesTest.sample();
        g.add(MECH, Vocab.nqpf("levelStated"), FALSE);
        g.add(MECH, Vocab.nqpf("level"), ShapesTest.id("level/industry"));
        assertFalse(check(g).conforms());
    }
}
