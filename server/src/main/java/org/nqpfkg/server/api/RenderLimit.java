package org.nqpfkg.server.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many responses are rendered at once. A rendering holds its whole body, and the rows it is
 * built from, until it is sent; without a bound, as many large pages as the server has threads could be
 * in memory together. Past the bound, a request waits its turn, then gets a 503 rather than waiting forever.
 */
public final class RenderLimit {
    /** As long as a named query may run: a request queued behind slow ones still gets its turn. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Semaphore permits;
    private final int limit;
    private final Duration wait;

    public RenderLimit(int limit) { this(limit, WAIT); }

    RenderLimit(int limit, Duration wait) {
        if (limit < 1) throw new IllegalArgumentException("the render limit must be at least 1, was " + limit);
        this.limit = limit;
        this.permits = new Semaphore(limit, true);  // fair: first come, first rendered
        this.wait = wait;
    }

    public <T> T run(Supplier<T> render) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) throw new Problem(503, "Busy", "the server is rendering " + limit + " responses at once and this one waited "
                + wait.toSeconds() + " s for its turn; try again shortly");
        try {
            return render.get();
        } finally {
            permits.release();
        }
    }

    public int limit() { return limit; }
}
