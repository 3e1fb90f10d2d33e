package org.nqpfkg.server.api;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rendered responses keyed by request, valid for one version of the store: repeated dashboard reads
 * are answered without running SPARQL again; any load or update changes the version and empties it.
 *
 * <p>Bounded in bytes, not entries: one page can weigh a hundred bytes or megabytes, so only a byte
 * budget bounds the heap. The least recently used entries go first. Concurrent requests for the same
 * missing key share one rendering, so a burst of identical requests holds one body, not one per request.
 */
public final class ResponseCache {
    /** A response as sent: status, content type, body, and its strong ETag. */
    public record Entry(int status, String contentType, byte[] body, String etag) {}

    /**
     * What an entry costs beyond its body and strings: the record, the array and string headers, the map node.
     * A generous round figure: overcounting only makes the cache hold a little less than it could.
     */
    static final int ENTRY_OVERHEAD = 256;
    /** An entry above this share of the budget is never cached: one answer must not push out the many a dashboard repeats. */
    static final int LARGEST_SHARE = 8;

    private final long budget;
    private final LongSupplier version;
    private final RenderLimit renders;
    /** In access order, so iteration starts at the least recently used. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, CompletableFuture<Entry>> rendering = new HashMap<>();
    private long cachedVersion = Long.MIN_VALUE;
    private long bytes;

    /**
     * @param budget  bytes the entries may weigh together (see {@link #weight}); 0 or less turns the cache off
     * @param version the store version; a new one empties the cache
     * @param renders how many responses may be rendered at once, cached or not
     */
    public ResponseCache(long budget, LongSupplier version, RenderLimit renders) {
        this.budget = Math.max(0, budget);
        this.version = version;
        this.renders = renders;
    }

    /** The cached entry for {@code key}, or the one {@code render} makes (null for "no such thing"; cached only when 200 and small enough). */
    public Entry get(String key, Supplier<Entry> render) {
        if (budget == 0) return renders.run(render);  // disabled: every request renders (the benchmark's baseline)
        long v = version.getAsLong();
        CompletableFuture<Entry> mine = null;
        CompletableFuture<Entry> theirs;
        synchronized (this) {
            if (v > cachedVersion) {
                entries.clear();
                rendering.clear();  // renders of the old version finish for their own requests but are not shared or kept
                bytes = 0;
                cachedVersion = v;
            }
            // A request that read the version just before a load bumped it renders on its own: it must not
            // empty the newer cache, nor be shared with requests that expect the newer store.
            if (v < cachedVersion) return renders.run(render);
            Entry hit = entries.get(key);
            if (hit != null) return hit;
            theirs = rendering.get(key);
            if (theirs == null) rendering.put(key, mine = new CompletableFuture<>());
        }
        return theirs != null ? await(theirs) : renderAndKeep(key, v, render, mine);
    }

    private Entry renderAndKeep(String key, long v, Supplier<Entry> render, CompletableFuture<Entry> mine) {
        Entry fresh;
        try {
            fresh = renders.run(render);
        } catch (Throwable t) {
            synchronized (this) { rendering.remove(key, mine); }
            mine.completeExceptionally(t);
            throw t;
        }
        synchronized (this) {
            rendering.remove(key, mine);
            if (fresh != null && fresh.status() == 200 && v == cachedVersion) keep(key, fresh);
        }
        mine.complete(fresh);
        return fresh;
    }

    /** The result of another request's rendering of the same key, or the same error it met (a 400 for one is a 400 for all). */
    private static Entry await(CompletableFuture<Entry> theirs) {
        try {
            return theirs.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void keep(String key, Entry e) {
        long w = weight(key, e);
        if (w > budget / LARGEST_SHARE) return;
        Entry old = entries.put(key, e);
        if (old != null) bytes -= weight(key, old);
        bytes += w;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > budget && eldest.hasNext()) {
            Map.Entry<String, Entry> victim = eldest.next();
            bytes -= weight(victim.getKey(), victim.getValue());
            eldest.remove();
        }
    }

    /** Heap an entry holds: its body, its strings (two bytes a char at worst) and {@link #ENTRY_OVERHEAD}. */
    static long weight(String key, Entry e) {
        return e.body().length + 2L * (key.length() + e.contentType().length() + e.etag().length()) + ENTRY_OVERHEAD;
    }

    /** Bytes the cached entries weigh now; never more than {@link #budget()}. */
    public synchronized long bytes() { return bytes; }

    public synchronized int entries() { return entries.size(); }

    public long budget() { return budget; }
}
