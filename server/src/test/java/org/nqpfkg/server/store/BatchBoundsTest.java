package org.nqpfkg.server.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.TestSupport;
import org.nqpfkg.server.bench.CorpusGenerator;

/** A batch ends at --batch documents or at its byte bound, whichever comes first; the stored graph is the same. */
class BatchBoundsTest {
    @TempDir Path dir;

    @Test
    void theByteBoundIsAThousandthOfTheHeapAndAtLeastOneMegabyte() {
        assertEquals(2L << 20, BatchedLoad.byteBoundFor(2L << 30));
        assertEquals(1L << 20, BatchedLoad.byteBoundFor(64L << 20));
    }

    @Test
    void batchesEndAtTheByteBoundAndStoreWhatOneBatchStores() throws Exception {
        Path folder = dir.resolve("corpus");
        CorpusGenerator.write(folder, 5, 11);
        BatchedLoad.Result oneByte = load("small", 1000, 1);
        assertEquals(5, oneByte.batches(), "each file is over the bound alone: a batch of its own");
        assertEquals(5, oneByte.loaded());
        BatchedLoad.Result byCount = load("count", 2, Long.MAX_VALUE);
        assertEquals(3, byCount.batches());
        BatchedLoad.Result whole = load("whole", 1000, Long.MAX_VALUE);
        assertEquals(1, whole.batches());
        TestSupport.assertSameQuads(TestSupport.quadsWithoutLoadRecords(dir.resolve("whole")), TestSupport.quadsWithoutLoadRecords(dir.resolve("small")));
    }

    private BatchedLoad.Result load(String store, int batch, long maxBytes) throws Exception {
        SourceLoad load = new SourceLoad(LoadOptions.defaults(), new PrintWriter(new StringWriter()));
        try (KnowledgeStore ks = KnowledgeStore.open(dir.resolve(store), OntologyFiles.bundled())) {
            PrintWriter quiet = new PrintWriter(new StringWriter());
            return new BatchedLoad(load, () -> ks, false, batch, quiet, quiet).maxBatchBytes(maxBytes).run(List.of(dir.resolve("corpus")));
        }
    }
}
