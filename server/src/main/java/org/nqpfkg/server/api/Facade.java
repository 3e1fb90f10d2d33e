package org.nqpfkg.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nqpfkg.server.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON facade for dashboards and the linked-data front: all routes and HTTP settings in one place. */
public final class Facade {
    private static final Logger LOG = LoggerFactory.getLogger(Facade.class);

    private final Javalin app;

    private Facade(Javalin app) { this.app = app; }

    public static Facade create(KnowledgeStore store, int port) {
        DocumentText documents = new DocumentText(store);
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.port = port;
            cfg.http.maxRequestSize = 1_000_000;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/api/health", ctx -> health(ctx, store));
            cfg.routes.get("/api/documents/{id}/text", documents::text);
            cfg.routes.exception(Problem.class, (e, ctx) -> e.render(ctx));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {}", ctx.path(), e);
                Problem.render(ctx, 500, "Internal error", "The server could not answer this request; the error is in its log.");
            });
            cfg.routes.error(404, ctx -> {
                if (!"application/problem+json".equals(ctx.res().getContentType()))
                    Problem.render(ctx, 404, "Not found", "No resource at " + ctx.path());
            });
        });
        return new Facade(app);
    }

    private static void health(Context ctx, KnowledgeStore store) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("triples", store.quadCount());
        ctx.contentType("application/json").result(Json.write(body));
    }

    public Facade start() { app.start(); return this; }
    public int port() { return app.port(); }
    public void stop() { app.stop(); }
}
