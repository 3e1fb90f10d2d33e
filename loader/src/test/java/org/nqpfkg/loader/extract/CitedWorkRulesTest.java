package org.nqpfkg.loader.extract;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Normaliser;
import org.nqpfkg.loader.text.Structure;

/** Cited works in invented texts: periodicals and programmes are no policy documents; one work written several ways is one. */
class CitedWorkRulesTest {
    static Lexicon lexicon;

    @BeforeAll
    static void lexicon() { lexicon = new Lexicon(OntologyFiles.bundled().graph("vocabulary.ttl")); }

    static Extraction extract(String text) { return new Extractor(lexicon).extract(Structure.of(Normaliser.normalise(text))); }

    static Set<String> documents(Extraction ex) {
        return ex.things("PolicyDocument").stream().map(t -> t.label).collect(Collectors.toSet());
    }

    static Thing only(Extraction ex) {
        List<Thing> docs = ex.things("PolicyDocument");
        assertEquals(1, docs.size(), docs.toString());
        return docs.get(0);
    }

    @Test
    void periodicalsNewspapersAndProgrammesAreNoPolicyDocuments() {
        Extraction ex = extract("""
                相关研究发表于《经济研究》和《星城大学学报(社会科学版)》,《星城日报》和《新闻联播》作了报道,《焦点访谈》也关注了这一话题。
                《星城市人工智能产业发展三年行动计划》提出了明确目标,《2024年星城市国民经济和社会发展统计公报》公布了相关数据。
                """);
        assertEquals(Set.of("《星城市人工智能产业发展三年行动计划》", "《2024年星城市国民经济和社会发展统计公报》"), documents(ex),
                "公报 ends with 报 but is an official document");
        assertTrue(ex.candidates().contains("《经济研究》 (a periodical or programme, not a policy document)"), ex.candidates().toString());
        assertTrue(ex.candidates().stream().anyMatch(c -> c.startsWith("《新闻联播》")), ex.candidates().toString());
    }

    @Test
    void aTitleWithAndWithoutItsBracketsIsOneWork() {
        Extraction ex = extract("""
                全国政协委员李明提交了《关于加快人工智能赋能中小制造企业的提案》。
                他表示,这份关于加快人工智能赋能中小制造企业的提案凝聚了多次调研的成果。
                """);
        Thing work = only(ex);
        assertEquals("《关于加快人工智能赋能中小制造企业的提案》", work.label);
        assertEquals(Set.of("关于加快人工智能赋能中小制造企业的提案"), work.variants);
        assertEquals(2, work.evidence.size(), "both sentences are its evidence");
        assertEquals(List.of("cited-document", "cited-document-plain"), work.evidence.stream().map(Extraction.Evidence::rule).toList());
    }

    @Test
    void aTitleWithAndWithoutASubtitleIsOneWorkNamedByItsFullestForm() {
        Extraction ex = extract("""
                《星城市数字经济发展规划》明确了发展方向。
                《星城市数字经济发展规划——迈向智能时代》对重点产业作了部署。
                """);
        Thing work = only(ex);
        assertEquals("《星城市数字经济发展规划——迈向智能时代》", work.label);
        assertEquals(Set.of("《星城市数字经济发展规划》"), work.variants);
    }

    @Test
    void aParenthesisedNoteDoesNotMakeAnotherWork() {
        Extraction ex = extract("""
                《星城市算力设施建设行动计划(2024—2026年)》提出建设三个智算中心。
                按照《星城市算力设施建设行动计划》,各区县要落实用地保障。
                《星城市数据要素流通管理办法(试行)》与《星城市数据要素流通管理办法》的差别在于适用范围。
                """);
        assertEquals(Set.of("《星城市算力设施建设行动计划(2024—2026年)》", "《星城市数据要素流通管理办法(试行)》"), documents(ex));
        Thing plan = ex.find("PolicyDocument", "《星城市算力设施建设行动计划(2024—2026年)》");
        assertEquals(Set.of("《星城市算力设施建设行动计划》"), plan.variants);
    }

    @Test
    void aTitleNeverWrittenInBracketsIsNotTakenOnItsOwn() {
        Extraction ex = extract("会议听取了关于加强数据安全管理的意见,并研究了下一步工作。");
        assertTrue(ex.things("PolicyDocument").isEmpty(), documents(ex).toString());
    }

    @Test
    void aShortTitleIsNotLookedForWithoutBrackets() {
        Extraction ex = extract("《意见》印发后,各地积极落实。专家对意见的落实情况进行了评估。");
        Thing work = only(ex);
        assertTrue(work.variants.isEmpty(), work.variants.toString());
        assertEquals(1, work.evidence.size());
    }

    @Test
    void differentWorksStayApart() {
        Extraction ex = extract("《星城市智能制造发展规划》和《星城市智能网联汽车发展规划》同时印发。");
        assertEquals(2, ex.things("PolicyDocument").size(), documents(ex).toString());
    }

    @Test
    void mainTitlesAndKeys() {
        assertEquals("星城市算力设施建设行动计划", CitedWorkRules.mainTitle("星城市算力设施建设行动计划(2024—2026年)"));
        assertEquals("星城市数字经济发展规划", CitedWorkRules.mainTitle("星城市数字经济发展规划——迈向智能时代"));
        assertEquals("星城市数字经济发展规划", CitedWorkRules.mainTitle("星城市数字经济发展规划—迈向智能时代"));
        assertEquals(CitedWorkRules.key("“十五五”数字经济发展规划"), CitedWorkRules.key("十五五数字经济发展规划"));
    }
}
