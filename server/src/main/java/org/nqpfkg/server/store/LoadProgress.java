package org.nqpfkg.server.store;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far a load of many files is, on stderr: documents done (committed or skipped) of all, documents loaded per
 * second and the time left. One plain line per update, so that a log or a CI console stays readable: a line for
 * each committed batch, and at most one a second in between while a batch is read or stored documents are
 * skipped. A load of one file says nothing.
 */
final class LoadProgress {
    private static final long SECOND = 1_000_000_000L;

    private final PrintWriter err;
    private final int total;
    private final LongSupplier clock;
    private final long started;
    /** When the first batch began: the rate counts the time spent loading, not the time spent skipping before. */
    private long loadingSince = -1;
    private long lastLine;
    private int loaded;
    private int skipped;
    private int batch;
    private int batchSize;
    private int readInBatch;

    LoadProgress(PrintWriter err, int total) { this(err, total, System::nanoTime); }

    LoadProgress(PrintWriter err, int total, LongSupplier clock) {
        this.err = err;
        this.total = total;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastLine = started;
    }

    synchronized void skipped() {
        skipped++;
        if (due()) line("skipping documents stored unchanged (" + skipped + " so far)");
    }

    synchronized void batchStarted(int number, int size) {
        if (loadingSince < 0) loadingSince = clock.getAsLong();
        batch = number;
        batchSize = size;
        readInBatch = 0;
    }

    /** A document of the current batch was read; called from the threads that read them. */
    synchronized void read() {
        readInBatch++;
        if (due()) line("batch " + batch + ": " + readInBatch + " of " + batchSize + " read");
    }

    /** Batch {@code number} was committed; the batch being read ({@link #batchStarted}) may already be the next one. */
    synchronized void committed(int number, int documents) {
        loaded += documents;
        line("batch " + number + " committed (" + documents + " documents)  " + rate() + "  ETA " + eta());
    }

    synchronized void finished() {
        if (total <= 1) return;
        double seconds = (clock.getAsLong() - started) / (double) SECOND;
        err.printf(Locale.ROOT, "done: %d loaded, %d skipped as stored unchanged, in %.1f s%n", loaded, skipped, seconds);
        err.flush();
    }

    private boolean due() { return clock.getAsLong() - lastLine >= SECOND; }

    private void line(String what) {
        lastLine = clock.getAsLong();
        if (total <= 1) return;
        int done = loaded + skipped;
        err.printf(Locale.ROOT, "[%d/%d] %d%%  %s%n", done, total, 100L * done / total, what);
        err.flush();
    }

    private double perSecond() {
        double seconds = loadingSince < 0 ? 0 : (clock.getAsLong() - loadingSince) / (double) SECOND;
        return seconds <= 0 ? 0 : loaded / seconds;
    }

    private String rate() { return String.format(Locale.ROOT, "%.1f documents/s", perSecond()); }

    /** The documents not yet done, at the rate so far; some of them may still turn out to be skipped. */
    private String eta() {
        int left = total - loaded - skipped;
        if (left == 0) return "0s";
        double rate = perSecond();
        return rate <= 0 ? "unknown" : duration(Math.round(left / rate));
    }

    static String duration(long seconds) {
        if (seconds < 60) return seconds + "s";
        if (seconds < 3600) return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
