package org.nqpfkg.loader.extract;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.extract.Extraction.Link;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.testing.PdfText;
import org.nqpfkg.loader.text.Normaliser;
import org.nqpfkg.loader.text.Structure;

/**
 * The rules on a small invented paper in the seed's genre (its own companies, mechanisms and policies),
 * so that what they find comes from the text's shape and not from the seed's wording.
 */
class ExtractorTest {
    static final String EMPLOYEE = Vocab.ID + "level/employee";
    static final String ENTERPRISE = Vocab.ID + "level/enterprise";
    static final String INDUSTRY = Vocab.ID + "level/industry";
    static final String SHORT_TERM = Vocab.ID + "horizon/short";

    static final String PAPER = PdfText.page(
            "#一、引言",
            "数字技术正在重塑生产组织方式,但其作用于新质生产力的影响路径和机制尚不清晰,已有研究多停留在宏观判断,缺少可检验的层面划分。",
            "#二、人工智能驱动新质生产力跃升的路径和机制",
            "#（一）企业层面人工智能驱动新质生产力跃升的路径和机制",
            "#1.人工智能驱动企业组织变革的机制:",
            "#组织机制",
            "人工智能通过流程再造机制、数据融通机制及要素重配机制,帮助企业打破部门壁垒,提升组织韧性与全要素生产率。",
            "#（二）员工层面人工智能驱动新质生产力跃升的路径和机制",
            "#1.人工智能驱动员工技能跃升的路径:",
            "#“人机协作”路径",
            "人工智能驱动员工技能跃升的路径以人机协作为主线,贯穿岗位设计、任务分工与绩效反馈,以星河集团和云帆公司为例:",
            "(1)协作设计路径侧重于重新划分人机任务边界。星河集团为一线员工配备智能质检助手,把重复检查交给算法完成。",
            "#2.人工智能驱动员工技能跃升的机制:",
            "#技能机制",
            "人工智能通过技能迁移机制、经验沉淀机制和人机共创机制,共同提升员工的数字素养与问题解决能力,使员工在新岗位上快速胜任。",
            "首先,技能迁移机制强调员工借助智能导师把已有经验迁移到新设备上。其次,这一机制与协调机制相互配合,完善了体制机制。目前,人工智能对员工心理健康的影响路径和机制尚不清晰。",
            "此外,人工智能还通过体制机制、协调机制和长效机制为员工提供制度保障,降低岗位转换带来的不确定性。",
            "#（三）产业层面人工智能驱动新质生产力跃升的路径和机制",
            "#2.人工智能驱动产业协同的机制:",
            "#协同机制",
            "人工智能通过劳动替代机制、链群共生机制与技术外溢机制,重塑区域产业分工,推动上下游企业形成稳定的协作网络。",
            "首先,互补式替代机制强调由机器承担高强度作业,员工转向监控与调度。",
            "#三、人工智能驱动新质生产力跃升的政策建议",
            "#（一）短期政策与战略",
            "针对技能迁移机制推出数字技能夜校政策,围绕流程再造机制实施智能产线改造补贴政策,聚焦算力共享机制推行算力券政策,加快形成示范效应。");

    static Lexicon lexicon;
    static Extraction ex;

    @BeforeAll
    static void extract() {
        lexicon = new Lexicon(OntologyFiles.bundled().graph("vocabulary.ttl"));
        ex = extract(PAPER);
    }

    static Extraction extract(String raw) {
        return new Extractor(lexicon).extract(Structure.of(Normaliser.normalise(raw)));
    }

    static Set<String> labels(Extraction ex, String kind) {
        return ex.things(kind).stream().map(t -> t.label).collect(Collectors.toSet());
    }

    static Thing the(Extraction ex, String kind, String label) {
        Thing t = ex.find(kind, label);
        assertNotNull(t, kind + " " + label + " among " + labels(ex, kind));
        return t;
    }

    static List<Thing> objects(Extraction ex, Thing t, String predicate) {
        return ex.links(t, predicate).stream().map(Link::object).distinct().toList();
    }

