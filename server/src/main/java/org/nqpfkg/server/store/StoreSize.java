package org.nqpfkg.server.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How big the store is, counted once per store version and off the request path. Counting reads every
 * quad, so a health check that counted would cost as much as the corpus is large; instead a reader gets
 * the last count at once, and a stale one starts a recount on a background thread (one at a time).
 */
public final class StoreSize implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreSize.class);

    /** What one count found. */
    public record Counts(long quads, long documents) {}

    /** The counts as of store version {@code version} (the store may already be newer when it is read). */
    public record Snapshot(long version, long quads, long documents) {}

    private final LongSupplier version;
    private final Supplier<Counts> counter;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-size");
        t.setDaemon(true);  // a count in progress never keeps the JVM alive
        return t;
    });
    private final AtomicReference<Snapshot> last = new AtomicReference<>();
    /** True while a recount waits for the worker: further requests for one coalesce into it. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** The version the count in progress started at: readers of that version wait for it rather than ask again. */
    private volatile long counting = Long.MIN_VALUE;

    public StoreSize(LongSupplier version, Supplier<Counts> counter) {
        this.version = version;
        this.counter = counter;
    }

    /** The latest count, without waiting (null before the first one); if the store changed since, a recount starts in the background. */
    public Snapshot latest() {
        Snapshot s = last.get();
        long v = version.getAsLong();
        if ((s == null || s.version() < v) && counting < v) recountLater();
        return s;
    }

    /** Counts now, in the caller's thread: at start-up, before anyone asks. */
    public Snapshot count() { return countAt(version.getAsLong()); }

    // The version is read before counting, so a snapshot's data is never older than its version says;
    // a write that lands meanwhile bumps the version, and the next reader asks for another count.
    private Snapshot countAt(long v) {
        Counts c = counter.get();
        Snapshot fresh = new Snapshot(v, c.quads(), c.documents());
        return last.accumulateAndGet(fresh, (old, neu) -> old == null || neu.version() >= old.version() ? neu : old);
    }

    private void recountLater() {
        if (!queued.compareAndSet(false, true)) return;
        try {
            worker.execute(() -> {
                long v = version.getAsLong();
                counting = v;
                queued.set(false);  // a change from here on needs a count of its own
                try {
                    countAt(v);
                } catch (RuntimeException e) {
                    counting = Long.MIN_VALUE;  // the next reader tries again
                    LOG.warn("counting the store failed; the last count stays", e);
                }
            });
        } catch (RejectedExecutionException closing) {
            LOG.debug("store closing: no recount");
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            // A count in progress reads the store; let it end before the store is closed under it.
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("a store count was still running at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
