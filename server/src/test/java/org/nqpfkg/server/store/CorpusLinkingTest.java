package org.nqpfkg.server.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;

/**
 * The graph does not depend on the order documents arrive in: a news item that names the seed's concepts is
 * linked to them whether it is loaded before the seed, after it, or with it; replacing a document takes away
 * the mentions of names only it gave. Real TDB2 stores with their text index.
 */
class CorpusLinkingTest {
    static final Path SEED = Path.of("../seeds/ai-new-quality-productive-forces.txt");
    static final String NEWS = """
            星河晚报:智能制造观察

            本报讯 小米集团近日发布新一代工厂大模型,推动创新链、产业链、资金链、人才链深度融合。

            业内人士认为,能力整合机制和溢出融合正在显现,各地也在完善失业保险制度。
            """;

    @TempDir Path dir;

    @Test
    void threeLoadOrdersGiveTheSameGraph() throws Exception {
        Path news = Files.writeString(dir.resolve("news.txt"), NEWS);
        Set<String> newsFirst = load("a", List.of(news), List.of(SEED));
        Set<String> seedFirst = load("b", List.of(SEED), List.of(news));
        Set<String> together = load("c", List.of(SEED, news), List.of());
        assertSame(together, seedFirst);
        assertSame(together, newsFirst);
        String newsGraph = Vocab.GRAPH + "document/news";
        long linked = together.stream().filter(q -> q.startsWith("<" + newsGraph + ">") && q.contains("taIdentRef")).count();
        assertTrue(linked >= 8, "the news item names 小米集团, four chains, 能力整合机制 and 溢出融合: " + linked);
        for (String concept : List.of("organization/xiao-mi-ji-tuan", "path/chan-ye-lian-lu-jing", "path/ren-cai-lian-lu-jing",
                "mechanism/neng-li-zheng-he-ji-zhi", "mechanism/yi-chu-rong-he-ji-zhi"))
            assertTrue(together.stream().anyMatch(q -> q.startsWith("<" + newsGraph + ">") && q.contains("taIdentRef")
                    && q.endsWith("/id/" + concept)), "news mentions " + concept);
        assertFalse(together.stream().anyMatch(q -> q.startsWith("<" + newsGraph + ">") && q.contains("anchorOf") && q.contains("\"失业\"")),
                "失业 inside 失业保险 is not a mention");
    }

    @Test
    void replacingADocumentTakesAwayTheMentionsOfNamesOnlyItGave() throws Exception {
        Path news = Files.writeString(dir.resolve("news.txt"), NEWS);
        Path seedCopy = Files.createDirectories(dir.resolve("edited")).resolve(SEED.getFileName());
        Files.writeString(seedCopy, Files.readString(SEED).replace("溢出融合", "溢出协同"));
        Set<String> replaced = load("d", List.of(SEED, news), List.of(seedCopy));
        assertTrue(load("f", List.of(SEED, news), List.of()).stream().anyMatch(q -> q.contains("taIdentRef")
                && q.endsWith("/id/mechanism/yi-chu-rong-he-ji-zhi") && q.startsWith("<" + Vocab.GRAPH + "document/news>")),
                "before the replacement the news item mentions 溢出融合机制");
        Set<String> fresh = load("e", List.of(seedCopy, news), List.of());
        assertSame(fresh, replaced);
        assertFalse(replaced.stream().anyMatch(q -> q.contains("taIdentRef") && q.endsWith("/id/mechanism/yi-chu-rong-he-ji-zhi")),
                "溢出融合机制 came from the seed only: the news item's mention of 溢出融合 goes with it");
    }

    /** Loads the batches in order into a new store; its quads without the load records (which name times). */
    private Set<String> load(String name, List<Path> first, List<Path> second) throws Exception {
        Path storeDir = dir.resolve("store-" + name);
        try (KnowledgeStore store = KnowledgeStore.open(storeDir, OntologyFiles.bundled())) {
            SourceLoad load = new SourceLoad(LoadOptions.defaults(), new java.io.PrintWriter(java.io.Writer.nullWriter()));
            for (List<Path> batch : List.of(first, second)) if (!batch.isEmpty()) store.replace(load.read(batch));
            return Txn.calculateRead(store.datasetGraph(), () -> {
                Set<Node> records = new HashSet<>();
                store.datasetGraph().find(Node.ANY, Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), Vocab.nqpf("LoadActivity"))
                        .forEachRemaining(q -> records.add(q.getSubject()));
                Set<String> out = new HashSet<>();
                store.datasetGraph().find().forEachRemaining(q -> {
                    if (records.contains(q.getSubject()) || records.contains(q.getObject())) return;
                    if (!q.getGraph().getURI().startsWith(Vocab.GRAPH + "document/")) return;
                    out.add(str(q));
                });
                return out;
            });
        }
    }

    /** Equal sets, or a failure that shows a few quads each side has and the other lacks. */
    private static void assertSame(Set<String> expected, Set<String> actual) {
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new java.util.TreeSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), () -> "missing " + missing.size() + ": "
                + missing.stream().limit(8).toList() + "\nextra " + extra.size() + ": " + extra.stream().limit(8).toList());
    }

    private static String str(Quad q) {
        return "<" + q.getGraph().getURI() + "> " + q.getSubject() + " " + q.getPredicate() + " " + q.getObject();
    }

}
