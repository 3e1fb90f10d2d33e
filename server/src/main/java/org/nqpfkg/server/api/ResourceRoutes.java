package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;

/** GET /api/{kind} and GET /api/{kind}/{id}: the paper's structure as JSON items (or JSON-LD for one item). */
final class ResourceRoutes {
    private static final Set<String> HORIZONS = Set.of("short", "medium", "long");
    private static final Set<String> LEVELS = Set.of("employee", "enterprise", "industry");

    private final KnowledgeStore store;
    private final Items items;
    private final ResponseCache cache;

    ResourceRoutes(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.items = new Items(store.datasetGraph());
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
            return jsonLd ? Responses.entry(200, "application/ld+json", jsonLd(kind.iri(id))) : Responses.json(item);
        });
        if (e == null) throw Problem.notFound("no " + kind.segment + " with id " + id);
        Responses.send(ctx, e);
    }

    private static Kind kind(Context ctx) {
        return Kind.of(ctx.pathParam("kind")).orElseThrow(() -> Problem.notFound("no resource list at /api/" + Params.abbreviate(ctx.pathParam("kind"))
                + "; lists are " + List.of(Kind.values()).stream().map(k -> k.path).toList()));
    }

    /** The item's own triples (its document's full text left out), as JSON-LD. */
    private byte[] jsonLd(String iri) {
        Graph g = Txn.calculateRead(store.datasetGraph(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.datasetGraph()).query(Vocab.PREFIXES
                    + "CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o FILTER(?p != nif:isString) }")
                    .substitution("x", Vocab.iri(iri)).build()) {
                return qe.construct();
            }
        });
        g.getPrefixMapping().setNsPrefix("nqpf", Vocab.NQPF).setNsPrefix("nif", Vocab.NIF).setNsPrefix("skos", Vocab.SKOS)
                .setNsPrefix("rdfs", Vocab.RDFS).setNsPrefix("prov", Vocab.PROV).setNsPrefix("dcterms", Vocab.DCT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(RDFFormat.JSONLD11_PRETTY).output(out);
        return out.toByteArray();
    }
}
