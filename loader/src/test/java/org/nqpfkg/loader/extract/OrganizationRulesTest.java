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
import org.nqpfkg.loader.testing.PdfText;
import org.nqpfkg.loader.text.Normaliser;
import org.nqpfkg.loader.text.Structure;

/**
 * Organisations in texts of other genres (news, proposals, policy opinions), all invented: names anchored
 * on what they are, names already known, Latin-script names, and the words that look like names but are not.
 */
class OrganizationRulesTest {
    static Lexicon lexicon;

    @BeforeAll
    static void lexicon() { lexicon = new Lexicon(OntologyFiles.bundled()); }

    static Extraction extract(String text) { return extract(text, Set.of()); }

    static Extraction extract(String text, Set<String> known) {
        return new Extractor(lexicon, known).extract(Structure.of(Normaliser.normalise(text)));
    }

    static Set<String> organisations(String text) {
        return extract(text).things("Organization").stream().map(t -> t.label).collect(Collectors.toSet());
    }

    // --- names anchored on what they are ---

    @Test
    void companiesAndInstitutesByTheirSuffix() {
        assertEquals(Set.of("青禾智造股份有限公司", "澜舟数据有限公司", "远山集团", "启明研究院", "北辰大学", "松涛律师事务所", "南湖实验室"),
                organisations("青禾智造股份有限公司与澜舟数据有限公司签署协议。远山集团联合启明研究院、北辰大学发布报告,松涛律师事务所提供法律服务,南湖实验室参与评测。"));
    }

    @Test
    void associationsExchangesAndBanks() {
        assertEquals(Set.of("长河数字经济协会", "东海证券交易所", "星海商业银行联合会", "云杉银行"),
                organisations("长河数字经济协会、东海证券交易所和星海商业银行联合会共同倡议,云杉银行率先响应。"));
    }

    @Test
    void governmentBodiesEndingInOneCharacter() {
        assertEquals(Set.of("国家算力调度局", "数字产业部", "市经济和信息化局", "省发展改革委", "市政府办公厅"),
                organisations("国家算力调度局、数字产业部会同市经济和信息化局、省发展改革委印发通知,市政府办公厅负责督查。"));
    }

    @Test
    void aLongGovernmentNameReachesBackOverVerbsToItsOpeningWord() {
        assertEquals(Set.of("国家金融监督管理总局"), organisations("据悉,国家金融监督管理总局将出台细则。"));
    }

    @Test
    void twoGovernmentBodiesJoinedByAndStayTwo() {
        assertEquals(Set.of("国家数据局"), organisations("中国企业和国家数据局加强合作。"));
    }

    @Test
    void chinaAcademyPattern() {
        assertEquals(Set.of("中国智能工程院"), organisations("中国智能工程院发布了年度报告。"));
    }

    @Test
    void nameEndsAtFunctionWordsAndReporters() {
        assertEquals(Set.of("星河重工集团", "云帆科技有限公司"),
                organisations("记者从星河重工集团获悉,该集团将在云帆科技有限公司的支持下建设算力中心。"));
    }

    // --- names already known ---

    @Test
    void vocabularyOrganisationsWithoutSuffix() {
        // National bodies are the vocabulary's; a company the text names without a suffix is not known in advance.
        assertEquals(Set.of("工业和信息化部", "国家发展和改革委员会"),
                organisations("青藤智算参加了工业和信息化部、国家发展改革委召开的座谈会。"));
    }

    @Test
    void aKnownCompanyWithACompanySuffixIsThatCompany() {
        assertEquals(Set.of("青藤智算", "白鹭物联"), extract("青藤智算公司和白鹭物联公司发布了新款手机。", Set.of("青藤智算", "白鹭物联"))
                .things("Organization").stream().map(t -> t.label).collect(Collectors.toSet()));
    }

    @Test
    void labelsTheStoreKnowsAreRecognisedToo() {
        String text = "青藤智算与白鹭物联签署合作协议。";
        assertTrue(extract(text).things("Organization").isEmpty());
        assertEquals(Set.of("青藤智算", "白鹭物联"), extract(text, Set.of("青藤智算", "白鹭物联")).things("Organization").stream()
                .map(t -> t.label).collect(Collectors.toSet()));
    }

