package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.StoreSize;

/**
 * GET /api/health: answers at once, whatever the corpus size. The counts are the last ones taken
 * ({@code countedVersion} says of which store version); a stale count is redone in the background.
 */
final class Health {
    private final KnowledgeStore store;
    private final ResponseCache cache;

    Health(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    void get(Context ctx) {
        long version = store.version();
        StoreSize.Snapshot size = store.size().latest();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", version);
        body.put("triples", size == null ? null : size.quads());
        body.put("documents", size == null ? null : size.documents());
        body.put("countedVersion", size == null ? null : size.version());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("entries", cache.entries());
        c.put("bytes", cache.bytes());
        c.put("limit", cache.budget());
        body.put("cache", c);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(Json.write(body));
    }
}
