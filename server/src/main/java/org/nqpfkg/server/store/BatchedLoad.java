package org.nqpfkg.server.store;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.Sources;

/**
 * A load of any number of files in batches: each batch is read, linked, validated and committed in one
 * transaction before the next one is read, so memory holds one batch of documents, never the corpus. A batch is
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

    private final SourceLoad load;
    private final Supplier<KnowledgeStore> store;
    private final boolean storeExists;
    private final int batchSize;
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
        List<Path> batch = new ArrayList<>();
        int loaded = 0;
        int skipped = 0;
        int batches = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (unchanged != null && !named.get(i) && unchanged.test(file)) {
                skipped++;
                progress.skipped();
                continue;
            }
            batch.add(file);
            if (batch.size() == batchSize) {
                loaded += commit(batch, ++batches, owners, progress, loaded);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) loaded += commit(batch, ++batches, owners, progress, loaded);
        progress.finished();
        return new Result(files.size(), loaded, skipped, batches);
    }

    private int commit(List<Path> batch, int number, GraphOwners owners, LoadProgress progress, int loadedBefore) throws LoadException {
        progress.batchStarted(number, batch.size());
        try {
            List<LoadUnit> units = load.read(batch, owners, file -> progress.read());
            beforeCommit.accept(units);
            if (mayReplace) store.get().replace(units);
            else store.get().add(units);
            progress.committed(units.size());
            load.printSummary(units, out);
            out.flush();
            return units.size();
        } catch (LoadException e) {
            if (loadedBefore == 0) throw e;
            throw new Stopped(e, loadedBefore);
        }
    }
}