    /** The IRIs of the levels a thing is placed at (after the rules resolved conflicts: at most one). */
    static List<String> levels(Extraction ex, Thing t) {
        return objects(ex, t, "level").stream().map(o -> o.iri).toList();
    }

    // --- mechanisms and their levels ---

    @Test
    void exactlyTheNamedMechanismsAreFound() {
        assertEquals(Set.of("流程再造机制", "数据融通机制", "要素重配机制", "技能迁移机制", "经验沉淀机制", "人机共创机制",
                "互补式替代机制", "链群共生机制", "技术外溢机制"), labels(ex, "Mechanism"));
    }

    @Test
    void enumerationInAnEmployeeSectionPlacesEveryItemAtTheEmployeeLevel() {
        // "2.人工智能驱动员工技能跃升的机制:" names no level itself; its parent "（二）员工层面…的路径和机制" does.
        for (String m : List.of("技能迁移机制", "经验沉淀机制", "人机共创机制"))
            assertEquals(List.of(EMPLOYEE), levels(ex, the(ex, "Mechanism", m)), m);
    }

    @Test
    void eachSectionGivesItsOwnLevel() {
        for (String m : List.of("流程再造机制", "数据融通机制", "要素重配机制"))
            assertEquals(List.of(ENTERPRISE), levels(ex, the(ex, "Mechanism", m)), m);
        for (String m : List.of("互补式替代机制", "链群共生机制", "技术外溢机制"))
            assertEquals(List.of(INDUSTRY), levels(ex, the(ex, "Mechanism", m)), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"、", "和", "及", "与", "以及"})
    void enumerationSeparators(String sep) {
        Extraction e = extract(PdfText.page(
                "#（二）员工层面人工智能赋能新质生产力的路径和机制",
                "#2.人工智能赋能员工成长的机制:",
                "#成长机制",
                "人工智能通过数据标注机制" + sep + "知识蒸馏机制,帮助员工在短时间内掌握新工具的使用方法与注意事项,减少试错成本。"));
        assertEquals(Set.of("数据标注机制", "知识蒸馏机制"), labels(e, "Mechanism"), "separator " + sep);
        for (Thing m : e.things("Mechanism")) assertEquals(List.of(EMPLOYEE), levels(e, m), m.label);
    }

    @Test
    void mixedSeparatorsInOneEnumeration() {
        Extraction e = extract(PdfText.page(
                "#（三）产业层面人工智能赋能新质生产力的路径和机制",
                "#2.人工智能赋能产业链的机制:",
                "#链式机制",
                "人工智能通过订单共享机制、产能调剂机制和标准互认机制及品牌共建机制与人才互聘机制,让同一产业集群中的企业形成合力。"));
        assertEquals(Set.of("订单共享机制", "产能调剂机制", "标准互认机制", "品牌共建机制", "人才互聘机制"), labels(e, "Mechanism"));
        for (Thing m : e.things("Mechanism")) assertEquals(List.of(INDUSTRY), levels(e, m), m.label);
    }

    @Test
    void genericMechanismWordsAreNotMechanisms() {
        Set<String> found = labels(ex, "Mechanism");
        for (String generic : List.of("体制机制", "协调机制", "长效机制", "这一机制", "影响路径和机制"))
            assertFalse(found.stream().anyMatch(l -> l.contains(generic)), generic + " in " + found);
        // They were read and set aside, not overlooked.
        assertTrue(ex.candidates().contains("协调机制 (generic mechanism word)"), ex.candidates().toString());
        assertTrue(ex.candidates().contains("这一机制 (generic mechanism word)"), ex.candidates().toString());
        assertTrue(ex.candidates().contains("长效机制 (generic mechanism word)"), ex.candidates().toString());
    }

    @Test
    void mechanismsWithoutAnyLevelAreNotTyped() {
        String withoutLevel = PdfText.page(
                "#一、总体要求",
                "各地要通过人才培育机制、数据开放机制和场景牵引机制,加快人工智能在制造、物流与医疗等领域的落地应用,形成一批可复制推广的经验。",
                "#二、重点任务",
                "首先,人才培育机制强调校地联合培养,鼓励高校与职业院校共建实训基地。");
        Extraction e = extract(withoutLevel);
        assertTrue(e.things("Mechanism").isEmpty(), labels(e, "Mechanism").toString());
        assertTrue(e.candidates().contains("人才培育机制 (Mechanism without a level: not typed)"), e.candidates().toString());

        // The same text under a heading that names a level does yield them: the level alone made the difference.
        Extraction placed = extract(withoutLevel.replace("一、总体要求", "一、员工层面的总体要求"));
        assertEquals(Set.of("人才培育机制", "数据开放机制", "场景牵引机制"), labels(placed, "Mechanism"));
    }

