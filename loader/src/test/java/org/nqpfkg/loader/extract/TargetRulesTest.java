package org.nqpfkg.loader.extract;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.extract.Extraction.Target;
import org.nqpfkg.loader.text.Normaliser;
import org.nqpfkg.loader.text.Structure;

/** Dated targets in invented policy sentences: every year form, figures, what is no target, and horizons. */
class TargetRulesTest {
    static Lexicon lexicon;

    @BeforeAll
    static void lexicon() { lexicon = new Lexicon(OntologyFiles.bundled().graph("vocabulary.ttl")); }

    /** A target as a test reads it: year, figure, the clause quoted by its evidence, horizon (short/medium/long or null). */
    record Found(int year, String value, String clause, String horizon) {}

    static List<Found> targets(String text, String date) {
        Structure st = Structure.of(Normaliser.normalise(text));
        Extraction ex = new Extractor(lexicon).extract(st, date);
        return ex.targets().stream().map(t -> found(st, t)).toList();
    }

    static Found found(Structure st, Target t) {
        String clause = st.text().slice(t.evidence().start(), t.evidence().end());
        String horizon = t.horizon() == null ? null : t.horizon().iri.substring(t.horizon().iri.lastIndexOf('/') + 1);
        return new Found(t.year(), t.value(), clause, horizon);
    }

