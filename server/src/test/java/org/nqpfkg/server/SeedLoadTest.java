package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kg load of the seed paper, checked through SPARQL against the structure DESIGN.md describes. */
class SeedLoadTest {
    static final Path SEEDS = Path.of("../seeds");
    @TempDir static Path dir;
    static Path store;

    @BeforeAll
    static void load() {
        store = dir.resolve("store");
        TestSupport.Run run = TestSupport.kg("load", "--store", store.toString(), SEEDS.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("statements"), "a summary per document: " + run.out());
    }

    static Set<String> q(String query) { return StoreQueries.lines(store, query); }

    @Test
    void eachLevelHasItsLensAndMechanisms() {
        assertEquals(Set.of("employee | capability", "enterprise | resource", "industry | synergy"),
                q("SELECT ?l ?x WHERE { ?level a nqpf:Level ; nqpf:lens ?lens . BIND(STRAFTER(STR(?level), \"level/\") AS ?l) BIND(STRAFTER(STR(?lens), \"lens/\") AS ?x) }"));
        String mechanisms = "SELECT ?l ?m WHERE { ?x a nqpf:Mechanism ; rdfs:label ?m ; nqpf:level ?level FILTER(lang(?m)=\"zh\") BIND(STRAFTER(STR(?level), \"level/\") AS ?l) }";
        assertEquals(Set.of("employee | 能力整合机制", "employee | 能力学习机制", "employee | 能力重构机制",
                "enterprise | 资源结构化机制", "enterprise | 资源重组机制", "enterprise | 资源利用机制",
                "industry | 互补式替代机制", "industry | 溢出融合机制", "industry | 技术创新机制", "industry | 生态协同机制"), q(mechanisms));
        assertEquals(Set.of("劳动替代机制"), q("SELECT ?a WHERE { ?x rdfs:label \"互补式替代机制\"@zh ; skos:altLabel ?a }"),
                "the paper's second name for the mechanism is a label of the same thing");
    }

    @Test
    void pathsHangUnderTheirLevelsPaths() {
        Set<String> tree = q("SELECT ?parent ?child WHERE { ?c nqpf:parentPath ?p . ?c rdfs:label ?child . ?p rdfs:label ?parent FILTER(lang(?child)=\"zh\" && lang(?parent)=\"zh\") }");
        assertTrue(tree.containsAll(Set.of("自动化-增强路径 | 自动化路径", "自动化-增强路径 | 增强路径",
                "职能路径 | 营销路径", "职能路径 | 创新路径", "职能路径 | 供应链路径", "职能路径 | 人力资源路径", "职能路径 | 战略决策路径",
                "四链路径 | 产业链路径", "四链路径 | 创新链路径", "四链路径 | 资金链路径", "四链路径 | 人才链路径")), tree.toString());
        assertEquals(Set.of(), q("SELECT ?p WHERE { ?p a nqpf:Path FILTER NOT EXISTS { ?p nqpf:level ?l } }"));
    }

    @Test
    void casesIllustratePathsAtTheirLevel() {
        Set<String> cases = q("SELECT ?org ?l WHERE { ?o nqpf:caseOf ?path ; rdfs:label ?org . ?path nqpf:level ?level FILTER(lang(?org)=\"zh\") BIND(STRAFTER(STR(?level), \"level/\") AS ?l) }");
        assertTrue(cases.containsAll(Set.of("美的集团 | employee", "海尔集团 | employee", "华为 | enterprise", "小米集团 | enterprise", "三一重工 | industry")), cases.toString());
    }

    @Test
    void sectorsAndCompaniesExemplifyMechanisms() {
        Set<String> examples = q("SELECT ?e ?m WHERE { ?x nqpf:exampleOf ?y . ?x rdfs:label ?e . ?y rdfs:label ?m FILTER(lang(?e)=\"zh\" && lang(?m)=\"zh\") }");
        assertTrue(examples.containsAll(Set.of("金融 | 能力整合机制", "医疗 | 能力学习机制", "广播电视 | 能力重构机制",
                "盒马鲜生 | 资源结构化机制", "富士康 | 资源重组机制", "京东物流 | 资源利用机制",
                "建筑施工 | 互补式替代机制", "汽车 | 溢出融合机制", "电力能源 | 技术创新机制", "电子商务 | 生态协同机制")), examples.toString());
    }

