package org.nqpfkg.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.validate.ShaclGate;

/**
 * An invented municipal action plan through the whole pipeline: its title line, comma headings and list
 * items, its dated targets (with the horizon counted from the dateline it is signed with), and the works it
 * cites, some of them twice in different forms. The graph must pass the SHACL gate.
 */
class PolicyGenreTest {
    static final ShaclGate GATE = new ShaclGate(OntologyFiles.bundled());
    static final Node TARGET = Vocab.nqpf("Target");

    static final String PLAN = """
            星城市人工智能赋能千行百业行动方案,加快培育新质生产力

            为贯彻落实《星城市数字经济发展规划——迈向智能时代》,加快人工智能与实体经济深度融合,制定本方案。

            一、总体目标

            到2027年,全市人工智能核心产业规模超过1000亿元,培育50家以上领军企业;到“十五五”末,智能制造普及率超70%。到二〇三五年,全面建成智能经济强市。2024年以来,全市已建成智能工厂三十家。

            二、坚持场景牵引,加快应用推广

            (一)打造标杆场景。遴选一批典型场景,形成可复制的解决方案。

            (二)推动中小企业智能化改造。力争2028年底前完成200家中小企业改造。

            三、强化要素保障,优化发展环境

            1.加大财政支持。落实星城市数字经济发展规划的各项资金安排。

            2.强化人才支撑。相关经验已在《星城日报》和《经济研究》刊发。

            星城市人民政府

            2025年3月15日
            """;

    static LoadUnit read(String name, String text, Sidecar sidecar) {
        return TextSource.read(name, text, text.getBytes(StandardCharsets.UTF_8), sidecar, LoadOptions.defaults());
    }

    static Graph graph(LoadUnit unit) { return unit.graphs().values().iterator().next(); }

    static void assertConforms(Graph g) {
        ShaclGate.Verdict v = GATE.check(List.of(g));
        assertTrue(v.conforms(), () -> String.join("\n", v.problems()));
    }

    static List<Node> targets(Graph g) {
        return g.find(Node.ANY, RDF.type.asNode(), TARGET).mapWith(Triple::getSubject).toList().stream()
                .sorted((a, b) -> a.getURI().compareTo(b.getURI())).toList();
    }

    static String literal(Graph g, Node s, Node p) {
        List<Triple> t = g.find(s, p, Node.ANY).toList();
        assertEquals(1, t.size(), s + " has one " + p + ": " + t);
        return t.get(0).getObject().getLiteralLexicalForm();
    }

    static Node object(Graph g, Node s, Node p) {
        List<Triple> t = g.find(s, p, Node.ANY).toList();
        assertEquals(1, t.size(), s + " has one " + p + ": " + t);
        return t.get(0).getObject();
    }