    @Test
    void aShortKnownLabelInsideAnotherWordIsNoName() {
        // A short known name (美的, as a store may know it) inside 完美的 is an adjective and a particle.
        assertTrue(extract("这是一个完美的方案。", Set.of("美的")).things("Organization").isEmpty());
    }

    // --- Latin-script names ---

    @Test
    void capitalisedLatinNamesThatAreNoTechnology() {
        assertEquals(Set.of("Orbita", "NEXUS", "Lumenta"),
                organisations("Orbita和NEXUS发布了新的GPU与AI芯片,Lumenta则推出了类似ChatGPT的产品,AIGC应用随之增加。"));
    }

    @Test
    void modelVersionsAndGlossesAreNoOrganisations() {
        assertTrue(organisations("团队发布了Orbita-R2模型,并推出开普勒平台(Kepler Suite)。").isEmpty());
    }

    @Test
    void latinNameBeforeACompanySuffixIsTheName() {
        assertEquals(Set.of("Lumenta"), organisations("Lumenta公司宣布开源其模型。"));
        assertEquals(Set.of("Lumenta"), organisations("美国Lumenta公司宣布开源其模型。"));
    }

    @Test
    void chipModelsAndUnitsAreNoOrganisations() {
        assertTrue(organisations("Q900芯片供不应求,多个GWh级储能项目落地,主频达到3 GHz。").isEmpty());
    }

    // --- what is not an organisation ---

    @ParameterizedTest
    @ValueSource(strings = {
            "张伟委员在发言中提出,应加快培育新质生产力。",
            "董事长李明表示,人工智能正在改变制造业。",
            "全国人大代表王芳建议加强算力基础设施建设。"})
    void peopleAndTheirTitlesAreNoOrganisations(String sentence) {
        assertTrue(organisations(sentence).isEmpty(), organisations(sentence).toString());
    }

    @Test
    void genericOrganisationWordsAreNoNames() {
        assertTrue(organisations("本公司与该公司的子公司、上市公司和科技公司都在布局,这家公司也不例外。"
                + "有关部门、相关部门、各部门和职能部门要加强协同,数据分析公司和商业银行也应参与。").isEmpty());
    }

    @Test
    void ordinaryWordsEndingInASuffixCharacterAreNoNames() {
        // 内部, 格局, 举办, 部门, 大学生: a suffix character that ends no name.
        assertTrue(organisations("企业内部的竞争格局正在变化,各地举办了大学生创新大赛,部门之间加强协作。").isEmpty());
    }

    // --- evidence and genre ---

    @Test
    void eachOrganisationHasTheSentencesThatNameItAsEvidence() {
        String text = "远山集团发布年报。人工智能推动产业升级。远山集团计划扩大投资。";
        Extraction e = extract(text);
        Extraction.Thing org = e.find("Organization", "远山集团");
        assertNotNull(org);
        String normalised = Structure.of(Normaliser.normalise(text)).text().text();
        List<String> quotes = org.evidence.stream().map(ev -> normalised.substring(ev.start(), ev.end())).toList();
        assertEquals(List.of("远山集团发布年报。", "远山集团计划扩大投资。"), quotes);
        assertEquals(Set.of("organization-suffix"), org.evidence.stream().map(Extraction.Evidence::rule).collect(Collectors.toSet()));
    }

    @Test
    void aStudyOfPathsAndMechanismsTypesOnlyTheOrganisationsItGivesAsCases() {
        // In the paper's genre a university named in passing is no finding; the cases are CaseRules' to type.
        Extraction e = extract(PdfText.page(
                "#一、员工层面人工智能驱动新质生产力的路径和机制",
                "人工智能通过技能迁移机制和经验沉淀机制,提升员工能力。远山集团与北辰大学合作开展培训。"));
        assertTrue(e.things("Organization").isEmpty(), e.things("Organization").toString());
    }
}
