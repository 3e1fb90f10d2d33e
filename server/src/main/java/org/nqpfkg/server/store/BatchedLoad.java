package org.nqpfkg.server.store;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.Sources;

/**
 * A load of any number of files in batches: each batch is read, then linked, validated and committed in one
 * transaction while the next one is read, so memory holds two batches of documents, never the corpus. A batch is
 * all or nothing, like a load of one batch: the first file of a batch that cannot be read or validated stops
 * the load there, and the store keeps every batch committed before it. A load that fits in one batch is
 * therefore the same all-or-nothing load it always was. A file whose document the store holds is replaced only
 * if the load says so ({@link #mayReplace}); otherwise it stops the load like a file that cannot be read.
 *
 * <p>Files found in a folder whose document is stored unchanged (see {@link StoredUnchanged}) are skipped, so a
 * load that was interrupted, or stopped by a bad file, goes on where it stopped when run again. A file the user
 * names is always loaded: with {@link #mayReplace}, that is how to reload a document whose sidecar, or the
 * vocabulary, changed.
 */
public final class BatchedLoad {
    /** What a load did. */
    public record Result(int files, int loaded, int skipped, int batches) {}

    /** The load stopped in a later batch: the batches before it are in the store. */
    public static final class Stopped extends LoadException {
        private final int loadedBefore;

        Stopped(LoadException cause, int loadedBefore) {
            super(cause.getMessage(), cause);
            this.loadedBefore = loadedBefore;
        }

        /** Documents committed by the batches before the one that failed. */
        public int loadedBefore() { return loadedBefore; }
    }

    /** Documents per batch unless the load says otherwise (kg load --batch). */
    public static final int DEFAULT_BATCH = 1000;

    private final SourceLoad load;
    private final Supplier<KnowledgeStore> store;
    private final boolean storeExists;
    private int batchSize;
    /**
     * A batch also ends before its files pass this many bytes, so that the two batches in memory fit the heap
     * whatever the documents' sizes: a document's graphs take about a hundred times its size in heap.
     */
    private long maxBatchBytes = byteBoundFor(Runtime.getRuntime().maxMemory());
    private final PrintWriter out;
    private final PrintWriter err;
    private Consumer<List<LoadUnit>> beforeCommit = units -> {};
    private boolean mayReplace;

    /**
     * @param store       opened when first needed: to look for stored documents if {@code storeExists}, else
     *                    only to commit the first batch once it is read
     * @param storeExists whether the store is there before the load; if not, nothing in it can be stored already
     * @param out         where each committed document's summary goes
     * @param err         where progress goes
     */
    public BatchedLoad(SourceLoad load, Supplier<KnowledgeStore> store, boolean storeExists, int batchSize, PrintWriter out, PrintWriter err) {
        if (batchSize < 1) throw new IllegalArgumentException("a batch holds at least one document");
        this.load = load;
        this.store = store;
        this.storeExists = storeExists;
        this.batchSize = batchSize;
        this.out = out;
        this.err = err;
    }

    /** Something to do with each batch once it is read, before it is committed (kg load --report). */
    public BatchedLoad beforeCommit(Consumer<List<LoadUnit>> action) {
        this.beforeCommit = action;
        return this;
    }

    /** The byte bound of a batch for a heap of {@code maxHeap} bytes: a thousandth of it, at least 1 MB. */
    static long byteBoundFor(long maxHeap) {
        return Math.max(1L << 20, maxHeap / 1024);
    }

    /** Reads and commits the whole load as one batch, whatever its size (kg load --report ranks terms across it). */
    public BatchedLoad inOneBatch() {
        this.batchSize = Integer.MAX_VALUE;
        this.maxBatchBytes = Long.MAX_VALUE;
        return this;
    }

    /** Ends a batch before its files pass {@code bytes} (instead of the heap's thousandth). */
    BatchedLoad maxBatchBytes(long bytes) {
        this.maxBatchBytes = bytes;
        return this;
    }

    /** Lets the load replace documents the store holds (kg load --replace); without it, one that would is an error. */
    public BatchedLoad mayReplace(boolean replace) {
        this.mayReplace = replace;
        return this;
    }

    public Result run(List<Path> paths) throws LoadException {
        List<Path> files = new ArrayList<>();
        List<Boolean> named = new ArrayList<>();
        // Names only: no file is read before its batch (the skip check below hashes each as it comes up).
        for (Path p : paths)
            for (Path f : Sources.collect(List.of(p))) {
                files.add(f);
                named.add(!Files.isDirectory(p));
            }
        if (files.isEmpty()) throw new LoadException("no loadable files in " + paths);
        GraphOwners owners = new GraphOwners();
        owners.claimNames(files, load.options());

        StoredUnchanged unchanged = storeExists && named.contains(false) ? new StoredUnchanged(store.get(), load.options()) : null;
        // Started once the store is open: opening it is no part of the rate.
        LoadProgress progress = new LoadProgress(err, files.size());
        List<List<Path>> batches = new ArrayList<>();
        List<Path> batch = new ArrayList<>();
        long batchBytes = 0;
        int skipped = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (unchanged != null && !named.get(i) && unchanged.test(file)) {
                skipped++;
                progress.skipped();
                continue;
            }
            long bytes = sizeOf(file);
            if (!batch.isEmpty() && (batch.size() == batchSize || batchBytes + bytes > maxBatchBytes)) {
                batches.add(batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(file);
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) batches.add(batch);
        int loaded = 0;
        // The next batch is read while this one is written: reading and extracting take the other core, and the
        // single TDB2 writer no longer waits for them. Memory holds two batches at most.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kg-load-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<LoadUnit>> next = batches.isEmpty() ? null : readAhead(reader, batches.get(0), 1, owners, progress);
            for (int b = 0; b < batches.size(); b++) {
                List<LoadUnit> units = take(next, loaded);
                next = b + 1 < batches.size() ? readAhead(reader, batches.get(b + 1), b + 2, owners, progress) : null;
                loaded += commit(units, b + 1, loaded, progress);
            }
        } finally {
            reader.shutdownNow();
        }
        progress.finished();
        return new Result(files.size(), loaded, skipped, batches.size());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;   // reading it will say what is wrong with it, naming it
        }
    }

    private Future<List<LoadUnit>> readAhead(ExecutorService reader, List<Path> batch, int number, GraphOwners owners, LoadProgress progress) {
        return reader.submit(() -> {
            progress.batchStarted(number, batch.size());
            return load.read(batch, owners, file -> progress.read());
        });
    }

    /** The batch read ahead, or the reason it could not be read, as if it had been read here. */
    private static List<LoadUnit> take(Future<List<LoadUnit>> batch, int loadedBefore) throws LoadException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("the load was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LoadException le) throw loadedBefore == 0 ? le : new Stopped(le, loadedBefore);
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    private int commit(List<LoadUnit> units, int number, int loadedBefore, LoadProgress progress) throws LoadException {
        try {
            beforeCommit.accept(units);
            if (mayReplace) store.get().replace(units);
            else store.get().add(units);
            progress.committed(number, units.size());
            load.printSummary(units, out);
            out.flush();
            return units.size();
        } catch (LoadException e) {
            if (loadedBefore == 0) throw e;
            throw new Stopped(e, loadedBefore);
        }
    }
}
