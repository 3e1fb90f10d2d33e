package org.nqpfkg.server.api;

import org.nqpfkg.server.doors.ClientDoor;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import org.nqpfkg.server.queries.NamedQueries;
import org.nqpfkg.server.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON facade for dashboards and the linked-data front: all routes and HTTP settings in one place. */
public final class Facade {
    private static final Logger LOG = LoggerFactory.getLogger(Facade.class);
    static final int MAX_QUERY_STRING = 2048;
    static final long MAX_REQUEST_BYTES = org.nqpfkg.loader.LoadOptions.DEFAULT_MAX_BYTES + 64 * 1024;

    private final Javalin app;
    private final ResponseCache cache;
    private final Runnable onStop;

    private Facade(Javalin app, ResponseCache cache, Runnable onStop) {
        this.app = app;
        this.cache = cache;
        this.onStop = onStop;
    }

    /** A facade whose query editor points at a SPARQL endpoint on the default port (benchmarks run no endpoint). */
    public static Facade create(KnowledgeStore store, NamedQueries queries, FacadeSettings settings) {
        return create(store, queries, settings, () -> 3030);
    }

    /** {@code sparqlPort}: where this server's SPARQL endpoint listens, read when the query editor is served. */
    public static Facade create(KnowledgeStore store, NamedQueries queries, FacadeSettings settings, java.util.function.IntSupplier sparqlPort) {
        ResponseCache cache = new ResponseCache(settings.cacheBytes(), store::version, new RenderLimit(settings.renderLimit()));
        Health health = new Health(store, cache);
        DocumentText documents = new DocumentText(store, cache);
        // Its own budget, not the response cache's: a facade run without a response cache still keeps what lists need.
        ItemModel model = new ItemModel(store, FacadeSettings.defaultCacheBytes());
        ResourceRoutes resources = new ResourceRoutes(store, cache, model);
        QueryRoutes named = new QueryRoutes(store, queries, cache);
        SearchRoutes search = new SearchRoutes(store, cache);
        MentionRoutes mentions = new MentionRoutes(store, cache);
        TargetRoutes targets = new TargetRoutes(store, cache);
        EvidenceRoutes evidence = new EvidenceRoutes(store, cache);
        LinkedDataRoutes linkedData = new LinkedDataRoutes(store, cache);
        OntologyRoutes ontology = new OntologyRoutes(store, cache);
        DatasetRoutes dataset = new DatasetRoutes(store, cache, sparqlPort);
        ReconcileRoutes reconcile = new ReconcileRoutes(store, cache);
        DocumentUploads uploads = new DocumentUploads(store, new AdminCheck(settings.adminPassword()));
        PageRoutes pages = new PageRoutes(store, queries, cache, sparqlPort);
        byte[] openApi = Json.bytes(OpenApi.document(queries.describe()));
        byte[] docsPage = resource("/web/docs.html");
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.port = settings.port();
            cfg.jetty.host = settings.doors().host();
            cfg.jetty.modifyServer(server -> {
                ClientDoor door = new ClientDoor(settings.doors(), sparqlPort);
                door.setHandler(server.getHandler());
                server.setHandler(door);
            });
            cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(16 * 1024));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            // Bodies are read only by the document uploads (which count their own limit) and the reconciliation form
            // (which has a smaller one); GETs never read one.
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.http.compressionStrategy = CompressionStrategy.GZIP;
            cfg.http.prefer405over404 = true;
            cfg.startup.showJavalinBanner = false;
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                if (settings.corsOrigins().contains("*")) rule.anyHost();
                else rule.allowHost(settings.corsOrigins().get(0), settings.corsOrigins().subList(1, settings.corsOrigins().size()).toArray(String[]::new));
                rule.exposeHeader("ETag");
                rule.exposeHeader("Link");  // a page's script finds the JSON-LD context through it
            }));
            cfg.routes.before(Facade::boundQueryString);
            cfg.routes.after("/api/*", JsonLdContextLink::add);
            get(cfg, "/", pages::home);
            get(cfg, "/page/<rest>", pages::resource);
            get(cfg, "/read/{id}", pages::reader);
            get(cfg, "/list/{class}", pages::list);
            get(cfg, "/explorer", pages::explorer);
            get(cfg, "/sparql", pages::sparql);
            get(cfg, "/api/health", health::get);
            get(cfg, "/api/documents/{id}/text", documents::text);
            cfg.routes.post("/api/documents", uploads::post);
            cfg.routes.put("/api/documents", uploads::put);
            get(cfg, "/api/documents/{id}/mentions", mentions::mentions);
            get(cfg, "/api/targets", targets::list);
            get(cfg, "/openapi.json", ctx -> Responses.send(ctx, Responses.entry(200, "application/json", openApi)));
            get(cfg, "/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docsPage));
            get(cfg, "/api/search", search::search);
            get(cfg, "/id/<rest>", linkedData::resolve);
            get(cfg, "/ontology", ontology::ontology);
            get(cfg, "/vocab/<rest>", ontology::vocabulary);
            get(cfg, "/context.jsonld", ontology::context);
            get(cfg, "/.well-known/void", dataset::voidDescription);
            get(cfg, "/dumps/{file}", dataset::dump);
            get(cfg, "/reconcile", reconcile::handle);
            cfg.routes.post("/reconcile", reconcile::handle);  // OpenRefine sends its batches as a form
            get(cfg, "/api/queries", named::list);
            get(cfg, "/api/queries/{name}", named::run);
            get(cfg, "/api/{kind}/{id}/evidence", evidence::own);
            get(cfg, "/api/{kind}/{id}/links/{rel}/{target}/evidence", evidence::link);
            get(cfg, "/api/{kind}", resources::list);
            get(cfg, "/api/{kind}/{id}", resources::one);
            cfg.routes.exception(Problem.class, (e, ctx) -> e.render(ctx));
            // Javalin's own refusals (a body over maxRequestSize …) as problems too, not its plain-text or JSON error bodies.
            cfg.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> Problem.render(ctx, e.getStatus(),
                    String.valueOf(org.eclipse.jetty.http.HttpStatus.getMessage(e.getStatus())), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {}", ctx.path(), e);
                Problem.render(ctx, 500, "Internal error", "The server could not answer this request; the error is in its log.");
            });
            cfg.routes.error(404, ctx -> {
                if (!String.valueOf(ctx.res().getContentType()).startsWith("application/problem+json"))
                    Problem.render(ctx, 404, "Not found", "No resource at " + ctx.path());
            });
            cfg.routes.error(405, ctx -> Problem.render(ctx, 405, "Method not allowed", "The facade is read-only (GET), except POST and PUT /api/documents."));
        });
        return new Facade(app, cache, () -> store.removeChangeListener(model));
    }

    /** A GET route and its HEAD twin: HEAD answers with the same status and headers, without the body. */
    private static void get(io.javalin.config.JavalinConfig cfg, String path, io.javalin.http.Handler handler) {
        cfg.routes.get(path, handler);
        cfg.routes.head(path, handler);
    }

    private static byte[] resource(String path) {
        try (var in = Facade.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException(path + " is missing from the build", e);
        }
    }

    private static void boundQueryString(Context ctx) {
        String q = ctx.queryString();
        if (q != null && q.length() > MAX_QUERY_STRING)
            throw new Problem(414, "URI too long", "the query string is longer than " + MAX_QUERY_STRING + " characters");
    }

    public Facade start() { app.start(); return this; }
    public int port() { return app.port(); }
    public void stop() {
        app.stop();
        onStop.run();
    }
    public ResponseCache responseCache() { return cache; }
}
