package org.nqpfkg.loader.extract;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Normaliser;
import org.nqpfkg.loader.text.Structure;

/** Paths and mechanisms as op-eds, opinions and news state them (invented sentences), with the levels their wording implies. */
class StatedRulesTest {
    static final String EMPLOYEE = Vocab.ID + "level/employee";
    static final String ENTERPRISE = Vocab.ID + "level/enterprise";
    static final String INDUSTRY = Vocab.ID + "level/industry";

    static Lexicon lexicon;

    @BeforeAll
    static void lexicon() { lexicon = new Lexicon(OntologyFiles.bundled()); }

    static Extraction extract(String text) {
        return new Extractor(lexicon).extract(Structure.of(Normaliser.normalise(text)));
    }

    static Set<String> labels(Extraction e, String kind) {
        return e.things(kind).stream().map(t -> t.label).collect(Collectors.toSet());
    }

    static List<String> levels(Extraction e, String kind, String label) {
        Thing t = e.find(kind, label);
        assertNotNull(t, kind + " " + label + " among " + labels(e, kind));
        return e.links(t, "level").stream().map(l -> l.object().iri).toList();
    }

    // --- paths ---

    @Test
    void keyAndBasicPathStatements() {
        Extraction e = extract("算力共享是发展新质生产力的关键路径。岗位再设计是帮助劳动者适应智能化的基本路径。");
        assertEquals(Set.of("算力共享路径", "岗位再设计路径"), labels(e, "Path"));
    }

    @Test
    void enumeratedConcretePaths() {
        Extraction e = extract("支持企业通过柔性排产、视觉质检和远程运维等具体路径提升生产效率。");
        assertEquals(Set.of("柔性排产路径", "视觉质检路径", "远程运维路径"), labels(e, "Path"));
    }

    @Test
    void aPathThroughWhichSomethingIsDone() {
        Extraction e = extract("地方政府可以通过园区协同招商的路径,培育一批特色产业集群。");
        assertEquals(Set.of("园区协同招商路径"), labels(e, "Path"));
    }

    @Test
    void aReferenceBackIsNoPath() {
        Extraction e = extract("这是推动制造业升级的关键路径。其是实现目标的重要路径。");
        assertTrue(e.things("Path").isEmpty(), labels(e, "Path").toString());
    }

    // --- levels ---

    @Test
    void theLevelASentenceNamesWins() {
        Extraction e = extract("从员工层面看,人机协同是提升效率的重要路径;从产业层面看,园区共建是实现升级的关键路径。");
        assertEquals(List.of(EMPLOYEE), levels(e, "Path", "人机协同路径"));
        assertEquals(List.of(INDUSTRY), levels(e, "Path", "园区共建路径"));
    }

    @Test
    void levelCuesInTheItemThenItsClause() {
        Extraction e = extract("技能认证是促进劳动者转岗的基本路径。"
                + "支持企业通过柔性排产和视觉质检等具体路径提升效率。"
                + "通过产业链上下游协同的路径,带动配套环节升级。");
        assertEquals(List.of(EMPLOYEE), levels(e, "Path", "技能认证路径"));
        assertEquals(List.of(ENTERPRISE), levels(e, "Path", "柔性排产路径"));
        assertEquals(List.of(INDUSTRY), levels(e, "Path", "产业链上下游协同路径"));
    }

    @Test
    void technologyWordsAreNoCues() {
        // 区块链 has 链 in it, which would cue the industry level.
        Extraction e = extract("区块链存证是降低交易成本的关键路径。");
        assertEquals(List.of(), levels(e, "Path", "区块链存证路径"));
    }

    @Test
    void cuesThatDisagreeGiveNoLevel() {
        Extraction e = extract("员工与企业共担培训成本是行业普遍认可的有效路径。");
        assertEquals(List.of(), levels(e, "Path", "员工与企业共担培训成本路径"));
    }

    @Test
    void withoutAnyLevelThePathIsKeptAndMarked() {
        Extraction e = extract("数实融合是发展新质生产力的关键路径。");
        Thing path = e.find("Path", "数实融合路径");
        assertNotNull(path, labels(e, "Path").toString());
        assertTrue(path.levelMayBeUnstated);
        assertTrue(e.links(path, "level").isEmpty());
    }

    // --- mechanisms ---

    @Test
    void aQualifiedMechanismStatement() {
        Extraction e = extract("数据要素流通是企业释放数据价值的核心机制。");
        assertEquals(Set.of("数据要素流通机制"), labels(e, "Mechanism"));
        assertEquals(List.of(ENTERPRISE), levels(e, "Mechanism", "数据要素流通机制"));
    }

    @Test
    void genericOrUnqualifiedMechanismWordingIsNoMechanism() {
        Extraction e = extract("绩效考核是企业管理的重要机制。资金保障是项目落地的机制。完善协调机制是关键。");
        assertTrue(e.things("Mechanism").isEmpty(), labels(e, "Mechanism").toString());
    }

    // --- alongside the paper's grammar ---

    @Test
    void aPathTheHeadingsAlreadyTypedKeepsItsEvidence() {
        // The invented paper's path passage, opened by a statement of the path its heading names.
        String paper = ExtractorTest.PAPER.replace("人工智能驱动员工技能跃升的路径以人机协作为主线,", "人机协作是员工适应智能岗位的关键路径,以此为主线,");
        assertNotEquals(ExtractorTest.PAPER, paper);
        Extraction e = extract(paper);
        Thing path = e.find("Path", "人机协作路径");
        assertNotNull(path);
        assertEquals(Set.of("path-heading"), path.evidence.stream().map(Extraction.Evidence::rule).collect(Collectors.toSet()));
        assertFalse(path.levelMayBeUnstated);
    }
}
