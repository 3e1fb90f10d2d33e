package org.nqpfkg.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rendered responses keyed by request, valid for one version of the store: repeated dashboard reads
 * are answered without running SPARQL again; any load or update changes the version and empties it.
 */
public final class ResponseCache {
    /** A response as sent: status, content type, body, and its strong ETag. */
    public record Entry(int status, String contentType, byte[] body, String etag) {}

    private final int capacity;
    private final LongSupplier version;
    private long cachedVersion = Long.MIN_VALUE;
    private final Map<String, Entry> entries;

    public ResponseCache(int capacity, LongSupplier version) {
        this.capacity = capacity;
        this.version = version;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) { return size() > ResponseCache.this.capacity; }
        };
    }

    /** The cached entry for {@code key}, or the one {@code render} makes (cached only when cacheable and enabled). */
    public Entry get(String key, Supplier<Entry> render) {
        if (capacity <= 0) return render.get();  // disabled: every request renders (the benchmark's baseline)
        long v = version.getAsLong();
        synchronized (this) {
            if (v != cachedVersion) {
                entries.clear();
                cachedVersion = v;
            }
            Entry hit = entries.get(key);
            if (hit != null) return hit;
        }
        Entry fresh = render.get();
        if (fresh == null) return null;
        synchronized (this) {
            if (fresh.status() == 200 && v == cachedVersion) entries.put(key, fresh);
        }
        return fresh;
    }
}