    @Test
    void vocabularyVariantsMapToOneCanonicalMechanism() {
        assertNull(ex.find("Mechanism", "劳动替代机制"));
        Thing m = the(ex, "Mechanism", "互补式替代机制");
        assertTrue(m.variants.contains("劳动替代机制"), m.variants.toString());
        assertEquals(List.of(INDUSTRY), levels(ex, m));
        // Named twice (as 劳动替代机制 in the enumeration, as 互补式替代机制 in the opening): both are its evidence.
        Set<String> rules = m.evidence.stream().map(Extraction.Evidence::rule).collect(Collectors.toSet());
        assertEquals(Set.of("mechanism-enumeration", "mechanism-opening"), rules);
        assertEquals(1, ex.things("Mechanism").stream().filter(t -> t.label.contains("替代")).count());
    }

    // --- policies ---

    @Test
    void policyClausesGiveOnePolicyPerMechanismWithTheSectionsHorizon() {
        Thing night = the(ex, "Policy", "数字技能夜校政策");
        Thing retrofit = the(ex, "Policy", "智能产线改造补贴政策");
        assertEquals(List.of(the(ex, "Mechanism", "技能迁移机制")), objects(ex, night, "addresses"));
        assertEquals(List.of(the(ex, "Mechanism", "流程再造机制")), objects(ex, retrofit, "addresses"));
        for (Thing p : List.of(night, retrofit))
            assertEquals(List.of(SHORT_TERM), objects(ex, p, "horizon").stream().map(h -> h.iri).toList(), p.label);
        assertEquals(List.of(EMPLOYEE), levels(ex, night), "a policy takes its mechanism's level");
        assertEquals(List.of(ENTERPRISE), levels(ex, retrofit));
    }

    @Test
    void policyForAMechanismTheTextNeverPlacesIsDropped() {
        // "聚焦算力共享机制推行算力券政策": the mechanism appears only in the policy section, which names no level.
        assertEquals(Set.of("数字技能夜校政策", "智能产线改造补贴政策"), labels(ex, "Policy"));
        assertNull(ex.find("Mechanism", "算力共享机制"));
    }

    @Test
    void policyWordingWithoutAHorizonIsNoPolicy() {
        Extraction e = extract(PAPER.replace("（一）短期政策与战略", "（一）政策与战略"));
        assertTrue(e.things("Policy").isEmpty(), labels(e, "Policy").toString());
        assertTrue(e.candidates().stream().anyMatch(c -> c.contains("数字技能夜校政策") && c.contains("without a horizon")), e.candidates().toString());
    }

    // --- cases ---

    @Test
    void examplesInAPathsSectionAreCasesOfThatPath() {
        assertEquals(Set.of("星河集团", "云帆公司"), labels(ex, "Organization"));
        Thing path = the(ex, "Path", "人机协作路径");
        assertEquals(List.of(EMPLOYEE), levels(ex, path));
        Thing subPath = the(ex, "Path", "协作设计路径");
        assertEquals(List.of(path), objects(ex, subPath, "parentPath"));

        Thing xinghe = the(ex, "Organization", "星河集团");
        Thing yunfan = the(ex, "Organization", "云帆公司");
        assertEquals(List.of(path), objects(ex, yunfan, "caseOf"));
        // 星河集团 is named again inside the (1) sub-path's passage: a case of the sub-path too.
        assertEquals(Set.of(path, subPath), Set.copyOf(objects(ex, xinghe, "caseOf")));
        for (Thing org : List.of(xinghe, yunfan)) assertEquals(List.of(EMPLOYEE), levels(ex, org), org.label);
    }

