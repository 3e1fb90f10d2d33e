package org.nqpfkg.server.queries;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.server.TestSupport;

/**
 * Every named query of queries/ run on the seed paper, checked against what the paper says; then
 * hostile parameter values and names against every parameter of every query; then the header rules.
 */
class NamedQueriesTest {
    static final Path SEEDS = Path.of("../seeds");
    static final Path QUERIES = Path.of("../queries");
    static final String ID = "https://w3id.org/nqpf-kg/id/";
    static final String NQPF = "https://w3id.org/nqpf-kg/ontology#";
    static final String DOC = "ai-new-quality-productive-forces";

    @TempDir static Path dir;
    static DatasetGraph dsg;
    static NamedQueries queries;
    static String documentText;

    @BeforeAll
    static void load() {
        Path store = dir.resolve("store");
        TestSupport.Run run = TestSupport.kg("load", "--store", store.toString(), SEEDS.toString());
        assertEquals(0, run.exit(), run.err());
        dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        queries = NamedQueries.load(QUERIES);
        documentText = Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(
                    "SELECT ?t WHERE { <" + ID + "document/" + DOC + "> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }").build()) {
                return qe.select().next().get("t").getLiteralLexicalForm();
            }
        });
    }

    @AfterAll
    static void close() {
        if (dsg != null) TDBInternal.expel(dsg);
    }

    // ------------------------------------------------------------------ helpers

    static NamedQuery q(String name) {
        return queries.get(name).orElseThrow(() -> new AssertionError("no named query " + name));
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** All rows (one big page) as {var: value} maps. */
    static List<Map<String, String>> rows(String name, String... kv) {
        NamedQuery.Result r = q(name).run(dsg, params(kv), 5000, 0, 30_000);
        assertFalse(r.hasMore(), name + ": more rows than one test page");
        return r.rowMaps();
    }

    static List<String> col(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).collect(Collectors.toList());
    }

    static Set<String> set(List<Map<String, String>> rows, String var) {
        return new TreeSet<>(rows.stream().map(r -> r.get(var)).filter(v -> v != null).toList());
    }

    static Set<String> pairs(List<Map<String, String>> rows, String a, String b) {
        return rows.stream().map(r -> r.get(a) + " | " + r.get(b)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The document text between code-point offsets, as evidence and sentences count them. */
    static String textAt(String start, String end) {
        int b = documentText.offsetByCodePoints(0, Integer.parseInt(start));
        int e = documentText.offsetByCodePoints(0, Integer.parseInt(end));
        return documentText.substring(b, e);
    }

    // ------------------------------------------------------------------ loading

    /** The queries the tests below check on the seed; a new file must be added here (and checked). */
    static final Set<String> CHECKED = Set.of(
            "mechanism-evidence-and-policies", "cases-by-level-and-path", "policies-by-horizon",
            "examples-by-mechanism", "document-statements", "ai-risks-by-level", "level-comparison",
            "mechanisms-by-level", "path-tree", "theories-and-paths", "cited-policy-documents",
            "measures-by-policy", "search-labels", "sentences-mentioning", "well-evidenced-links",
            "corroboration", "documents-mentioning");

    /** One valid value for each required parameter, per query. */
    static final Map<String, Map<String, String>> REQUIRED = Map.of(
            "mechanism-evidence-and-policies", Map.of("mechanism", "neng-li-zheng-he-ji-zhi"),
            "document-statements", Map.of("document", DOC),
            "search-labels", Map.of("text", "能力"),
            "sentences-mentioning", Map.of("thing", ID + "organization/hua-wei"),
            "documents-mentioning", Map.of("concept", ID + "path/chan-ye-lian-lu-jing"));

    @Test
    void everyFileOfTheFolderIsLoadedAndChecked() throws Exception {
        Set<String> files;
        try (Stream<Path> list = Files.list(QUERIES)) {
            files = list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".rq"))
                    .map(f -> f.substring(0, f.length() - 3)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(files.size() >= 12, "at least 12 named queries: " + files);
        assertEquals(files, queries.names());
        assertEquals(QUERIES.toString(), queries.origin());
        assertEquals(new TreeSet<>(CHECKED), new TreeSet<>(queries.names()), "each query file has a check on the seed below");
        for (NamedQuery nq : queries.all()) {
            assertFalse(nq.summary().isBlank(), nq.name());
            assertFalse(nq.description().isBlank(), nq.name());
            assertNotNull(nq.pagination(), nq.name());
            assertTrue(nq.query().hasOrderBy(), nq.name());
            for (NamedQuery.Param p : nq.params())
                if (p.required()) assertTrue(REQUIRED.getOrDefault(nq.name(), Map.of()).containsKey(p.name()), nq.name() + " " + p.name());
        }
    }

    @Test
    void theBundledCopyMatchesTheFolder() {
        NamedQueries bundled = NamedQueries.load(dir.resolve("no-such-folder"));
        assertEquals("bundled copy", bundled.origin());
        assertEquals(queries.names(), bundled.names());
        for (NamedQuery nq : queries.all()) {
            assertEquals(nq.text(), bundled.get(nq.name()).orElseThrow().text(), nq.name());
            assertEquals(nq.describe(), bundled.get(nq.name()).orElseThrow().describe(), nq.name());
        }
        assertEquals(queries.names(), NamedQueries.load(null).names());
    }

    @Test
    void describeGivesWhatTheApiListsAndOpenApiNeeds() throws Exception {
        Map<String, Object> d = q("mechanism-evidence-and-policies").describe();
        assertEquals(List.of("name", "summary", "description", "params", "pagination"), new ArrayList<>(d.keySet()));
        assertEquals("mechanism-evidence-and-policies", d.get("name"));
        assertEquals("Evidence for a mechanism and the policies that answer it", d.get("summary"));
        assertEquals(100, d.get("pagination"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ps = (List<Map<String, Object>>) d.get("params");
        assertEquals(1, ps.size());
        Map<String, Object> p = ps.get(0);
        assertEquals("mechanism", p.get("name"));
        assertEquals("slug", p.get("type"));
        assertEquals("mechanism", p.get("kind"));
        assertEquals("^[a-z0-9][a-z0-9-]{0,199}$", p.get("pattern"));
        assertEquals(true, p.get("required"));
        assertFalse(((String) p.get("description")).isBlank());

        Map<String, Object> cmp = q("level-comparison").describe();
        @SuppressWarnings("unchecked")
        Map<String, Object> lang = ((List<Map<String, Object>>) cmp.get("params")).get(0);
        assertEquals("lang", lang.get("type"));
        assertEquals("zh", lang.get("default"));
        assertEquals(false, lang.get("required"));
        assertFalse(lang.containsKey("kind"));
        // The whole list is plain JSON.
        String json = new ObjectMapper().writeValueAsString(queries.describe());
        assertEquals(queries.names().size(), new ObjectMapper().readTree(json).size());
    }

    // ------------------------------------------------------------------ each query on the seed

    @Test
    void mechanismEvidenceAndThePoliciesThatAnswerIt() {
        List<Map<String, String>> rows = rows("mechanism-evidence-and-policies", "mechanism", "neng-li-zheng-he-ji-zhi");
        assertEquals(Set.of(ID + "mechanism/neng-li-zheng-he-ji-zhi"), set(rows, "mechanism"));
        assertEquals(Set.of("能力整合机制"), set(rows, "mechanismLabel"));
        assertEquals(Set.of("mechanism", "policy"), set(rows, "kind"));
        assertEquals(Set.of("培训与技能提升政策"), set(rows, "policyLabel"));
        assertEquals(Set.of(ID + "horizon/short"), set(rows, "horizon"));
        assertEquals("mechanism", rows.get(0).get("kind"), "the mechanism's own evidence comes first");
        for (Map<String, String> r : rows) {
            assertNotNull(r.get("quote"), r.toString());
            assertEquals(r.get("quote"), textAt(r.get("start"), r.get("end")), "evidence is the text at its offsets");
            assertEquals(ID + "document/" + DOC, r.get("document"));
            assertNotNull(r.get("rule"));
            assertTrue(r.get("quote").contains("能力整合机制"), r.get("quote"));
            if (r.get("kind").equals("policy")) assertTrue(r.get("quote").contains("培训与技能提升政策"), r.get("quote"));
        }
        assertEquals(Set.of("创新激励政策"),
                set(rows("mechanism-evidence-and-policies", "mechanism", "neng-li-zhong-gou-ji-zhi"), "policyLabel"));
        assertEquals(List.of(), rows("mechanism-evidence-and-policies", "mechanism", "no-such-mechanism"));
        assertEquals(List.of(), rows("mechanism-evidence-and-policies", "mechanism", "hua-wei"),
                "a slug of another kind names no mechanism");
    }

    @Test
    void casesPerLevelAndPath() {
        List<Map<String, String>> employee = rows("cases-by-level-and-path", "level", "employee");
        assertEquals(Set.of("美的集团", "海尔集团"), set(employee, "organizationLabel"));
        assertEquals(Set.of(ID + "level/employee"), set(employee, "level"));
        assertTrue(set(employee, "pathLabel").containsAll(Set.of("自动化路径", "增强路径")), employee.toString());
        assertEquals(Set.of("华为", "小米集团"), set(rows("cases-by-level-and-path", "level", "enterprise"), "organizationLabel"));
        assertEquals(Set.of("三一重工"), set(rows("cases-by-level-and-path", "level", "industry"), "organizationLabel"));

        List<Map<String, String>> functional = rows("cases-by-level-and-path", "path", "zhi-neng-lu-jing");
        assertEquals(Set.of("华为", "小米集团"), set(functional, "organizationLabel"));
        assertEquals(Set.of(ID + "path/zhi-neng-lu-jing"), set(functional, "path"));
        assertEquals(Set.of("三一重工 | 四链路径"),
                pairs(rows("cases-by-level-and-path", "level", "industry", "path", "si-lian-lu-jing"), "organizationLabel", "pathLabel"));
        assertEquals(List.of(), rows("cases-by-level-and-path", "level", "employee", "path", "si-lian-lu-jing"),
                "the four-chains path is not at the employee level");

        List<Map<String, String>> all = rows("cases-by-level-and-path");
        assertTrue(pairs(all, "organizationLabel", "level").containsAll(Set.of(
                "美的集团 | " + ID + "level/employee", "海尔集团 | " + ID + "level/employee",
                "华为 | " + ID + "level/enterprise", "小米集团 | " + ID + "level/enterprise",
                "三一重工 | " + ID + "level/industry")), all.toString());
        for (Map<String, String> r : all) {
            assertTrue(Integer.parseInt(r.get("evidenceCount")) >= 1, r.toString());
            assertNotNull(r.get("quote"), r.toString());
        }
        assertEquals(all.size(), new LinkedHashSet<>(pairs(all, "organization", "path")).size(), "one row per case link");
    }

    @Test
    void policiesByHorizonWithTheMechanismsTheyAddress() {
        List<Map<String, String>> shortTerm = rows("policies-by-horizon", "horizon", "short");
        assertEquals(3, shortTerm.size(), shortTerm.toString());
        assertEquals(Set.of("培训与技能提升政策", "转岗与再就业支持政策", "创新激励政策"), set(shortTerm, "policyLabel"));
        assertEquals(Set.of(ID + "horizon/short"), set(shortTerm, "horizon"));
        assertEquals(Set.of(ID + "level/employee"), set(shortTerm, "level"));
        assertEquals(Set.of("培训与技能提升政策 | 能力整合机制", "转岗与再就业支持政策 | 能力学习机制", "创新激励政策 | 能力重构机制"),
                pairs(shortTerm, "policyLabel", "mechanisms"));

        List<Map<String, String>> medium = rows("policies-by-horizon", "horizon", "medium");
        assertEquals(Set.of(ID + "level/enterprise"), set(medium, "level"));
        assertTrue(set(medium, "policyLabel").contains("数字基础设施建设政策"), medium.toString());
        List<Map<String, String>> longTerm = rows("policies-by-horizon", "horizon", "long");
        assertEquals(Set.of(ID + "level/industry"), set(longTerm, "level"));
        assertTrue(pairs(longTerm, "policyLabel", "mechanisms").contains("高素质人才培养政策 | 互补式替代机制"), longTerm.toString());

        List<Map<String, String>> all = rows("policies-by-horizon");
        assertEquals(shortTerm.size() + medium.size() + longTerm.size(), all.size());
        List<String> order = new ArrayList<>(new LinkedHashSet<>(col(all, "horizon")));
        assertEquals(List.of(ID + "horizon/short", ID + "horizon/medium", ID + "horizon/long"), order, "short, medium, long");
    }

    @Test
    void sectorAndCompanyExamplesPerMechanism() {
        List<Map<String, String>> all = rows("examples-by-mechanism");
        assertTrue(pairs(all, "exampleLabel", "mechanismLabel").containsAll(Set.of("金融 | 能力整合机制", "医疗 | 能力学习机制",
                "广播电视 | 能力重构机制", "盒马鲜生 | 资源结构化机制", "富士康 | 资源重组机制", "京东物流 | 资源利用机制",
                "建筑施工 | 互补式替代机制", "汽车 | 溢出融合机制", "电力能源 | 技术创新机制", "电子商务 | 生态协同机制")), all.toString());
        assertEquals(Set.of("Organization", "Sector"), set(all, "exampleType"));
        assertTrue(pairs(all, "exampleLabel", "exampleType").containsAll(Set.of("金融 | Sector", "富士康 | Organization")));
        for (Map<String, String> r : all) assertNotNull(r.get("quote"), r.toString());

        List<Map<String, String>> learning = rows("examples-by-mechanism", "mechanism", "neng-li-xue-xi-ji-zhi");
        assertEquals(Set.of(ID + "mechanism/neng-li-xue-xi-ji-zhi"), set(learning, "mechanism"));
        assertTrue(pairs(learning, "exampleLabel", "exampleType").contains("医疗 | Sector"), learning.toString());
        assertTrue(pairs(rows("examples-by-mechanism", "mechanism", "zi-yuan-zhong-zu-ji-zhi"), "exampleLabel", "exampleType")
                .contains("富士康 | Organization"));
    }

    @Test
    void statementsOfADocumentWithTheirEvidence() {
        List<Map<String, String>> all = rows("document-statements", "document", DOC);
        long expected = Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query("""
                    PREFIX nqpf: <https://w3id.org/nqpf-kg/ontology#>
                    PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                    SELECT (COUNT(*) AS ?n) WHERE { ?st a nqpf:Statement ; nqpf:evidence ?e .
                      ?e nif:referenceContext <https://w3id.org/nqpf-kg/id/document/ai-new-quality-productive-forces> }""").build()) {
                return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
            }
        });
        assertTrue(expected > 100, "the seed has many statements: " + expected);
        assertEquals(expected, all.size(), "one row per statement and evidence span");
        Set<String> predicates = set(all, "predicate");
        for (String p : List.of("level", "lens", "family", "parentPath", "viaPath", "caseOf", "exampleOf", "addresses",
                "horizon", "hasMeasure", "underpins", "cites"))
            assertTrue(predicates.contains(NQPF + p), "has " + p + " statements: " + predicates);
        assertTrue(pairs(all, "subjectLabel", "objectLabel").contains("员工、企业和产业层面人工智能促进新质生产力涌现的路径和机制 | 生成式人工智能服务管理暂行办法"),
                "the document's citation, labelled by its title");
        int previous = -1;
        for (Map<String, String> r : all) {
            assertEquals(r.get("quote"), textAt(r.get("start"), r.get("end")), r.toString());
            assertNotNull(r.get("rule"));
            assertNotNull(r.get("sectionTitle"), r.toString());
            int start = Integer.parseInt(r.get("start"));
            assertTrue(start >= previous, "in document order");
            previous = start;
        }

        // Pages: the header's pagination by default, stable and gapless.
        NamedQuery nq = q("document-statements");
        NamedQuery.Result first = nq.run(dsg, params("document", DOC), 0, 0, 30_000);
        assertEquals(100, first.rows().size());
        assertTrue(first.hasMore());
        List<Map<String, String>> paged = new ArrayList<>(first.rowMaps());
        int offset = 100;
        NamedQuery.Result page;
        do {
            page = nq.run(dsg, params("document", DOC), 100, offset, 30_000);
            paged.addAll(page.rowMaps());
            offset += 100;
        } while (page.hasMore());
        assertEquals(all, paged);
        assertEquals(List.of(), rows("document-statements", "document", "no-such-document"));
    }

    @Test
    void aiRisksPerLevel() {
        List<Map<String, String>> all = rows("ai-risks-by-level");
        assertEquals(Set.of(ID + "level/employee", ID + "level/enterprise", ID + "level/industry"), set(all, "level"));
        List<Map<String, String>> enterprise = rows("ai-risks-by-level", "level", "enterprise");
        assertEquals(Set.of("算法偏差", "虚假信息", "深度伪造"), set(enterprise, "riskLabel"));
        assertTrue(set(enterprise, "riskLabelEn").contains("deepfakes"));
        assertTrue(set(rows("ai-risks-by-level", "level", "industry"), "riskLabel").contains("失业"));
        assertTrue(set(rows("ai-risks-by-level", "level", "employee"), "riskLabel").containsAll(Set.of("技术超载", "职业倦怠")));
        assertEquals(all.size(), new LinkedHashSet<>(col(all, "risk")).size(), "one row per risk");
    }

    @Test
    void theThreeLevelsSideBySide() {
        List<Map<String, String>> rows = rows("level-comparison");
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of(ID + "level/employee", ID + "level/enterprise", ID + "level/industry"), col(rows, "level"));
        assertEquals(List.of(ID + "lens/capability", ID + "lens/resource", ID + "lens/synergy"), col(rows, "lens"));
        assertEquals(List.of("能力观", "资源观", "协同观"), col(rows, "lensLabel"));
        assertEquals(List.of("short", "medium", "long"), col(rows, "horizons"));
        assertEquals(Set.of("能力整合机制", "能力学习机制", "能力重构机制"), split(rows.get(0).get("mechanisms")));
        assertEquals(Set.of("资源结构化机制", "资源重组机制", "资源利用机制"), split(rows.get(1).get("mechanisms")));
        assertEquals(Set.of("互补式替代机制", "溢出融合机制", "技术创新机制", "生态协同机制"), split(rows.get(2).get("mechanisms")));
        assertEquals(Set.of("美的集团", "海尔集团"), split(rows.get(0).get("cases")));
        assertEquals(Set.of("华为", "小米集团"), split(rows.get(1).get("cases")));
        assertEquals(Set.of("三一重工"), split(rows.get(2).get("cases")));
        assertTrue(split(rows.get(0).get("paths")).containsAll(Set.of("自动化-增强路径", "自动化路径", "增强路径")));
        assertTrue(split(rows.get(1).get("paths")).containsAll(Set.of("职能路径", "营销路径", "创新路径", "供应链路径", "人力资源路径", "战略决策路径")));
        assertTrue(split(rows.get(2).get("paths")).containsAll(Set.of("四链路径", "产业链路径", "创新链路径", "资金链路径", "人才链路径")));
        assertTrue(split(rows.get(0).get("policies")).contains("培训与技能提升政策"));

        List<Map<String, String>> en = rows("level-comparison", "lang", "en");
        assertEquals(List.of("capability view", "resource-based view", "synergy view"), col(en, "lensLabel"));
        assertTrue(split(en.get(0).get("cases")).containsAll(Set.of("Midea Group", "Haier Group")), en.toString());
        assertEquals(rows, rows("level-comparison", "lang", "ZH"), "language tags are case-insensitive");
    }

    static Set<String> split(String joined) {
        return joined == null ? Set.of() : new TreeSet<>(List.of(joined.split("; ")));
    }

    @Test
    void mechanismsByLevel() {
        List<Map<String, String>> all = rows("mechanisms-by-level");
        assertEquals(Set.of("employee | 能力整合机制", "employee | 能力学习机制", "employee | 能力重构机制",
                "enterprise | 资源结构化机制", "enterprise | 资源重组机制", "enterprise | 资源利用机制",
                "industry | 互补式替代机制", "industry | 溢出融合机制", "industry | 技术创新机制", "industry | 生态协同机制"),
                all.stream().map(r -> r.get("level").substring((ID + "level/").length()) + " | " + r.get("mechanismLabel"))
                        .collect(Collectors.toSet()));
        List<Map<String, String>> industry = rows("mechanisms-by-level", "level", "industry");
        assertEquals(4, industry.size());
        assertEquals(Set.of(ID + "lens/synergy"), set(industry, "lens"));
        assertTrue(pairs(industry, "mechanismLabel", "altLabels").contains("互补式替代机制 | 劳动替代机制"), industry.toString());
        assertEquals(Set.of(ID + "lens/capability"), set(rows("mechanisms-by-level", "level", "employee"), "lens"));
        for (Map<String, String> r : all) assertTrue(Integer.parseInt(r.get("policyCount")) >= 1, r.toString());
    }

    @Test
    void thePathTree() {
        List<Map<String, String>> all = rows("path-tree");
        assertEquals(14, all.size(), all.toString());
        assertEquals(Set.of("自动化-增强路径", "职能路径", "四链路径"),
                all.stream().filter(r -> r.get("parentPath") == null).map(r -> r.get("pathLabel")).collect(Collectors.toSet()));
        assertTrue(pairs(all, "parentLabel", "pathLabel").containsAll(Set.of("自动化-增强路径 | 自动化路径", "自动化-增强路径 | 增强路径",
                "职能路径 | 营销路径", "职能路径 | 创新路径", "职能路径 | 供应链路径", "职能路径 | 人力资源路径", "职能路径 | 战略决策路径",
                "四链路径 | 产业链路径", "四链路径 | 创新链路径", "四链路径 | 资金链路径", "四链路径 | 人才链路径")));
        // A parent comes right before its children.
        String currentTop = null;
        for (Map<String, String> r : all) {
            if (r.get("parentPath") == null) currentTop = r.get("path");
            else assertEquals(currentTop, r.get("parentPath"), r.toString());
        }
        List<Map<String, String>> industry = rows("path-tree", "level", "industry");
        assertEquals(5, industry.size());
        assertEquals("四链路径", industry.get(0).get("pathLabel"));
    }

    @Test
    void theoriesAndWhatTheyUnderpin() {
        List<Map<String, String>> all = rows("theories-and-paths");
        assertTrue(pairs(all, "theoryLabel", "targetLabel").containsAll(Set.of("人力资本理论 | 增强路径", "创新扩散理论 | 增强路径")), all.toString());
        assertTrue(set(all, "theoryLabel").contains("马克思主义生产力理论"), "a theory that underpins nothing is still listed");
        List<Map<String, String>> human = rows("theories-and-paths", "theory", "ren-li-zi-ben-li-lun");
        assertEquals(1, human.size());
        assertEquals("Path", human.get(0).get("targetType"));
        assertEquals(ID + "level/employee", human.get(0).get("level"));
        assertNotNull(human.get(0).get("quote"));
    }

    @Test
    void citedPolicyDocuments() {
        List<Map<String, String>> all = rows("cited-policy-documents");
        assertEquals(4, all.size(), all.toString());
        assertTrue(set(all, "label").contains("生成式人工智能服务管理暂行办法"));
        assertTrue(set(all, "labelEn").contains("Interim Measures for the Management of Generative Artificial Intelligence Services"));
        assertEquals(all, rows("cited-policy-documents", "document", DOC));
        List<Integer> starts = all.stream().map(r -> Integer.parseInt(r.get("start"))).toList();
        assertEquals(starts.stream().sorted().toList(), starts, "in the order they are cited");
        assertEquals(List.of(), rows("cited-policy-documents", "document", "no-such-document"));
    }

    @Test
    void measuresPerPolicy() {
        List<Map<String, String>> all = rows("measures-by-policy");
        assertEquals(11, all.size(), "each numbered measure belongs to a policy");
        assertEquals(11, set(all, "measure").size());
        List<Map<String, String>> training = rows("measures-by-policy", "policy", "pei-xun-yu-ji-neng-ti-sheng-zheng-ce");
        assertEquals(1, training.size());
        assertEquals("政府可以设立专项培训补贴", training.get(0).get("measureLabel"));
        assertEquals(ID + "horizon/short", training.get(0).get("horizon"));
        assertTrue(training.get(0).get("quote").contains("专项培训补贴"));
    }

    @Test
    void thingsWhoseLabelContainsAText() {
        List<Map<String, String>> ability = rows("search-labels", "text", "能力");
        assertTrue(set(ability, "thing").containsAll(Set.of(ID + "mechanism/neng-li-zheng-he-ji-zhi",
                ID + "mechanism/neng-li-xue-xi-ji-zhi", ID + "mechanism/neng-li-zhong-gou-ji-zhi", ID + "lens/capability")), ability.toString());
        for (Map<String, String> r : ability) {
            assertTrue(r.get("matchedLabel").contains("能力"), r.toString());
            assertTrue(r.get("class").startsWith(NQPF), r.toString());
        }
        assertEquals(Set.of(ID + "organization/hua-wei"), set(rows("search-labels", "text", "HUAWEI", "lang", "en"), "thing"));
        assertEquals(List.of(), rows("search-labels", "text", "HUAWEI", "lang", "zh"));
        List<Map<String, String>> org = rows("search-labels", "text", "华为", "class", NQPF + "Organization");
        assertEquals(Set.of(ID + "organization/hua-wei"), set(org, "thing"));
        assertEquals(Set.of(NQPF + "Organization"), set(org, "class"));
        assertEquals(List.of(), rows("search-labels", "text", "华为", "class", NQPF + "Sector"));
        assertEquals(Set.of(ID + "mechanism/hu-bu-shi-ti-dai-ji-zhi"), set(rows("search-labels", "text", "劳动替代"), "thing"),
                "alternative labels are searched too");
        assertEquals(List.of(), rows("search-labels", "text", "能力", "class", "http://www.w3.org/2002/07/owl#Class"),
                "only things of the project's own classes");
    }

    @Test
    void sentencesThatMentionAThing() {
        List<Map<String, String>> rows = rows("sentences-mentioning", "thing", ID + "organization/hua-wei");
        assertFalse(rows.isEmpty());
        int previous = -1;
        for (Map<String, String> r : rows) {
            assertTrue(r.get("text").contains("华为"), r.toString());
            assertEquals(r.get("text"), textAt(r.get("start"), r.get("end")));
            int start = Integer.parseInt(r.get("start"));
            assertTrue(start > previous);
            previous = start;
        }
        assertEquals(List.of(), rows("sentences-mentioning", "thing", "https://example.org/nothing"));
    }

    @Test
    void documentsThatMentionAConceptQuoteItsNamesAtTheirOffsets() {
        List<Map<String, String>> rows = rows("documents-mentioning", "concept", ID + "path/chan-ye-lian-lu-jing");
        assertTrue(rows.size() >= 5, rows.toString());
        for (Map<String, String> r : rows) {
            assertTrue(List.of("产业链路径", "产业链").contains(r.get("quote")), r.toString());
            assertEquals(r.get("quote"), textAt(r.get("start"), r.get("end")));
            assertTrue(List.of("label", "alias", "head").contains(r.get("match")));
            assertTrue(r.get("sentenceText").contains(r.get("quote")));
        }
        assertEquals(List.of(), rows("documents-mentioning", "concept", "https://example.org/nothing"));
    }

    @Test
    void corroborationCountsMentionsPerConceptAndDocument() {
        NamedQuery.Result r = q("corroboration").run(dsg, params(), 1000, 0, 30_000);
        List<Map<String, String>> rows = r.rowMaps();
        assertFalse(rows.isEmpty());
        int previous = Integer.MAX_VALUE;
        Set<String> pairs = new java.util.HashSet<>();
        for (Map<String, String> row : rows) {
            assertTrue(pairs.add(row.get("concept") + " " + row.get("document")), "one row per concept and document: " + row);
            int n = Integer.parseInt(row.get("mentions"));
            assertTrue(n >= 1 && n <= previous, "most-mentioned first: " + row);
            previous = n;
        }
        assertTrue(rows.stream().anyMatch(row -> row.get("concept").equals(ID + "organization/xiao-mi-ji-tuan")
                && row.get("label").equals("小米集团")), "the seed mentions 小米集团");
    }

    @Test
    void linksBackedBySeveralEvidenceSpans() {
        List<Map<String, String>> two = rows("well-evidenced-links");
        assertFalse(two.isEmpty());
        List<Integer> counts = two.stream().map(r -> Integer.parseInt(r.get("evidenceCount"))).toList();
        assertTrue(counts.stream().allMatch(n -> n >= 2), counts.toString());
        assertEquals(counts.stream().sorted((a, b) -> b - a).toList(), counts, "strongest first");
        assertEquals(two, rows("well-evidenced-links", "min", "2"), "the default is 2");
        List<Map<String, String>> four = rows("well-evidenced-links", "min", "4");
        assertTrue(four.size() < two.size() && four.stream().allMatch(r -> Integer.parseInt(r.get("evidenceCount")) >= 4));
        assertTrue(rows("well-evidenced-links", "min", "1").size() > two.size());
        assertEquals(List.of(), rows("well-evidenced-links", "min", "9999"));
    }

    // ------------------------------------------------------------------ hostile input

    static final List<String> HOSTILE = List.of(
            "x\" } UNION { ?s ?p ?o } #",
            "} UNION {",
            "\\u0022",
            "\"",
            "<http://a b>",
            "'; DROP",
            "a".repeat(10_000),
            "",
            "   ",
            "能力整合机制🚀",
            "é",
            "\u202Eevil",
            "neng-li-zheng-he-ji-zhi> . ?s ?p ?o . <x",
            "https://w3id.org/nqpf-kg/id/mechanism/x> } UNION { ?s ?p ?o } #",
            "https://example.org/a\"b",
            "https://example.org/ a",
            "javascript:alert(1)",
            "http://",
            "?s",
            "$mechanism",
            "employee\n",
            "short\u0000",
            "\uD800",
            "1 OR 1=1",
            "-1",
            "99999999999999999999",
            "zh\" . ?s ?p ?o",
            "en-",
            "*");

    @Test
    void hostileValuesGiveBadParameterOrAnHonestResult() {
        int rejected = 0, answered = 0;
        for (NamedQuery nq : queries.all()) {
            Map<String, String> base = REQUIRED.getOrDefault(nq.name(), Map.of());
            List<Map<String, String>> baseline = nq.run(dsg, base, 5000, 0, 30_000).rowMaps();
            for (NamedQuery.Param p : nq.params()) {
                for (String value : HOSTILE) {
                    Map<String, String> raw = new HashMap<>(base);
                    raw.put(p.name(), value);
                    String what = nq.name() + " ?" + p.name() + "=" + NamedQuery.preview(value);
                    NamedQuery.Result r;
                    try {
                        r = nq.run(dsg, raw, 5000, 0, 30_000);
                    } catch (BadParameter e) {
                        assertEquals(p.name(), e.parameter(), what);
                        assertTrue(e.getMessage().contains("'" + p.name() + "'"), "the message names the parameter: " + e.getMessage());
                        assertTrue(e.getMessage().length() < 400, "a short message: " + e.getMessage());
                        rejected++;
                        continue;
                    } catch (RuntimeException e) {
                        throw new AssertionError(what + ": unexpected " + e, e);
                    }
                    answered++;
                    List<Map<String, String>> rows = r.rowMaps();
                    if (value.isEmpty()) {
                        assertFalse(p.required(), what + ": an empty required value must be refused");
                        assertEquals(baseline, rows, what + ": an empty value counts as absent");
                    } else if (p.type() == NamedQuery.Param.Type.STRING) {
                        for (Map<String, String> row : rows)
                            assertTrue(row.get("matchedLabel").toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)),
                                    what + ": a row that does not match: " + row);
                    } else {
                        assertEquals(List.of(), rows, what + ": a value that names nothing finds nothing");
                    }
                }
            }
        }
        assertTrue(rejected > 100 && answered > 10, "rejected " + rejected + ", answered " + answered);
    }

    @Test
    void unicodeTextIsSearchedAsText() {
        assertEquals(List.of(), rows("search-labels", "text", "能力整合机制🚀"));
        assertEquals(List.of(), rows("search-labels", "text", "x\" } UNION { ?s ?p ?o } #"));
        assertEquals(List.of(), rows("search-labels", "text", "?s"));
        assertEquals(Set.of(ID + "mechanism/neng-li-zheng-he-ji-zhi"), set(rows("search-labels", "text", "能力整合"), "thing"));
        assertEquals(Set.of(ID + "organization/hai-er-ji-tuan"), set(rows("search-labels", "text", "haier group"), "thing"));
        // Length is checked before the pattern: 501 characters are too long whatever the type.
        BadParameter tooLong = assertThrows(BadParameter.class,
                () -> q("mechanism-evidence-and-policies").run(dsg, params("mechanism", "a".repeat(501)), 10, 0, 30_000));
        assertTrue(tooLong.getMessage().contains("at most 500"), tooLong.getMessage());
        BadParameter pattern = assertThrows(BadParameter.class,
                () -> q("search-labels").run(dsg, params("text", "能".repeat(500)), 10, 0, 30_000));
        assertTrue(pattern.getMessage().contains("must match"), pattern.getMessage());
        assertEquals(List.of(), rows("search-labels", "text", "能".repeat(100)));
    }

    @Test
    void hostileParameterNamesAreRefused() {
        for (NamedQuery nq : queries.all()) {
            Map<String, String> base = REQUIRED.getOrDefault(nq.name(), Map.of());
            for (String name : List.of("unknown", "limit", "x\" } UNION { ?s ?p ?o } #", "", "MECHANISM", "a".repeat(10_000), "?mechanism")) {
                Map<String, String> raw = new HashMap<>(base);
                raw.put(name, "x");
                BadParameter e = assertThrows(BadParameter.class, () -> nq.run(dsg, raw, 10, 0, 30_000), nq.name() + " " + name);
                assertTrue(e.getMessage().startsWith("Unknown parameter"), e.getMessage());
                assertTrue(e.getMessage().length() < 400, e.getMessage());
            }
        }
    }

    @Test
    void missingRequiredParametersAndBadPagesAreRefused() {
        BadParameter missing = assertThrows(BadParameter.class, () -> q("mechanism-evidence-and-policies").run(dsg, Map.of(), 10, 0, 1000));
        assertEquals("mechanism", missing.parameter());
        assertTrue(missing.getMessage().contains("required"), missing.getMessage());
        assertThrows(BadParameter.class, () -> q("document-statements").run(dsg, null, 10, 0, 1000));
        assertThrows(BadParameter.class, () -> q("path-tree").run(dsg, Map.of(), 10, -1, 1000));
        assertThrows(BadParameter.class, () -> q("path-tree").run(dsg, Map.of(), NamedQuery.MAX_PAGE + 1, 0, 1000));
        NamedQuery.Result page = q("path-tree").run(dsg, null, 5, 10, 30_000);
        assertEquals(4, page.rows().size());
        assertFalse(page.hasMore());
        assertEquals(rows("path-tree").subList(10, 14), page.rowMaps());
    }

    @Test
    void aLimitWrittenInTheFileStillBoundsThePages() {
        NamedQuery nq = NamedQueries.parse("five.rq", "#+ summary: s\n" + GOOD_QUERY.replace("ORDER BY ?m", "ORDER BY ?m LIMIT 5"));
        NamedQuery.Result first = nq.run(dsg, null, 3, 0, 30_000);
        assertEquals(3, first.rows().size());
        assertTrue(first.hasMore());
        NamedQuery.Result second = nq.run(dsg, null, 3, 3, 30_000);
        assertEquals(2, second.rows().size());
        assertFalse(second.hasMore());
        assertEquals(0, nq.run(dsg, null, 3, 6, 30_000).rows().size());
    }

    @Test
    void aSlowQueryIsCancelledAtItsTimeout() {
        NamedQuery slow = NamedQueries.parse("slow.rq", """
                #+ summary: a cross product of the whole store with itself, three times
                SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g
                """);
        long t0 = System.nanoTime();
        assertThrows(org.apache.jena.query.QueryCancelledException.class, () -> slow.run(dsg, null, 10, 0, 300));
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "cancelled promptly");
    }

    // ------------------------------------------------------------------ output formats

    @Test
    void resultsAreWrittenInFourFormats() throws Exception {
        NamedQuery.Result r = q("policies-by-horizon").run(dsg, params("horizon", "short"), 0, 0, 30_000);
        assertEquals(List.of("horizon", "policy", "policyLabel", "policyLabelEn", "level", "mechanisms", "mechanismCount"), r.varNames());

        JsonNode rows = new ObjectMapper().readTree(write(r, "json-rows"));
        assertTrue(rows.isArray());
        assertEquals(3, rows.size());
        assertEquals(ID + "horizon/short", rows.get(0).get("horizon").asText());
        assertEquals("1", rows.get(0).get("mechanismCount").asText());
        assertTrue(rows.get(0).has("policyLabelEn"));

        JsonNode sparql = new ObjectMapper().readTree(write(r, "sparql-json"));
        assertEquals(7, sparql.get("head").get("vars").size());
        assertEquals(3, sparql.get("results").get("bindings").size());
        assertEquals("uri", sparql.get("results").get("bindings").get(0).get("policy").get("type").asText());

        String[] csv = write(r, "csv").split("\r\n");
        assertEquals("horizon,policy,policyLabel,policyLabelEn,level,mechanisms,mechanismCount", csv[0]);
        assertEquals(4, csv.length);
        String[] tsv = write(r, "tsv").split("\n");
        assertEquals("?horizon\t?policy\t?policyLabel\t?policyLabelEn\t?level\t?mechanisms\t?mechanismCount", tsv[0]);
        assertTrue(tsv[1].startsWith("<" + ID + "horizon/short>\t"), tsv[1]);

        assertEquals("application/sparql-results+json", NamedQuery.Result.mediaType("sparql-json"));
        assertThrows(BadParameter.class, () -> r.write(new ByteArrayOutputStream(), "xml"));
        // Unbound values are null in json-rows.
        JsonNode theories = new ObjectMapper().readTree(write(q("theories-and-paths").run(dsg, params("theory", "ma-ke-si-zhu-yi-sheng-chan-li-li-lun"), 0, 0, 30_000), "json-rows"));
        assertTrue(theories.get(0).get("target").isNull());
    }

    static String write(NamedQuery.Result r, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.write(out, format);
        return out.toString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the header rules

    static final String GOOD_QUERY = """
            PREFIX nqpf: <https://w3id.org/nqpf-kg/ontology#>
            SELECT ?m WHERE { ?m a nqpf:Mechanism ; nqpf:level ?level } ORDER BY ?m
            """;

    @Test
    void headersInTheirYamlForms() {
        NamedQuery nq = NamedQueries.parse("forms.rq", """
                #+ summary: "Quoted: with a colon"
                #+ description: |
                #+   Line one.
                #+   Line two.
                #+ # a comment line
                #+ params:
                #+ - name: level        # a trailing comment
                #+   type: slug
                #+   kind: level
                #+   pattern: '^(employee|enterprise)$'
                #+   required: false
                #+   default: "employee"
                #+   description: >
                #+     folded
                #+     text
                #+ pagination: 7
                # an ordinary comment
                """ + GOOD_QUERY);
        assertEquals("forms", nq.name());
        assertEquals("Quoted: with a colon", nq.summary());
        assertEquals("Line one.\nLine two.", nq.description());
        assertEquals(7, nq.pagination());
        NamedQuery.Param p = nq.params().get(0);
        assertEquals(new NamedQuery.Param("level", NamedQuery.Param.Type.SLUG, "level", "^(employee|enterprise)$", false, "employee", "folded text"), p);
        assertEquals(Set.of(ID + "mechanism/neng-li-zheng-he-ji-zhi", ID + "mechanism/neng-li-xue-xi-ji-zhi", ID + "mechanism/neng-li-zhong-gou-ji-zhi"),
                set(nq.run(dsg, null, 0, 0, 30_000).rowMaps(), "m"), "the default applies");
        assertThrows(BadParameter.class, () -> nq.run(dsg, params("level", "industry"), 0, 0, 30_000));

        NamedQuery none = NamedQueries.parse("none.rq", "#+ summary: s\n#+ params: []\n" + GOOD_QUERY);
        assertEquals(List.of(), none.params());
        assertNull(none.pagination());
        assertEquals(NamedQuery.DEFAULT_PAGE, none.run(dsg, Map.of(), 0, 0, 30_000).limit());
    }

    @Test
    void malformedFilesFailLoudlyWithTheirName() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no header", GOOD_QUERY);
        bad.put("no summary", "#+ description: d\n" + GOOD_QUERY);
        bad.put("unknown key", "#+ summary: s\n#+ pagnation: 10\n" + GOOD_QUERY);
        bad.put("bad type", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: uri\n" + GOOD_QUERY);
        bad.put("slug without kind", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: slug\n" + GOOD_QUERY);
        bad.put("kind on a string", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: string\n#+     kind: level\n" + GOOD_QUERY);
        bad.put("unknown param key", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: iri\n#+     requird: true\n" + GOOD_QUERY);
        bad.put("param not used", "#+ summary: s\n#+ params:\n#+   - name: lev\n#+     type: iri\n" + GOOD_QUERY);
        bad.put("param twice", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: iri\n#+   - name: level\n#+     type: iri\n" + GOOD_QUERY);
        bad.put("bad param name", "#+ summary: s\n#+ params:\n#+   - name: \"level }\"\n#+     type: iri\n" + GOOD_QUERY);
        bad.put("unanchored pattern", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: string\n#+     pattern: \"[a-z]+\"\n" + GOOD_QUERY);
        bad.put("broken pattern", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: string\n#+     pattern: \"^[a-z$\"\n" + GOOD_QUERY);
        bad.put("bad required", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: iri\n#+     required: yes\n" + GOOD_QUERY);
        bad.put("bad default", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: slug\n#+     kind: level\n#+     default: \"Not A Slug\"\n" + GOOD_QUERY);
        bad.put("required with default", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: lang\n#+     required: true\n#+     default: zh\n" + GOOD_QUERY);
        bad.put("bad pagination", "#+ summary: s\n#+ pagination: lots\n" + GOOD_QUERY);
        bad.put("bad indentation", "#+ summary: s\n#+     description: d\n#+ pagination: 1\n" + GOOD_QUERY);
        bad.put("tab", "#+ summary: s\n#+ params:\n#+\t- name: level\n" + GOOD_QUERY);
        bad.put("unclosed quote", "#+ summary: \"s\n" + GOOD_QUERY);
        bad.put("duplicate key", "#+ summary: s\n#+ summary: t\n" + GOOD_QUERY);
        bad.put("late header", "#+ summary: s\n" + GOOD_QUERY + "#+ pagination: 3\n");
        bad.put("does not parse", "#+ summary: s\nSELECT ?m WHERE { ?m a nqpf:Mechanism } ORDER BY ?m\n");
        bad.put("not a select", "#+ summary: s\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s\n");
        bad.put("no order by", "#+ summary: s\nSELECT ?s WHERE { ?s ?p ?o }\n");
        bad.put("binds its parameter", "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: iri\n"
                + "SELECT ?m WHERE { ?m ?p ?o BIND(?o AS ?level) } ORDER BY ?m\n");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            String file = e.getKey().replace(' ', '-') + ".rq";
            NamedQueries.InvalidQueryFile x = assertThrows(NamedQueries.InvalidQueryFile.class,
                    () -> NamedQueries.parse(file, e.getValue()), e.getKey());
            assertTrue(x.getMessage().startsWith(file + ": "), x.getMessage());
            assertEquals(file, x.file());
        }
        assertThrows(NamedQueries.InvalidQueryFile.class, () -> NamedQueries.parse("Bad Name.rq", "#+ summary: s\n" + GOOD_QUERY));

        // Through load(): the one bad file among good ones is named.
        Path folder = dir.resolve("bad-queries");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("good.rq"), "#+ summary: s\n" + GOOD_QUERY);
        Files.writeString(folder.resolve("broken.rq"), "#+ summary: s\n#+ params:\n#+   - name: level\n#+     type: uri\n" + GOOD_QUERY);
        Files.writeString(folder.resolve("notes.txt"), "not a query");
        NamedQueries.InvalidQueryFile x = assertThrows(NamedQueries.InvalidQueryFile.class, () -> NamedQueries.load(folder));
        assertTrue(x.getMessage().contains("broken.rq"), x.getMessage());
        Files.delete(folder.resolve("broken.rq"));
        Files.write(folder.resolve("latin1.rq"), ("#+ summary: caf\u00e9\n" + GOOD_QUERY).getBytes(StandardCharsets.ISO_8859_1));
        x = assertThrows(NamedQueries.InvalidQueryFile.class, () -> NamedQueries.load(folder));
        assertTrue(x.getMessage().contains("latin1.rq") && x.getMessage().contains("UTF-8"), x.getMessage());
        Files.delete(folder.resolve("latin1.rq"));
        assertEquals(Set.of("good"), NamedQueries.load(folder).names());
    }
}
