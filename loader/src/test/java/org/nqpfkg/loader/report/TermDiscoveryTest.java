package org.nqpfkg.loader.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.OntologyFiles;

/** Terms a load would offer an analyst, on three short invented texts and the bundled vocabulary. */
class TermDiscoveryTest {
    static final OntologyFiles ONTOLOGY = OntologyFiles.bundled();
    static final Predicate<String> KNOWN = KnownNames.of(List.of(ONTOLOGY.graph("vocabulary.ttl")), ONTOLOGY.words("generic-words.txt"));

    /** 算力网络 four times, 数据中心 twice; known names, stop words and numbers twice each. */
    static final TermDiscovery.Document COMPUTE = new TermDiscovery.Document("compute.txt", List.of(
            "算力网络是数字时代的新型基础设施。",
            "2024年我国加快建设算力网络,人工智能与产业链的融合不断加深。",
            "算力网络把分散的数据中心连接起来,这方面的问题在于调度。",
            "数据中心的能耗问题也受到关注,2024年有30个城市接入算力网络。",
            "人工智能正在重塑产业链,这方面的作用十分明显。"));
    /** 智慧港口 twice, only here; 数字孪生 twice, here and in FACTORY. */
    static final TermDiscovery.Document PORT = new TermDiscovery.Document("port.txt", List.of(
            "港口引入数字孪生系统以后,智慧港口的装卸效率明显提高。",
            "智慧港口还借助大模型安排船舶进出。",
            "数字孪生让管理者在屏幕上看到整个码头。"));
    static final TermDiscovery.Document FACTORY = new TermDiscovery.Document("factory.txt", List.of(
            "工厂用数字孪生模拟生产线,人形机器人负责搬运。",
            "人形机器人和数字孪生相互配合,提高了工厂产能。"));

    static TermDiscovery.Report report(Background background, int limit) {
        return TermDiscovery.of(ONTOLOGY, KNOWN).discover(List.of(COMPUTE, PORT, FACTORY), background, limit);
    }

    static List<String> terms(List<DiscoveredTerm> list) { return list.stream().map(DiscoveredTerm::term).toList(); }

    static List<DiscoveredTerm> everyListed(TermDiscovery.Report r) {
        List<DiscoveredTerm> all = new ArrayList<>(r.corpus());
        r.documents().values().forEach(all::addAll);
        return all;
    }

    @Test
    void aRepeatedNewTermRanksFirstWithItsCountAndAnExample() {
        List<DiscoveredTerm> compute = report(Background.NONE, 20).documents().get("compute.txt");
        DiscoveredTerm first = compute.get(0);
        assertEquals("算力网络", first.term(), compute.toString());
        assertEquals(4, first.count());
        assertEquals(1, first.documents());
        assertEquals("算力网络是数字时代的新型基础设施。", first.example(), "the first sentence it stands in");
        assertTrue(first.score() > 0);
        assertEquals(List.of("算力网络", "数据中心"), terms(compute), "every other word is known, general, a number or seen once");
    }

    @Test
    void namesTheGraphAlreadyHasAreNotListed() {
        assertTrue(KNOWN.test("人工智能") && KNOWN.test("产业链"), "the vocabulary names both");
        for (DiscoveredTerm t : everyListed(report(Background.NONE, 20))) {
            assertFalse(KNOWN.test(t.term()), t.term());
            assertFalse(t.term().startsWith("人工智能") || t.term().startsWith("产业链"), t.term());
        }
    }

    @Test
    void singleCharactersNumbersAndStopWordsAreNotListed() {
        List<String> stop = ONTOLOGY.words("report-stopwords.txt");
        List<String> generic = ONTOLOGY.words("generic-words.txt");
        assertTrue(stop.containsAll(List.of("问题", "方面", "作用", "我国")));
        for (DiscoveredTerm t : everyListed(report(Background.NONE, 20))) {
            assertTrue(t.term().codePointCount(0, t.term().length()) >= 2, t.term());
            assertTrue(t.term().codePoints().noneMatch(Character::isDigit), t.term());
            assertFalse(stop.contains(t.term()) || generic.contains(t.term()), t.term());
            assertTrue(t.count() >= TermDiscovery.MIN_COUNT, t.term());
        }
    }

    @Test
    void aTermOfOneDocumentRanksAboveAnEquallyFrequentTermOfSeveral() {
        TermDiscovery.Report r = report(Background.NONE, 20);
        List<String> port = terms(r.documents().get("port.txt"));
        assertTrue(port.indexOf("智慧港口") >= 0 && port.indexOf("智慧港口") < port.indexOf("数字孪生"), port.toString());
        DiscoveredTerm twin = r.corpus().get(0);
        assertEquals("数字孪生", twin.term(), "in the corpus, what recurs across documents comes first: " + r.corpus());
        assertEquals(4, twin.count());
        assertEquals(2, twin.documents());
        assertEquals(8.0, twin.score(), 1e-9, "total count × documents");
        assertEquals("港口引入数字孪生系统以后,智慧港口的装卸效率明显提高。", twin.example());
    }

    @Test
    void storedDocumentsThatUseATermLowerItsRank() {
        // Ten stored documents, all about 算力网络: in compute.txt, 数据中心 now says more.
        Background stored = new Background() {
            @Override public int documents() { return 10; }
            @Override public int documentsContaining(String term) { return term.equals("算力网络") ? 10 : 0; }
        };
        assertEquals(List.of("数据中心", "算力网络"), terms(report(stored, 20).documents().get("compute.txt")));
    }

    @Test
    void theLimitCutsEveryList() {
        TermDiscovery.Report r = report(Background.NONE, 1);
        r.documents().values().forEach(l -> assertTrue(l.size() <= 1, l.toString()));
        assertEquals(1, r.corpus().size());
        assertThrows(IllegalArgumentException.class, () -> report(Background.NONE, 0));
    }

    @Test
    void aLongExampleIsCutAroundTheTerm() {
        String sentence = "在".repeat(70) + "算力网络" + "在".repeat(70);
        String cut = Excerpt.around(sentence, 70, 4);
        assertTrue(cut.contains("算力网络") && cut.startsWith("…") && cut.endsWith("…"), cut);
        assertEquals(Excerpt.WIDTH + 2, cut.codePointCount(0, cut.length()));
        assertEquals("短句。", Excerpt.around("短句。", 0, 2));
        assertTrue(Excerpt.around("算力网络" + "在".repeat(80), 0, 4).startsWith("算力网络"), "no cut mark before a word at the start");
    }
}