    static Node document(Graph g) { return g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("Document")).next().getSubject(); }

    @Test
    void theActionPlanGivesAValidGraphWithItsTitleStructureTargetsAndCitedWorks() {
        LoadUnit unit = read("action-plan.txt", PLAN, Sidecar.NONE);
        Graph g = graph(unit);
        assertConforms(g);
        Node doc = document(g);
        assertEquals("星城市人工智能赋能千行百业行动方案,加快培育新质生产力", literal(g, doc, Vocab.dct("title")), "the title line, comma and all");
        assertEquals("2025-03-15", literal(g, doc, Vocab.dct("date")), "dated by the line it is signed with");

        Set<String> sections = g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("Section")).mapWith(Triple::getSubject)
                .mapWith(s -> literal(g, s, Vocab.dct("title"))).toSet();
        assertTrue(sections.containsAll(Set.of("坚持场景牵引,加快应用推广", "强化要素保障,优化发展环境", "打造标杆场景", "加大财政支持", "强化人才支撑")),
                sections.toString());

        List<Node> targets = targets(g);
        assertEquals(4, targets.size(), "2027, 十五五末, 二〇三五, 2028年底前 — not 2024年以来");
        assertTrue(unit.summary().stream().anyMatch(l -> l.startsWith("things: ") && l.contains("Target=4")), unit.summary().toString());
        Node first = Vocab.iri(Vocab.ID + "target/action-plan-2027-1");
        assertTrue(targets.contains(first), targets.toString());
        assertEquals("到2027年,全市人工智能核心产业规模超过1000亿元,培育50家以上领军企业", literal(g, first, RDFS.label.asNode()));
        assertEquals(NodeFactory.createLiteralDT("2027", XSDDatatype.XSDgYear), object(g, first, Vocab.nqpf("targetYear")));
        assertEquals("超过1000亿元", literal(g, first, Vocab.nqpf("targetValue")));
        assertEquals(doc, object(g, first, Vocab.prov("wasDerivedFrom")));
        assertEquals("action-plan-2027-1", literal(g, first, Vocab.nqpf("slug")));
        Node evidence = object(g, first, Vocab.nqpf("evidence"));
        assertEquals(literal(g, first, RDFS.label.asNode()), literal(g, evidence, Vocab.nif("anchorOf")), "the evidence is the clause");

        Node plan = Vocab.iri(Vocab.ID + "target/action-plan-2030-1");
        assertEquals("超70%", literal(g, plan, Vocab.nqpf("targetValue")));
        assertEquals(Vocab.iri(Vocab.ID + "horizon/short"), object(g, first, Vocab.nqpf("horizon")));
        assertEquals(Vocab.iri(Vocab.ID + "horizon/medium"), object(g, plan, Vocab.nqpf("horizon")));
        assertEquals(Vocab.iri(Vocab.ID + "horizon/medium"), object(g, Vocab.iri(Vocab.ID + "target/action-plan-2035-1"), Vocab.nqpf("horizon")));
        Node later = Vocab.iri(Vocab.ID + "target/action-plan-2028-1");
        assertEquals("力争2028年底前完成200家中小企业改造", literal(g, later, RDFS.label.asNode()));

        // Cited works: the plan twice (with its subtitle, and without brackets), the periodicals not at all.
        List<Node> works = g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("PolicyDocument")).mapWith(Triple::getSubject).toList();
        assertEquals(1, works.size(), works.toString());
        assertEquals("《星城市数字经济发展规划——迈向智能时代》", g.find(works.get(0), RDFS.label.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm());
        Set<String> alt = g.find(works.get(0), Vocab.skos("altLabel"), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toSet();
        assertEquals(Set.of("星城市数字经济发展规划"), alt);
    }

    @Test
    void everyQuoteMatchesItsCodePointOffsetsAfterACharacterOutsideTheBmp() {
        Graph g = graph(read("plan.txt", PLAN.replace("为贯彻落实", "为贯彻𠀀落实"), Sidecar.NONE));
        assertConforms(g);
        String text = literal(g, document(g), Vocab.nif("isString"));
        for (Node t : targets(g)) {
            Node e = object(g, t, Vocab.nqpf("evidence"));
            int b = Integer.parseInt(literal(g, e, Vocab.nif("beginIndex")));
            int en = Integer.parseInt(literal(g, e, Vocab.nif("endIndex")));
            assertEquals(text.substring(text.offsetByCodePoints(0, b), text.offsetByCodePoints(0, en)), literal(g, e, Vocab.nif("anchorOf")));
        }
    }

    @Test
    void targetsArePerDocument() {
        Set<Node> a = Set.copyOf(targets(graph(read("city-plan.txt", PLAN, Sidecar.NONE))));
        Set<Node> b = Set.copyOf(targets(graph(read("county-plan.txt", PLAN, Sidecar.NONE))));
        assertEquals(4, a.size());
        assertTrue(a.stream().noneMatch(b::contains), "the same wording in two documents is two sets of targets");
    }

    @Test
    void theMetadataDateWinsAndWithoutAnyDateThereIsNoHorizon() {
        Graph dated = graph(read("plan.txt", PLAN, new Sidecar(null, null, "2020-01-01", null)));
        assertConforms(dated);
        assertEquals(Vocab.iri(Vocab.ID + "horizon/medium"), object(dated, Vocab.iri(Vocab.ID + "target/plan-2027-1"), Vocab.nqpf("horizon")));

        String undated = PLAN.replace("2025年3月15日", "");
        Graph g = graph(read("plan.txt", undated, Sidecar.NONE));
        assertConforms(g);
        assertEquals(4, targets(g).size());
        assertTrue(targets(g).stream().noneMatch(t -> g.contains(t, Vocab.nqpf("horizon"), Node.ANY)));
        assertFalse(g.contains(document(g), Vocab.dct("date"), Node.ANY));
    }

    // --- the shape ---

    static List<String> problemsAfter(Consumer<Graph> breakIt) {
        Graph g = GraphFactory.createDefaultGraph();
        graph(read("plan.txt", PLAN, Sidecar.NONE)).find().forEach(g::add);
        breakIt.accept(g);
        ShaclGate.Verdict v = GATE.check(List.of(g));
        return v.conforms() ? List.of() : v.problems();
    }

    static void assertRejected(String words, Consumer<Graph> breakIt) {
        List<String> problems = problemsAfter(breakIt);
        assertTrue(problems.stream().anyMatch(p -> p.contains(words)), "expected a violation mentioning " + words + ": " + problems);
    }

    static final Node FIRST = Vocab.iri(Vocab.ID + "target/plan-2027-1");

    @Test
    void theShapeWantsOneYearAsAGYear() {
        assertRejected("exactly one nqpf:targetYear", g -> g.remove(FIRST, Vocab.nqpf("targetYear"), Node.ANY));
        assertRejected("exactly one nqpf:targetYear", g -> g.add(FIRST, Vocab.nqpf("targetYear"), NodeFactory.createLiteralDT("2031", XSDDatatype.XSDgYear)));
        assertRejected("must be an xsd:gYear", g -> {
            g.remove(FIRST, Vocab.nqpf("targetYear"), Node.ANY);
            g.add(FIRST, Vocab.nqpf("targetYear"), NodeFactory.createLiteralString("2027"));
        });
    }

    @Test
    void theShapeWantsEvidenceAndTheDocument() {
        assertRejected("Target has no nqpf:evidence", g -> g.remove(FIRST, Vocab.nqpf("evidence"), Node.ANY));
        assertRejected("exactly one document", g -> g.remove(FIRST, Vocab.prov("wasDerivedFrom"), Node.ANY));
        assertRejected("has no nqpf:Statement with evidence", g -> g.remove(Node.ANY, RDF.subject.asNode(), FIRST));
    }

    @Test
    void aTargetWithoutAFigureIsValid() {
        assertEquals(List.of(), problemsAfter(g -> g.remove(FIRST, Vocab.nqpf("targetValue"), Node.ANY)));
    }

}