    static Found only(String text) {
        List<Found> found = targets(text, null);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    // --- year forms ---

    @Test
    void byAnArabicYearWithAFigure() {
        assertEquals(new Found(2027, "超过1000亿元", "到2027年,全市人工智能核心产业规模超过1000亿元,培育50家以上领军企业", null),
                only("到2027年,全市人工智能核心产业规模超过1000亿元,培育50家以上领军企业。"));
    }

    @Test
    void byAYearInChineseNumeralsWithoutAFigure() {
        assertEquals(new Found(2035, null, "到二〇三五年,全面建成智能经济和智能社会", null), only("到二〇三五年,全面建成智能经济和智能社会。"));
        assertEquals(2027, only("到二○二七年,建成一批智能工厂。").year(), "○ typed for 〇");
        assertEquals(2028, only("到二零二八年,基本形成产业生态。").year());
    }

    @Test
    void byTheEndOfAFiveYearPlan() {
        Found f = only("到“十五五”末,数字经济核心产业增加值占地区生产总值比重超70%。");
        assertEquals(2030, f.year());
        assertEquals("超70%", f.value());
        assertEquals(2025, only("到十四五期末,全市算力规模达到5EFLOPS。").year());
        assertEquals(2035, only("“十六五”时期末,智能制造水平大幅提升。").year());
        assertEquals(2030, YearPhrases.planEnd(15));
    }

    @Test
    void beforeAYearAndByTheEndOfAYear() {
        Found before = only("力争2030年前建成国家人工智能创新应用先导区。");
        assertEquals(2030, before.year());
        assertEquals("力争2030年前建成国家人工智能创新应用先导区", before.clause(), "力争 stays with its phrase");
        Found endOfYear = only("到2026年底,完成100家规模以上工业企业智能化改造。");
        assertEquals(new Found(2026, "100家", "到2026年底,完成100家规模以上工业企业智能化改造", null), endOfYear);
        assertEquals(2029, only("2029年底前,实现重点园区5G网络全覆盖。").year());
        assertEquals(2031, only("二〇三一年以前,关键核心技术实现自主可控。").year());
    }

    @Test
    void theSubjectBeforeThePhraseIsPartOfTheClause() {
        Found f = only("坚持创新驱动,我省人工智能核心产业规模到2027年突破2000亿元。");
        assertEquals("我省人工智能核心产业规模到2027年突破2000亿元", f.clause());
        assertEquals("2000亿元", f.value(), "the verb that reaches the figure is not part of it");
    }

    @Test
    void twoTargetsInOneSentenceAreTwoClauses() {
        List<Found> found = targets("到2027年,智能算力规模达到10EFLOPS;到2030年,智能算力规模再翻一番。", null);
        assertEquals(List.of(new Found(2027, "10EFLOPS", "到2027年,智能算力规模达到10EFLOPS", null),
                new Found(2030, null, "到2030年,智能算力规模再翻一番", null)), found);
        List<Found> carbon = targets("园区力争2030年前实现碳达峰、2060年前实现碳中和,走在全省前列。", null);
        // The last clause runs to the sentence end: a comma does not end what the target states.
        assertEquals(List.of("园区力争2030年前实现碳达峰", "2060年前实现碳中和,走在全省前列"), carbon.stream().map(Found::clause).toList());
        List<Found> commas = targets("到2026年,建成20个示范场景,到2028年,建成50个示范场景。", null);
        assertEquals(List.of("到2026年,建成20个示范场景", "到2028年,建成50个示范场景"), commas.stream().map(Found::clause).toList());
        assertEquals(List.of("20个", "50个"), commas.stream().map(Found::value).toList());
    }

    @Test
    void figuresAsWritten() {
        assertEquals("百分之三十", only("到2027年,企业数字化研发设计工具普及率提高百分之三十。").value().replaceFirst("^提高", ""));
        assertEquals("一百家", only("到2028年,培育一百家专精特新企业。").value());
        assertEquals("5个百分点", only("到2027年,全员劳动生产率提高5个百分点。").value().replaceFirst("^提高", ""));
        assertEquals("1.5万亿元以上", only("到2030年,产业规模1.5万亿元以上。").value());
        assertNull(only("到2028年,形成一个开放协同的创新体系。").value(), "a single 一 is no figure");
    }

    // --- what is no target ---

    @ParameterizedTest
    @ValueSource(strings = {
            "2023年发布的行动方案对算力建设作出部署。",
            "2024年以来,全市新增智能工厂三十家。",
            "截至2024年底,全省已建成5G基站12万个。",
            "截止到2024年底,累计培育专精特新企业500家。",
            "2024年前三季度,规模以上工业增加值增长百分之六。",
            "自2025年起,每年安排专项资金10亿元。",
            "2021—2023年,全市数字经济年均增长百分之十五。",
            "从2025年到2027年,分三批推进园区改造。",
            "根据《2030年前碳达峰行动方案》,各地制定了实施方案。",
            "预计在2030年前后形成规模化应用。",
            "“十四五”期间,全市建成算力中心三座。",
            "2026年1月1日起施行。",
            "本措施自2025年5月1日起施行,有效期至2029年12月31日。"})
    void yearsThatDateOrReportSomethingAreNoTargets(String sentence) {
        assertEquals(List.of(), targets(sentence, null));
    }

    @Test
    void headingsNameTargetsButDoNotSetThem() {
        List<Found> found = targets("""
                关于加快人工智能产业发展的行动方案
                一、到2027年的主要目标
                到2027年,全市人工智能企业超过300家。
                """, null);
        assertEquals(1, found.size(), found.toString());
        assertEquals("超过300家", found.get(0).value());
    }

    // --- horizons ---

    static final String PLAN = """
            关于推动人工智能赋能新型工业化的实施方案
            到2027年,培育30个智能制造示范工厂。到2030年,规模以上工业企业数字化转型基本完成。到二〇三五年,全面建成先进制造业强市。到2050年,智能经济成为主要经济形态。到2024年底,全市已建成智能车间200个。
            """;

    @Test
    void horizonsCountYearsFromTheMetadataDate() {
        List<Found> found = targets(PLAN, "2025-03-15");
        assertEquals(List.of(2027, 2030, 2035, 2050), found.stream().map(Found::year).toList(), "a year before the document's is a report");
        assertEquals(List.of("short", "medium", "medium", "long"), found.stream().map(Found::horizon).toList());
    }

    @Test
    void withoutADateThereIsNoHorizon() {
        List<Found> found = targets(PLAN, null);
        assertEquals(5, found.size(), "without a date, every horizon phrase is a target: " + found);
        assertTrue(found.stream().allMatch(f -> f.horizon() == null), found.toString());
    }

    @Test
    void aDatelineAtTheBottomDatesTheDocument() {
        String signed = PLAN + "星城市人民政府\n二〇二五年三月十五日\n";
        Structure st = Structure.of(Normaliser.normalise(signed));
        Extraction ex = new Extractor(lexicon).extract(st, null);
        assertEquals("2025-03-15", ex.documentDate());
        assertEquals(List.of("short", "medium", "medium", "long"), ex.targets().stream().map(t -> found(st, t).horizon()).toList());
        // The metadata's date wins over the text's.
        Extraction dated = new Extractor(lexicon).extract(st, "2020");
        assertEquals(List.of("medium", "medium", "long", "long", "medium"),
                dated.targets().stream().map(t -> found(st, t).horizon()).toList());
    }

    @Test
    void aDatelineAtTheTopDatesANewsItem() {
        Structure st = Structure.of(Normaliser.normalise("""
                星城发布人工智能产业行动计划

                2026-05-20 09:30 来源:星城日报

                记者从市工信局获悉,到2028年,全市人工智能核心产业规模将超过800亿元。
                """));
        Extraction ex = new Extractor(lexicon).extract(st, null);
        assertEquals("2026-05-20", ex.documentDate());
        assertEquals("short", found(st, ex.targets().get(0)).horizon());
    }

    @Test
    void aDateInsideTheBodyDoesNotDateTheDocument() {
        Structure st = Structure.of(Normaliser.normalise("""
                关于人工智能产业发展情况的报告
                一、基本情况
                2021年6月1日,全市出台首个人工智能专项政策,此后产业规模持续扩大,到2027年,产业规模将超过500亿元。
                二、下一步工作
                持续优化产业生态,加快培育龙头企业,推动产业集聚发展,形成更多标志性成果。
                三、保障措施
                完善统计监测,加强督促检查,确保各项任务落到实处。
                """));
        Extraction ex = new Extractor(lexicon).extract(st, null);
        assertNull(ex.documentDate());
        assertNull(ex.targets().get(0).horizon());
    }

    @Test
    void horizonsAreTheVocabularysIndividuals() {
        Target t = new Extractor(lexicon).extract(Structure.of(Normaliser.normalise("到2027年,建成示范工厂。")), "2025").targets().get(0);
        assertEquals(Vocab.ID + "horizon/short", t.horizon().iri);
    }
}
