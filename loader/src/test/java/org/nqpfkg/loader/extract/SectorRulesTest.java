package org.nqpfkg.loader.extract;

import static org.junit.jupiter.api.Assertions.*;

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

/** Sectors from the enumerations other genres write (invented sentences), and the enumerations that name none. */
class SectorRulesTest {
    static Lexicon lexicon;

    @BeforeAll
    static void lexicon() { lexicon = new Lexicon(OntologyFiles.bundled()); }

    static Extraction extract(String text) {
        return new Extractor(lexicon).extract(Structure.of(Normaliser.normalise(text)));
    }

    static Set<String> sectors(String text) {
        return extract(text).things("Sector").stream().map(t -> t.label).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "在仓储物流、智慧农业和文化旅游等领域,大模型应用正在加速。",
            "推动仓储物流、智慧农业、文化旅游等行业转型升级。",
            "仓储物流、智慧农业及文化旅游行业的企业纷纷上云。",
            "加快仓储物流、智慧农业与文化旅游等重点产业布局。"})
    void itemsOfAnEnumerationClosedBySectorWords(String sentence) {
        assertEquals(Set.of("仓储物流", "智慧农业", "文化旅游"), sectors(sentence));
    }

    @Test
    void theFirstItemStartsAtAWordBoundary() {
        // 制造 is the vocabulary's 制造业 under another label.
        assertEquals(Set.of("制造业", "物流", "医疗"), sectors("推动人工智能在制造、物流与医疗等领域的落地应用。"));
    }

    @Test
    void technologiesAreNoSectors() {
        Extraction e = extract("人工智能、区块链、物联网和低空经济等领域的突破将带来新的增长点。");
        assertEquals(Set.of("低空经济"), e.things("Sector").stream().map(t -> t.label).collect(Collectors.toSet()));
        assertTrue(e.candidates().contains("区块链 (enumerated before a sector word, not taken as a sector)"), e.candidates().toString());
    }

    @Test
    void aListOfKindsOfIndustryNamesNoSector() {
        assertTrue(sectors("推动传统产业和新兴产业协调发展。").isEmpty());
    }

    @Test
    void aListOfLevelsNamesNoSector() {
        assertTrue(sectors("人工智能在员工、企业和产业层面发挥作用。").isEmpty());
    }

    @Test
    void itemsWithVerbsOrTooLongAreNoSectors() {
        assertEquals(Set.of("医疗", "教育"), sectors("在医疗、提升效率和教育等领域取得进展。"));
        assertTrue(sectors("在面向中小微企业提供普惠金融服务的平台和医疗等领域。").stream().noneMatch(s -> s.length() > 8));
    }

    @Test
    void aWordThatOnlyStartsWithAHeadIsNoHead() {
        // 产业链 is a word of its own: "A、B等产业链" enumerates chains, not sectors closed by 产业.
        assertTrue(sectors("打通芯片、整机等产业链堵点。").isEmpty());
    }

    @Test
    void aStudyOfPathsAndMechanismsLeavesSectorsToItsExamples() {
        Extraction e = extract(PdfText.page(
                "#一、产业层面人工智能驱动新质生产力的路径和机制",
                "人工智能通过链群共生机制和技术外溢机制,在仓储物流、智慧农业和文化旅游等领域重塑产业分工。"));
        assertTrue(e.things("Sector").isEmpty(), e.things("Sector").toString());
    }

    @Test
    void eachSectorHasItsSentenceAsEvidence() {
        Extraction e = extract("在仓储物流和智慧农业等领域,大模型应用正在加速。");
        Extraction.Thing s = e.find("Sector", "仓储物流");
        assertNotNull(s);
        assertEquals(1, s.evidence.size());
        assertEquals("sector-enumeration", s.evidence.get(0).rule());
    }
}
