package org.nqpfkg.server.api;

import java.util.List;

/**
 * Settings of the JSON facade.
 *
 * @param port        HTTP port (0 picks a free one)
 * @param corsOrigins origins allowed to read the API from a browser; "*" for any
 * @param cacheSize   rendered responses kept per store version; 0 turns the cache off
 */
public record FacadeSettings(int port, List<String> corsOrigins, int cacheSize) {
    public static FacadeSettings defaults() { return new FacadeSettings(8080, List.of("*"), 2000); }

    public FacadeSettings withPort(int p) { return new FacadeSettings(p, corsOrigins, cacheSize); }
    public FacadeSettings withCorsOrigins(List<String> origins) { return new FacadeSettings(port, origins, cacheSize); }
    public FacadeSettings withCacheSize(int size) { return new FacadeSettings(port, corsOrigins, size); }
}
