package org.nqpfkg.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.validate.ShaclGate;

/**
 * Texts of other genres about AI and 新质生产力: a planning document full of the generic word 机制, and a
 * news item. Each must give a valid graph, and generic 机制/路径 must not become mechanisms or paths.
 */
class UnseenGenreTest {
    static final ShaclGate GATE = new ShaclGate(OntologyFiles.bundled());

    static final String PLAN = """
            关于加快培育新质生产力的实施意见
            一、总体要求
            坚持问题导向,健全体制机制、协调机制和评估机制,完善科技成果转化路径和人才培养路径。
            二、重点任务
            (一)完善科技创新体制机制
            建立健全产学研协同机制、人才激励机制和知识产权保护机制。探索多元化投入路径,畅通成果转化路径。
            (二)强化企业科技创新主体地位
            支持企业建立研发投入机制、风险补偿机制和容错纠错机制,通过建立长效机制推动人工智能赋能千行百业。
            三、保障措施
            完善考核评价机制和监督检查机制,加强统筹协调。
            """;

    static final String NEWS = """
            人工智能赋能制造业 星河重工打造智能工厂
            本报讯 记者日前从星河重工获悉,该公司通过引入人工智能质检系统,产品不良率下降百分之三十。
            公司负责人表示,人工智能正在成为发展新质生产力的重要引擎,下一步将与云帆科技合作建设工业大模型。
            """;

    static Map<String, Integer> types(Graph g) {
        Map<String, Integer> counts = new TreeMap<>();
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEach(t -> {
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(Vocab.NQPF)) counts.merge(t.getObject().getLocalName(), 1, Integer::sum);
        });
        return counts;
    }

    static Graph load(String name, String text) {
        LoadUnit unit = TextSource.read(name, text, text.getBytes(StandardCharsets.UTF_8), Sidecar.NONE, LoadOptions.defaults());
        Graph g = unit.graphs().values().iterator().next();
        ShaclGate.Verdict v = GATE.check(List.of(g));
        assertTrue(v.conforms(), () -> String.join("\n", v.problems()));
        return g;
    }

    @Test
    void aPlanningDocumentFullOfGenericMechanismsYieldsNoMechanismsOrPaths() {
        Map<String, Integer> types = types(load("plan.txt", PLAN));
        assertNull(types.get("Mechanism"), types.toString());
        assertNull(types.get("Path"), types.toString());
        assertNull(types.get("Policy"), types.toString());
        assertTrue(types.get("Section") >= 5 && types.get("Sentence") >= 8, types.toString());
    }

    @Test
    void aNewsItemGivesAValidGraphWithItsTextAndSentences() {
        Map<String, Integer> types = types(load("news.txt", NEWS));
        assertEquals(1, types.get("Document"));
        assertTrue(types.get("Sentence") >= 3, types.toString());
        assertNull(types.get("Mechanism"));
    }

    static final String IMPLEMENTATION = """
            关于推动人工智能赋能新质生产力发展的实施意见
            一、总体要求
            坚持问题导向,健全工作推进机制、考核评价机制和协同发展机制,完善体制机制,畅通成果转化路径。
            二、重点任务
            (一)强化企业主体地位
            人工智能通过数据赋能机制和平台整合机制,促进企业层面新质生产力涌现。以宁德时代和比亚迪为例,企业通过智能制造提升效率。
            (二)优化政策供给
            短期内,针对数据赋能机制推出数据要素开放政策。长期看,围绕平台整合机制实施平台经济规范发展政策。
            """;

    @Test
    void aPlanWithOwnWordOrderStillYieldsWhatItStates() {
        Graph g = load("implementation.txt", IMPLEMENTATION);
        Map<String, Integer> types = types(g);
        assertEquals(2, types.get("Mechanism"), types.toString());
        assertEquals(2, types.get("Policy"), types.toString());
        assertEquals(2, types.get("Organization"), types.toString());
        Node enterprise = Vocab.iri(Vocab.ID + "level/enterprise");
        assertEquals(2, g.find(Node.ANY, Vocab.nqpf("level"), enterprise).filterKeep(t -> g.contains(t.getSubject(), RDF.type.asNode(), Vocab.nqpf("Mechanism"))).toList().size());
        assertEquals(4, g.find(Node.ANY, Vocab.nqpf("exampleOf"), Node.ANY).toList().size(), "each company exemplifies both mechanisms just named");
        assertEquals("关于推动人工智能赋能新质生产力发展的实施意见",
                g.find(g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("Document")).next().getSubject(), Vocab.dct("title"), Node.ANY)
                        .next().getObject().getLiteralLexicalForm(), "the title line is the title");
    }
}
