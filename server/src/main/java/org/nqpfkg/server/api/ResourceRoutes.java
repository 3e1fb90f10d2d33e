package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nqpfkg.server.store.KnowledgeStore;

/** GET /api/{kind} and GET /api/{kind}/{id}: the paper's structure as JSON items (or JSON-LD for one item). */
final class ResourceRoutes {
    private static final Set<String> HORIZONS = Set.of("short", "medium", "long");
    private static final Set<String> LEVELS = Set.of("employee", "enterprise", "industry");

    private final KnowledgeStore store;
    private final Items items;
    private final ResponseCache cache;

    ResourceRoutes(KnowledgeStore store, ResponseCache cache, ItemModel model) {
        this.store = store;
        this.items = new Items(store.datasetGraph(), model);
        this.cache = cache;
    }

    void list(Context ctx) {
        Kind kind = kind(ctx);
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : List.of("level", "horizon", "document")) {
            String v = Params.slug(ctx, f);
            if (v == null) continue;
            if (!kind.filters.contains(f)) throw Problem.badRequest("filter " + f + " does not apply to " + kind.path
                    + (kind.filters.isEmpty() ? "" : "; it takes " + String.join(", ", kind.filters)));
            if (f.equals("level") && !LEVELS.contains(v)) throw Problem.badRequest("level must be one of " + LEVELS + ", not " + v);
            if (f.equals("horizon") && !HORIZONS.contains(v)) throw Problem.badRequest("horizon must be one of " + HORIZONS + ", not " + v);
            filters.put(f, v);
        }
        String key = "list " + kind.path + " " + filters + " " + limit + " " + offset;
        Responses.send(ctx, cache.get(key, () -> Responses.json(items.list(kind, filters, limit, offset))));
    }

    void one(Context ctx) {
        Kind kind = kind(ctx);
        String id = Params.slug("id", ctx.pathParam("id"));
        boolean jsonLd = String.valueOf(ctx.header("Accept")).contains("application/ld+json");
        String key = "item " + kind.path + " " + id + (jsonLd ? " ld" : "");
        ResponseCache.Entry e = cache.get(key, () -> {
            Map<String, Object> item = items.get(kind, id);
            if (item == null) return null;
            return jsonLd ? Describe.render(Describe.graph(store.datasetGraph(), kind.iri(id)), org.nqpfkg.server.lod.RdfMedia.JSONLD, kind.iri(id)) : Responses.json(item);
        });
        if (e == null) throw Problem.notFound("no " + kind.segment + " with id " + id);
        Responses.send(ctx, e);
    }

    static Kind kind(Context ctx) {
        return Kind.of(ctx.pathParam("kind")).orElseThrow(() -> Problem.notFound("no resource list at /api/" + Params.abbreviate(ctx.pathParam("kind"))
                + "; lists are " + List.of(Kind.values()).stream().map(k -> k.path).toList()));
    }
}
