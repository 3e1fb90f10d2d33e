package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.bench.CorpusGenerator;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * A load killed halfway (a real separate process, killed as a crash or an impatient user would) and run again
 * ends with the store an uninterrupted load gives: the committed batches are skipped, the rest is loaded.
 */
class ResumeLoadTest {
    @TempDir Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aKilledLoadRunAgainGivesTheStoreOfAnUninterruptedLoad() throws Exception {
        Path folder = dir.resolve("corpus");
        CorpusGenerator.write(folder, 40, 17);
        Path store = dir.resolve("store");

        // The same classes as this test, in a JVM of their own that can be killed without a chance to clean up.
        Process load = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                "org.nqpfkg.server.cli.KgCommand", "load", "--store", store.toString(), "--batch", "5", folder.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        List<String> progress = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(load.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                progress.add(line);
                if (line.contains("batch 2 committed")) {
                    load.destroyForcibly();
                    break;
                }
            }
        } finally {
            load.destroyForcibly();
            load.waitFor();
        }
        assertTrue(progress.stream().anyMatch(l -> l.contains("batch 2 committed")), "the load got that far: " + progress);
        assertFalse(progress.stream().anyMatch(l -> l.startsWith("done:")), "killed before the end: " + progress);

        int stored = TestSupport.documentGraphs(store).size();
        assertTrue(stored >= 10 && stored < 40 && stored % 5 == 0, "whole batches only: " + stored);

        TestSupport.Run resumed = TestSupport.kg("load", "--store", store.toString(), "--batch", "5", folder.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("loaded " + (40 - stored) + " of 40 documents in " + (40 - stored) / 5
                + " batch(es); skipped " + stored + " stored unchanged"), resumed.out());

        Path fresh = dir.resolve("fresh");
        assertEquals(0, TestSupport.kg("load", "--store", fresh.toString(), folder.toString()).exit());
        TestSupport.assertSameQuads(TestSupport.quadsWithoutLoadRecords(fresh), TestSupport.quadsWithoutLoadRecords(store));
        // The full-text index, written beside TDB2 in the killed process too, is back in step.
        try (KnowledgeStore a = KnowledgeStore.open(fresh, OntologyFiles.bundled());
             KnowledgeStore b = KnowledgeStore.open(store, OntologyFiles.bundled())) {
            assertEquals(a.textIndex().size(), b.textIndex().size());
        }
        assertTrue(Files.size(dir.resolve("out.txt")) > 0, "the killed load printed what it committed");
    }
}
