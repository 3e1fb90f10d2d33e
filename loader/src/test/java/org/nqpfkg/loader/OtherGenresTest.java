package org.nqpfkg.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.validate.ShaclGate;

/**
 * Invented texts of the genres the loader must read besides papers — a State Council-style opinion, a
 * roundup of 两会 proposals, a TV news transcript — through the whole pipeline: organisations, sectors and
 * paths are typed, with evidence that matches the text, and every graph passes the SHACL gate.
 */
class OtherGenresTest {
    static final ShaclGate GATE = new ShaclGate(OntologyFiles.bundled());

    static final String OPINION = """
            关于加快人工智能赋能实体经济的实施意见

            一、总体要求

            数实融合是发展新质生产力的关键路径。技能认证是促进劳动者适应智能化岗位的基本路径。

            二、重点任务

            (一)推动重点行业智能化升级。在仓储物流、智慧农业和文化旅游等领域推广大模型应用。支持企业通过柔性排产、视觉质检和远程运维等具体路径提升生产效率。

            (二)强化平台支撑。支持启明研究院、南湖实验室和北辰大学共建评测平台。工业和信息化部、国家算力调度局会同省发展改革委建立协同工作机制。

            三、保障措施

            各有关部门要加强组织领导,完善考核评价机制。
            """;

    static final String PROPOSALS = """
            代表委员热议人工智能

            全国人大代表、澜舟数据有限公司董事长李明建议,支持Orbita等开源模型合规使用。他表示,本公司已在金融、医疗和教育等行业落地了多个应用。

            全国政协委员张伟认为,应由北辰大学牵头组建评测联盟。张伟委员还建议,在东海证券交易所设立科创板块。
            """;

    static final String TRANSCRIPT = """
            新闻直播间:人工智能走进车间

            主持人:观众朋友们,大家好。

            记者:我现在所在的是星辰机器人有限公司的智能工厂。通过人机协作的路径,员工的技能得到提升。

            记者:据了解,国家算力调度局日前发布通知,在汽车、电子和家电等领域开展试点。
            """;

    static Graph load(String name, String text, LoadOptions options) {
        LoadUnit unit = TextSource.read(name, text, text.getBytes(StandardCharsets.UTF_8), Sidecar.NONE, options);
        Graph g = unit.graphs().values().iterator().next();
        ShaclGate.Verdict v = GATE.check(List.of(g));
        assertTrue(v.conforms(), () -> String.join("\n", v.problems()));
        return g;
    }

    static Graph load(String name, String text) { return load(name, text, LoadOptions.defaults()); }

    static Set<String> labels(Graph g, String kind) {
        return g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf(kind)).mapWith(Triple::getSubject)
                .mapWith(s -> g.find(s, RDFS.label.asNode(), Node.ANY).filterKeep(t -> "zh".equals(t.getObject().getLiteralLanguage()))
                        .next().getObject().getLiteralLexicalForm())
                .toSet();
    }

    static Node thing(Graph g, String kind, String label) {
        return g.find(Node.ANY, RDFS.label.asNode(), Node.ANY)
                .filterKeep(t -> t.getObject().getLiteralLexicalForm().equals(label) && g.contains(t.getSubject(), RDF.type.asNode(), Vocab.nqpf(kind)))
                .next().getSubject();
    }

    @Test
    void anOpinionYieldsItsOrganisationsSectorsAndPaths() {
        Graph g = load("opinion.txt", OPINION);
        assertEquals(Set.of("启明研究院", "南湖实验室", "北辰大学", "工业和信息化部", "国家算力调度局", "省发展改革委"), labels(g, "Organization"));
        assertEquals(Set.of("仓储物流", "智慧农业", "文化旅游"), labels(g, "Sector"));
        assertEquals(Set.of("数实融合路径", "技能认证路径", "柔性排产路径", "视觉质检路径", "远程运维路径"), labels(g, "Path"));
        assertNull(labels(g, "Mechanism").isEmpty() ? null : labels(g, "Mechanism"), "generic 机制 stays no mechanism");
        TextSourceTest.assertEvidenceQuotesMatch(g);
    }

    @Test
    void aPathWithoutAnyLevelSaysSoAndOneWithALevelDoesNot() {
        Graph g = load("opinion.txt", OPINION);
        Node unplaced = thing(g, "Path", "数实融合路径");
        assertFalse(g.contains(unplaced, Vocab.nqpf("level"), Node.ANY));
        assertTrue(g.contains(unplaced, Vocab.nqpf("levelStated"), Node.ANY));
        Node placed = thing(g, "Path", "技能认证路径");
        assertTrue(g.contains(placed, Vocab.nqpf("level"), Vocab.iri(Vocab.ID + "level/employee")));
        assertFalse(g.contains(placed, Vocab.nqpf("levelStated"), Node.ANY));
    }

    @Test
    void aProposalsRoundupNamesCompaniesButNotItsPeople() {
        Graph g = load("proposals.txt", PROPOSALS);
        assertEquals(Set.of("澜舟数据有限公司", "Orbita", "北辰大学", "东海证券交易所"), labels(g, "Organization"));
        assertEquals(Set.of("金融", "医疗", "教育"), labels(g, "Sector"));
        TextSourceTest.assertEvidenceQuotesMatch(g);
    }

    @Test
    void aTranscriptWithSpeakerLabels() {
        Graph g = load("transcript.txt", TRANSCRIPT);
        assertEquals(Set.of("星辰机器人有限公司", "国家算力调度局"), labels(g, "Organization"));
        assertEquals(Set.of("汽车", "电子", "家电"), labels(g, "Sector"));
        Node path = thing(g, "Path", "人机协作路径");
        assertTrue(g.contains(path, Vocab.nqpf("level"), Vocab.iri(Vocab.ID + "level/employee")));
    }

    @Test
    void organisationsTheStoreKnowsAreRecognisedWithoutSuffix() {
        String text = "青藤智算与北辰大学签署合作协议,共建联合实验室。";
        assertEquals(Set.of("北辰大学"), labels(load("news.txt", text), "Organization"));
        Graph g = load("news.txt", text, LoadOptions.defaults().withKnownOrganizations(Set.of("青藤智算")));
        assertEquals(Set.of("青藤智算", "北辰大学"), labels(g, "Organization"));
    }
}
