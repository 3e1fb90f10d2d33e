package org.nqpfkg.server.api;

import org.nqpfkg.server.doors.DoorSettings;
import java.util.List;

/**
 * Settings of the JSON facade.
 *
 * @param port        HTTP port (0 picks a free one)
 * @param corsOrigins origins allowed to read the API from a browser; "*" for any
 * @param cacheBytes  heap the response cache may fill per store version (bodies, keys and a fixed overhead per entry); 0 turns the cache off
 * @param renderLimit responses rendered at once; further requests that miss the cache wait their turn
 * @param doors       the interface to bind, the per-client rate, the password throttle (shared with the SPARQL port)
 * @param adminPassword the admin's password for adding documents (the SPARQL port's); null: the facade takes no writes
 */
public record FacadeSettings(int port, List<String> corsOrigins, long cacheBytes, int renderLimit, DoorSettings doors,
                             String adminPassword) {
    public FacadeSettings {
        if (cacheBytes < 0) throw new IllegalArgumentException("the cache size in bytes must be 0 or more, was " + cacheBytes);
        if (renderLimit < 1) throw new IllegalArgumentException("the render limit must be at least 1, was " + renderLimit);
    }

    public static FacadeSettings defaults() {
        return new FacadeSettings(8080, List.of("*"), defaultCacheBytes(), defaultRenderLimit(), DoorSettings.defaults(), null);
    }

    /**
     * 64 MiB: 1/32 of the 2 GiB heap {@code ./kg} gives the JVM, so TDB2, Lucene and rendering keep the rest; thousands
     * of typical pages (a few to a few hundred KB each) fit. In a heap under 1 GiB, 1/16 of it.
     */
    public static long defaultCacheBytes() { return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16); }

    /** Twice the cores (at least 4): rendering is mostly CPU, and a few slow named queries must not stall every list. */
    public static int defaultRenderLimit() { return Math.max(4, 2 * Runtime.getRuntime().availableProcessors()); }

    public FacadeSettings withPort(int p) { return new FacadeSettings(p, corsOrigins, cacheBytes, renderLimit, doors, adminPassword); }
    public FacadeSettings withCorsOrigins(List<String> origins) { return new FacadeSettings(port, origins, cacheBytes, renderLimit, doors, adminPassword); }
    public FacadeSettings withCacheBytes(long bytes) { return new FacadeSettings(port, corsOrigins, bytes, renderLimit, doors, adminPassword); }
    public FacadeSettings withRenderLimit(int limit) { return new FacadeSettings(port, corsOrigins, cacheBytes, limit, doors, adminPassword); }
    public FacadeSettings withDoors(DoorSettings d) { return new FacadeSettings(port, corsOrigins, cacheBytes, renderLimit, d, adminPassword); }
    public FacadeSettings withAdminPassword(String password) { return new FacadeSettings(port, corsOrigins, cacheBytes, renderLimit, doors, password); }
}
