package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kg load --report: the terms each document and the whole load use often that the graph has no name for. */
class LoadReportTest {
    @TempDir Path dir;

    /** Invented texts: 算力网络 four times in one; 数字孪生 twice in each of the others; 智慧港口 twice in one. */
    static final String COMPUTE = """
            算力网络是数字时代的新型基础设施。
            2024年我国加快建设算力网络,人工智能与产业链的融合不断加深。
            算力网络把分散的数据中心连接起来,这方面的问题在于调度。
            数据中心的能耗问题也受到关注,2024年有30个城市接入算力网络。
            人工智能正在重塑产业链,这方面的作用十分明显。
            """;
    static final String PORT = """
            港口引入数字孪生系统以后,智慧港口的装卸效率明显提高。
            智慧港口还借助大模型安排船舶进出。
            数字孪生让管理者在屏幕上看到整个码头。
            """;
    static final String FACTORY = """
            工厂用数字孪生模拟生产线,人形机器人负责搬运。
            人形机器人和数字孪生相互配合,提高了工厂产能。
            """;

    /** {@code  <term>  <count>  <score>  e.g. "<example>"} */
    static final Pattern DOCUMENT_LINE = Pattern.compile("  (\\S+)  (\\d+)  (\\d+\\.\\d{2})  e\\.g\\. \"([^\\n]*)\"");
    /** The same with the number of documents before the example. */
    static final Pattern CORPUS_LINE = Pattern.compile("  (\\S+)  (\\d+)  (\\d+\\.\\d{2})  (\\d+) docs?  e\\.g\\. \"([^\\n]*)\"");

    Path folder(String... nameAndText) throws Exception {
        Path texts = Files.createDirectories(dir.resolve("texts"));
        for (int i = 0; i < nameAndText.length; i += 2) Files.writeString(texts.resolve(nameAndText[i]), nameAndText[i + 1]);
        return texts;
    }

    /** The lines under a heading, up to the next line that does not start with two spaces. */
    static List<String> section(String out, String heading) {
        List<String> lines = out.lines().toList();
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, "no «" + heading + "» in:\n" + out);
        return lines.subList(at + 1, lines.size()).stream().takeWhile(l -> l.startsWith("  ")).toList();
    }

    @Test
    void aDryRunListsEachDocumentsTermsAndTheCorpusTermsInTheReportFormat() throws Exception {
        Path texts = folder("compute.txt", COMPUTE, "port.txt", PORT, "factory.txt", FACTORY);
        Path store = dir.resolve("store");
        TestSupport.Run run = TestSupport.kg("load", "--store", store.toString(), "--report", "--dry-run", texts.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("candidate terms seen but not typed in compute.txt:"), "the rules' candidates are still listed");

        List<String> compute = section(run.out(), "terms frequent in compute.txt but not in the graph:");
        var first = DOCUMENT_LINE.matcher(compute.get(0));
        assertTrue(first.matches(), compute.get(0));
        assertEquals("算力网络", first.group(1));
        assertEquals("4", first.group(2));
        assertEquals("算力网络是数字时代的新型基础设施。", first.group(4));
        for (String line : compute) assertTrue(DOCUMENT_LINE.matcher(line).matches(), line);

        List<String> port = section(run.out(), "terms frequent in port.txt but not in the graph:");
        assertTrue(port.stream().anyMatch(l -> l.startsWith("  智慧港口  2  ")), port.toString());

        List<String> corpus = section(run.out(), "terms frequent in this corpus but not in the graph:");
        for (String line : corpus) assertTrue(CORPUS_LINE.matcher(line).matches(), line);
        // Files are read in name order: factory.txt's sentence is the first example of 数字孪生.
        assertTrue(corpus.get(0).startsWith("  数字孪生  4  8.00  2 docs  e.g. \"工厂用数字孪生模拟生产线"), corpus.toString());

        for (String line : run.out().lines().filter(l -> DOCUMENT_LINE.matcher(l).matches() || CORPUS_LINE.matcher(l).matches()).toList())
            for (String named : List.of("  人工智能  ", "  产业链  ", "  问题  ", "  方面  ", "  2024  "))
                assertFalse(line.startsWith(named), "known names, stop words and numbers are not offered: " + line);
        int trig = run.out().indexOf("<https://w3id.org/nqpf-kg/graph/");
        assertTrue(trig > 0 && run.out().indexOf("terms frequent in this corpus") < trig, "the report comes before the TriG");
        assertFalse(Files.exists(store), "a dry run opens no store");
    }

    @Test
    void theLimitCutsEveryListAndMustBePositive() throws Exception {
        Path texts = folder("compute.txt", COMPUTE, "port.txt", PORT);
        TestSupport.Run run = TestSupport.kg("load", "--store", dir.resolve("store").toString(), "--report", "--report-limit", "1",
                "--dry-run", texts.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, section(run.out(), "terms frequent in port.txt but not in the graph:").size());
        assertEquals(1, section(run.out(), "terms frequent in this corpus but not in the graph:").size());
        TestSupport.Run zero = TestSupport.kg("load", "--report", "--report-limit", "0", "--dry-run", texts.toString());
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--report-limit"), zero.err());
    }

    @Test
    void againstAStoreItsNamesAreKnownAndItsDocumentsAreTheRestOfTheCorpus() throws Exception {
        // A vocabulary that names 智慧港口, in an ontology folder of its own.
        Path onto = Files.createDirectories(dir.resolve("ontology"));
        for (String f : List.of("nqpf.ttl", "vocabulary.ttl", "shapes.ttl", "context.jsonld", "generic-words.txt", "report-stopwords.txt"))
            Files.write(onto.resolve(f), org.nqpfkg.loader.OntologyFiles.bundled().bytes(f));
        Files.writeString(onto.resolve("vocabulary.ttl"), "\n<urn:test:smart-port> a skos:Concept ; skos:prefLabel \"智慧港口\"@zh .\n",
                java.nio.file.StandardOpenOption.APPEND);
        String store = dir.resolve("store").toString();
        Path stored = Files.createDirectories(dir.resolve("stored"));
        Files.writeString(stored.resolve("factory.txt"), FACTORY);
        assertEquals(0, TestSupport.kg("load", "--store", store, "--ontology", onto.toString(), stored.toString()).exit());

        Path port = folder("port.txt", PORT + "港口的船舶越来越多。\n");
        TestSupport.Run run = TestSupport.kg("load", "--store", store, "--ontology", onto.toString(), "--report", port.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> terms = section(run.out(), "terms frequent in port.txt but not in the graph:").stream()
                .map(l -> l.strip().split("  ")[0]).toList();
        assertFalse(terms.contains("智慧港口"), "the store's vocabulary names it: " + terms);
        // 船舶 and 数字孪生 stand twice each in port.txt (alone, 数字孪生 would come first by its letters), but the
        // stored factory.txt uses 数字孪生 too, so it says less about port.txt.
        List<String> lines = section(run.out(), "terms frequent in port.txt but not in the graph:");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  船舶  2  2.20  ")), "2 × ln(1 + 2/1): " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  数字孪生  2  1.39  ")), "2 × ln(1 + 2/2): " + lines);
        assertTrue(terms.indexOf("船舶") < terms.indexOf("数字孪生"), terms.toString());
        assertTrue(run.out().contains("loaded port.txt"), "the load itself goes on: " + run.out());
    }
}
