package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.bench.CorpusGenerator;

/** kg load of folders in batches, against real TDB2 stores: same result whatever the batch size, skips, stops. */
class BatchedLoadTest {
    @TempDir Path dir;

    Path corpus(String name, int documents) throws Exception {
        Path folder = dir.resolve(name);
        CorpusGenerator.write(folder, documents, 5);
        return folder;
    }

    String store(String name) { return dir.resolve(name).toString(); }

    static String graph(int document) { return Vocab.GRAPH + String.format("document/doc-%05d", document); }

    @Test
    void theBatchSizeDoesNotChangeWhatIsStored() throws Exception {
        Path folder = corpus("corpus", 10);
        TestSupport.Run small = TestSupport.kg("load", "--store", store("small"), "--batch", "3", folder.toString());
        assertEquals(0, small.exit(), small.err());
        assertTrue(small.err().contains("[10/10] 100%  batch 4 committed (1 documents)"), small.err());
        assertTrue(small.out().contains("loaded 10 of 10 documents in 4 batch(es); skipped 0"), small.out());
        TestSupport.Run whole = TestSupport.kg("load", "--store", store("whole"), "--batch", "1000", folder.toString());
        assertEquals(0, whole.exit(), whole.err());
        assertTrue(whole.out().contains("in 1 batch(es)"), whole.out());
        // Later batches bring concepts (companies, sectors) that earlier ones mention: relinking stored documents
        // must give the mentions one transaction gives.
        TestSupport.assertSameQuads(TestSupport.quadsWithoutLoadRecords(Path.of(store("whole"))), TestSupport.quadsWithoutLoadRecords(Path.of(store("small"))));
    }

    @Test
    void aFolderLoadedAgainIsSkippedAndTheStoreIsUnchanged() throws Exception {
        Path folder = corpus("corpus", 6);
        assertEquals(0, TestSupport.kg("load", "--store", store("store"), "--batch", "4", folder.toString()).exit());
        List<String> once = TestSupport.quads(Path.of(store("store")));
        TestSupport.Run again = TestSupport.kg("load", "--store", store("store"), "--batch", "4", folder.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("loaded 0 of 6 documents in 0 batch(es); skipped 6 stored unchanged"), again.out());
        assertFalse(again.out().contains("loaded doc-"), again.out());
        assertEquals(once, TestSupport.quads(Path.of(store("store"))), "nothing was written, not even a load record");
    }

    @Test
    void aChangedFileIsLoadedAgainAndANamedFileAlways() throws Exception {
        Path folder = corpus("corpus", 6);
        assertEquals(0, TestSupport.kg("load", "--store", store("store"), folder.toString()).exit());
        Path changed = folder.resolve("doc-00002.txt");
        Files.writeString(changed, Files.readString(changed) + "\n新增的一段话,说明人工智能在港口的应用。\n", StandardCharsets.UTF_8);
        // A changed file replaces its stored document: only when asked.
        TestSupport.Run refused = TestSupport.kg("load", "--store", store("store"), folder.toString());
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.err().contains("doc-00002.txt") && refused.err().contains("--replace"), refused.err());
        TestSupport.Run run = TestSupport.kg("load", "--store", store("store"), "--replace", folder.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("loaded doc-00002.txt"), run.out());
        assertTrue(run.out().contains("loaded 1 of 6 documents in 1 batch(es); skipped 5"), run.out());

        // Named on the command line, an unchanged file is loaded all the same (its sidecar may have changed).
        TestSupport.Run named = TestSupport.kg("load", "--store", store("store"), "--replace", folder.resolve("doc-00003.txt").toString());
        assertEquals(0, named.exit(), named.err());
        assertTrue(named.out().startsWith("loaded doc-00003.txt"), named.out());
        assertFalse(named.out().contains("skipped"), "a one-file load says what it always said: " + named.out());
        assertEquals("", named.err(), "no progress for one file");
    }

    @Test
    void aFileThatCannotBeReadStopsTheLoadAtItsBatchAndARunAfterTheFixGoesOn() throws Exception {
        Path folder = corpus("corpus", 8);
        // Sorted between doc-00003 and doc-00004: the second document of the second batch of three.
        Path bad = Files.write(folder.resolve("doc-00003-late.txt"), new byte[0]);
        TestSupport.Run run = TestSupport.kg("load", "--store", store("store"), "--batch", "3", folder.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("doc-00003-late.txt") && run.err().contains("empty"), run.err());
        assertTrue(run.err().contains("the store keeps the 3 documents of the batches before it"), run.err());
        assertFalse(run.err().contains("nothing was loaded"), run.err());
        assertEquals(List.of(graph(0), graph(1), graph(2)), TestSupport.documentGraphs(Path.of(store("store"))),
                "the first batch stays; no document of the failed batch is in");

        Files.writeString(bad, "一、引言\n人工智能促进新质生产力涌现,推动产业链升级。\n", StandardCharsets.UTF_8);
        TestSupport.Run again = TestSupport.kg("load", "--store", store("store"), "--batch", "3", folder.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("loaded 6 of 9 documents in 2 batch(es); skipped 3"), again.out());
        assertEquals(0, TestSupport.kg("load", "--store", store("fresh"), folder.toString()).exit());
        TestSupport.assertSameQuads(TestSupport.quadsWithoutLoadRecords(Path.of(store("fresh"))), TestSupport.quadsWithoutLoadRecords(Path.of(store("store"))));
    }

    @Test
    void aDocumentThatFailsValidationStopsTheLoadAtItsBatch() throws Exception {
        Path folder = corpus("corpus", 7);
        Files.writeString(folder.resolve("doc-00004-bad.ttl"), """
                @prefix nqpf: <https://w3id.org/nqpf-kg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/nqpf-kg/id/mechanism/x> a nqpf:Mechanism ; rdfs:label "x"@en .
                """);
        TestSupport.Run run = TestSupport.kg("load", "--store", store("store"), "--batch", "2", folder.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("doc-00004-bad.ttl: fails SHACL validation"), run.err());
        assertTrue(run.err().contains("the store keeps the 4 documents"), run.err());
        assertEquals(IntStream.range(0, 4).mapToObj(BatchedLoadTest::graph).toList(), TestSupport.documentGraphs(Path.of(store("store"))));
    }

    @Test
    void aLoadThatFitsInOneBatchIsAllOrNothing() throws Exception {
        Path folder = corpus("corpus", 4);
        Files.write(folder.resolve("doc-00002-empty.txt"), new byte[0]);
        TestSupport.Run run = TestSupport.kg("load", "--store", store("store"), "--batch", "5", folder.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("doc-00002-empty.txt") && run.err().contains("nothing was loaded; the store is unchanged."), run.err());
        assertFalse(Files.exists(Path.of(store("store"))), "a failed load creates no store where there was none");
    }

    @Test
    void theBatchSizeMustBePositive() throws Exception {
        TestSupport.Run run = TestSupport.kg("load", "--store", store("store"), "--batch", "0", corpus("corpus", 1).toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--batch"), run.err());
    }
}