    @Test
    void examplesOutsideAPathOrMechanismPassageAreNoOrganisations() {
        Extraction e = extract(PAPER.replace("数字技术正在重塑生产组织方式,", "以海岳集团和澄江公司为例,数字技术正在重塑生产组织方式,"));
        assertEquals(Set.of("星河集团", "云帆公司"), labels(e, "Organization"));
        assertTrue(e.candidates().contains("海岳集团 (example outside a path or mechanism passage)"), e.candidates().toString());
    }

    // --- main-code bugs found while writing these tests (see the report); enable once fixed ---

    static Extraction employeeMechanisms(String sentence) {
        return extract(PdfText.page(
                "#（二）员工层面人工智能赋能新质生产力的路径和机制",
                "#2.人工智能赋能员工成长的机制:",
                "#成长机制",
                sentence));
    }

    @Test
    void verbBeforeAGenericWordDoesNotMakeItAMechanism() {
        Extraction e = employeeMechanisms("政府通过完善体制机制和协调机制,推动人工智能在岗位上的普及,让更多一线员工获得培训机会。");
        assertTrue(e.things("Mechanism").isEmpty(), labels(e, "Mechanism").toString());
    }

    @Test
    void verbAfterTheCueIsNotPartOfTheFirstMechanism() {
        Extraction e = employeeMechanisms("人工智能通过强化技能迁移机制、经验沉淀机制和人机共创机制,提升员工的数字素养与问题解决能力。");
        assertEquals(Set.of("技能迁移机制", "经验沉淀机制", "人机共创机制"), labels(e, "Mechanism"));
    }

    @Test
    void enumerationAfterOtherCuesIsFound() {
        Extraction e = employeeMechanisms("制造企业内部普遍依托知识图谱机制、数字导师机制提升员工技能,缩短新员工的适应周期。");
        assertEquals(Set.of("知识图谱机制", "数字导师机制"), labels(e, "Mechanism"));
    }

    @Test
    void organisationNameContainingAConjunctionIsKeptWhole() {
        Extraction e = extract(PAPER.replace("以星河集团和云帆公司为例", "以和利时集团和云帆公司为例"));
        assertEquals(Set.of("和利时集团", "云帆公司"), labels(e, "Organization"));
    }

    @Test
    void casesOfADroppedPathAreDroppedToo() {
        Extraction e = extract(PdfText.page(
                "#二、人工智能赋能的路径",
                "#1.人工智能赋能岗位重塑的路径:",
                "#“岗位重塑”路径",
                "岗位重塑路径以任务拆分为起点,贯穿岗位设计、任务分工与绩效反馈的全过程,以星河集团和云帆公司为例:",
                "星河集团把质检岗位拆分为算法复核与异常处置两个部分,员工只处理算法无法判定的样本。"));
        assertTrue(e.things("Path").isEmpty(), labels(e, "Path").toString());
        assertTrue(e.things("Organization").isEmpty(), labels(e, "Organization").toString());
    }

    static Extraction shortTermPolicy(String sentence) {
        return extract(PdfText.page(
                "#（二）员工层面人工智能驱动新质生产力跃升的路径和机制",
                "人工智能通过技能迁移机制、经验沉淀机制和人机共创机制,共同提升员工的数字素养与问题解决能力,使员工在新岗位上快速胜任。",
                "#三、政策建议",
                "#（一）短期政策与战略",
                sentence));
    }

    @Test
    void anAdjectiveInTheSentenceDoesNotOverrideTheSectionsHorizon() {
        Extraction e = shortTermPolicy("针对技能迁移机制推出数字技能夜校政策,为员工提供长期学习通道。");
        Thing p = the(e, "Policy", "数字技能夜校政策");
        assertEquals(List.of(SHORT_TERM), objects(e, p, "horizon").stream().map(h -> h.iri).toList());
    }

    @Test
    void twoPoliciesInOneClauseAreTwoPolicies() {
        Extraction e = shortTermPolicy("围绕经验沉淀机制实施岗位导师政策和案例库建设政策,加快形成示范效应。");
        assertEquals(Set.of("岗位导师政策", "案例库建设政策"), labels(e, "Policy"));
    }
}