    @Test
    void policiesAnswerMechanismsOverThreeHorizons() {
        Set<String> byHorizon = q("SELECT ?h ?l WHERE { ?p a nqpf:Policy ; nqpf:horizon ?hz ; nqpf:addresses/nqpf:level ?level "
                + "BIND(STRAFTER(STR(?hz), \"horizon/\") AS ?h) BIND(STRAFTER(STR(?level), \"level/\") AS ?l) }");
        assertEquals(Set.of("short | employee", "medium | enterprise", "long | industry"), byHorizon);
        Set<String> answers = q("SELECT ?p ?m WHERE { ?x nqpf:addresses ?y . ?x rdfs:label ?p . ?y rdfs:label ?m FILTER(lang(?p)=\"zh\" && lang(?m)=\"zh\") }");
        assertTrue(answers.containsAll(Set.of("培训与技能提升政策 | 能力整合机制", "转岗与再就业支持政策 | 能力学习机制",
                "创新激励政策 | 能力重构机制", "数字基础设施建设政策 | 资源结构化机制", "高素质人才培养政策 | 互补式替代机制")), answers.toString());
        List<Map<String, String>> measures = StoreQueries.select(store, "SELECT ?m WHERE { ?p nqpf:hasMeasure ?m }");
        assertEquals(11, measures.size(), "each numbered measure belongs to a policy");
    }

    @Test
    void theoriesCharacteristicsRisksAndCitedDocuments() {
        assertTrue(q("SELECT ?t ?p WHERE { ?x nqpf:underpins ?y . ?x rdfs:label ?t . ?y rdfs:label ?p FILTER(lang(?t)=\"zh\" && lang(?p)=\"zh\") }")
                .containsAll(Set.of("人力资本理论 | 增强路径", "创新扩散理论 | 增强路径")));
        assertEquals(Set.of("数据驱动", "算力支持", "算法引领"), q("SELECT ?l WHERE { ?x a nqpf:AICharacteristic ; rdfs:label ?l FILTER(lang(?l)=\"zh\") }"));
        assertEquals(Set.of("employee", "enterprise", "industry"),
                q("SELECT DISTINCT ?l WHERE { ?x a nqpf:AIRisk ; nqpf:level ?level BIND(STRAFTER(STR(?level), \"level/\") AS ?l) }"));
        assertTrue(q("SELECT ?l WHERE { ?d nqpf:cites ?x . ?x rdfs:label ?l }").contains("生成式人工智能服务管理暂行办法"));
    }

    @Test
    void everyEvidenceQuoteIsTheTextAtItsOffsets() {
        List<Map<String, String>> all = StoreQueries.select(store, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a nqpf:Evidence }");
        assertTrue(Integer.parseInt(all.get(0).get("n")) > 100);
        List<Map<String, String>> wrong = StoreQueries.select(store, """
                SELECT ?e WHERE {
                  ?e a nqpf:Evidence ; nif:referenceContext/nif:isString ?text ; nif:anchorOf ?q ; nif:beginIndex ?b ; nif:endIndex ?end .
                  FILTER(SUBSTR(?text, xsd:integer(?b) + 1, xsd:integer(?end) - xsd:integer(?b)) != ?q)
                }""");
        assertEquals(List.of(), wrong);
        List<Map<String, String>> statementsWithoutEvidence = StoreQueries.select(store,
                "SELECT ?st WHERE { ?st a nqpf:Statement FILTER NOT EXISTS { ?st nqpf:evidence/nqpf:rule ?r } }");
        assertEquals(List.of(), statementsWithoutEvidence);
    }

    @Test
    void provenanceRecordsTheLoad() {
        List<Map<String, String>> prov = StoreQueries.select(store,
                "SELECT ?sha ?v ?t WHERE { ?d a nqpf:Document ; prov:wasGeneratedBy ?a . ?a nqpf:sha256 ?sha ; nqpf:loaderVersion ?v ; prov:endedAtTime ?t }");
        assertEquals(1, prov.size());
        assertEquals(64, prov.get(0).get("sha").length());
    }

    @Test
    void productivityElementsAndDimensions() {
        assertEquals(Set.of("新型劳动者", "新型劳动资料", "新型劳动对象"),
                q("SELECT ?l WHERE { ?x a nqpf:ProductivityElement ; rdfs:label ?l FILTER(lang(?l)=\"zh\") }"));
        assertEquals(Set.of("生产要素", "生产过程", "产出效果"),
                q("SELECT ?l WHERE { ?x a nqpf:ProductivityDimension ; rdfs:label ?l FILTER(lang(?l)=\"zh\") }"));
    }
}
