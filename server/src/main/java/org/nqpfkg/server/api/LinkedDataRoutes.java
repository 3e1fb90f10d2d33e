package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * Dereferenceable IRIs: GET /id/{kind}/{id}… answers RDF (Turtle, JSON-LD, N-Triples or RDF/XML by Accept; 406 for any
 * other type) about the resource; a browser (Accept text/html) is sent (303) to the resource's page, and a JSON client
 * asking for a listed kind to its facade item.
 */
final class LinkedDataRoutes {
    private final KnowledgeStore store;
    private final ResponseCache cache;

    LinkedDataRoutes(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    void resolve(Context ctx) {
        String rest = ctx.pathParam("rest");
        if (!rest.matches("[a-z0-9-]+(/[a-z0-9-]+){1,4}")) throw Problem.notFound("no resource at /id/" + Params.abbreviate(rest));
        String[] parts = rest.split("/");
        String accept = String.valueOf(ctx.header("Accept"));
        Optional<Kind> kind = Arrays.stream(Kind.values()).filter(k -> k.segment.equals(parts[0])).findFirst();
        if (accept.contains("text/html")) {
            ctx.status(303).header("Location", "/page/" + rest);
            return;
        }
        boolean wantsJson = accept.contains("application/json") && !accept.contains("ld+json");
        if (wantsJson && kind.isPresent() && parts.length == 2) {
            ctx.status(303).header("Location", "/api/" + kind.get().path + "/" + parts[1]);
            return;
        }
        org.nqpfkg.server.lod.RdfMedia media = Negotiation.choose(ctx, org.nqpfkg.server.lod.RdfMedia.ALL);
        ResponseCache.Entry e = cache.get("describe " + rest + " " + media, () -> {
            Graph g = Describe.graph(store.datasetGraph(), Vocab.ID + rest);
            return g.isEmpty() ? null : Describe.render(g, media, Vocab.ID + rest);
        });
        if (e == null) throw Problem.notFound("the graph says nothing about " + Vocab.ID + rest);
        Responses.send(ctx, e);
    }
}
