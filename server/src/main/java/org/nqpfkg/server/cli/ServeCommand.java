package org.nqpfkg.server.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.server.KgServer;
import org.nqpfkg.server.api.FacadeSettings;
import org.nqpfkg.server.doors.DoorSettings;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the SPARQL endpoint and the JSON facade over the store. On an empty store, first load the seed documents.")
final class ServeCommand implements Callable<Integer> {
    @Mixin StoreOption storeOption;

    @Option(names = "--port", defaultValue = "${env:KG_PORT:-8080}", description = "facade HTTP port (default: ${DEFAULT-VALUE}; env KG_PORT)")
    int port;

    @Option(names = "--sparql-port", defaultValue = "${env:KG_SPARQL_PORT:-3030}", description = "SPARQL endpoint port (default: ${DEFAULT-VALUE}; env KG_SPARQL_PORT)")
    int sparqlPort;

    @Option(names = "--query-timeout", paramLabel = "SECONDS", defaultValue = "30", description = "server-side SPARQL timeout (default: ${DEFAULT-VALUE})")
    long queryTimeout;

    @Option(names = "--result-cap", paramLabel = "ROWS", defaultValue = "10000", description = "most rows a SPARQL query returns (default: ${DEFAULT-VALUE})")
    long resultCap;

    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "file holding the admin password for writes; env KG_ADMIN_PASSWORD otherwise; with neither, the endpoint is read-only")
    Path passwordFile;

    @Option(names = "--cors-origins", paramLabel = "ORIGINS", split = ",", defaultValue = "${env:KG_CORS_ORIGINS:-*}",
            description = "origins allowed to call the facade from a browser, comma-separated; * for any (default: ${DEFAULT-VALUE}; env KG_CORS_ORIGINS)")
    java.util.List<String> corsOrigins;

    @Option(names = "--cache-bytes", paramLabel = "SIZE", converter = ByteSize.class,
            description = "heap the facade's response cache may fill per store version, in bytes or with k/m/g (binary); "
                    + "an answer larger than 1/8 of it is never cached; 0 turns the cache off (default: 64m, at most 1/16 of the heap)")
    Long cacheBytes;

    /** Replaced by --cache-bytes: a count of entries says nothing about the heap they fill. */
    @Option(names = "--cache-size", paramLabel = "N", hidden = true)
    Integer deprecatedCacheSize;

    @Option(names = "--render-limit", paramLabel = "N",
            description = "facade responses rendered at once; further requests that miss the cache wait their turn (default: twice the cores, at least 4)")
    Integer renderLimit;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:KG_HOST:-127.0.0.1}",
            description = "interface both ports listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}; env KG_HOST)")
    String host;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "100",
            description = "requests per second one client (IP address) may make on each port before getting 429; 0 for no limit (default: ${DEFAULT-VALUE})")
    int rateLimit;

    @Option(names = "--password-tries", paramLabel = "N", defaultValue = "5",
            description = "wrong admin passwords a client may send before its credentials are refused, for 1 s, then 2, 4 … up to 15 min (default: ${DEFAULT-VALUE})")
    int passwordTries;

    @Option(names = "--allow-service", paramLabel = "ENDPOINT", split = ",",
            description = "SPARQL endpoints a query's SERVICE may call, comma-separated; without it SERVICE is refused")
    List<String> allowService = List.of();

    @Option(names = "--allow-load", paramLabel = "PREFIX", split = ",",
            description = "http(s) IRI prefixes an admin's SPARQL LOAD may read from, comma-separated; without it LOAD is refused (file: never)")
    List<String> allowLoad = List.of();

    @Option(names = "--long-queries", paramLabel = "N",
            description = "queries that may run longer than 250 ms at once; a further long one is stopped with 503 so cheap ones keep answering (default: half the cores, at least 1)")
    Integer longQueries;

    @Option(names = "--queries", paramLabel = "DIR", defaultValue = "queries",
            description = "folder of named SPARQL queries (*.rq); the copy inside the jar when absent (default: ${DEFAULT-VALUE})")
    Path queries;

    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds", description = "documents loaded into an empty store (default: ${DEFAULT-VALUE})")
    Path seeds;

    @Override
    public Integer call() throws Exception {
        String password = password();
        long cache = cacheBudget();
        if (renderLimit != null && renderLimit < 1) throw new IllegalArgumentException("--render-limit must be at least 1, was " + renderLimit);
        KnowledgeStore store = storeOption.open();
        if (store.sourceGraphs().isEmpty() && Files.isDirectory(seeds)) loadSeeds(store);
        KgServer server = KgServer.builder(store)
                .port(port).sparqlPort(sparqlPort)
                .queryTimeoutMillis(queryTimeout * 1000).resultCap(resultCap)
                .adminPassword(password)
                .doors(doors())
                .corsOrigins(corsOrigins).cacheBytes(cache)
                .renderLimit(renderLimit == null ? FacadeSettings.defaultRenderLimit() : renderLimit)
                .queries(org.nqpfkg.server.queries.NamedQueries.load(queries))
                .build().start();
        System.out.printf("nqpf-kg ready: %d triples in %s (ontology from %s)%n", store.size().latest().quads(),
                store.isRemote() ? store.remoteEndpoints() + " (search index in " + store.dir() + ")" : store.dir(), store.ontology().origin());
        String shown = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
        System.out.printf("  SPARQL   http://" + shown + ":%d/kg  (query: /kg/sparql, graph store read: /kg/get)%n", server.sparqlPort());
        System.out.printf("  facade   http://" + shown + ":%d/api/health%n", server.port());
        System.out.println(password == null
                ? "  writes   disabled: read-only (set KG_ADMIN_PASSWORD or --admin-password-file to enable SPARQL Update and Graph Store writes)"
                : "  writes   SPARQL Update at /kg/update, Graph Store at /kg/data, user '" + org.nqpfkg.server.sparql.SparqlServer.ADMIN_USER + "' (HTTP basic)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private DoorSettings doors() {
        DoorSettings d = DoorSettings.defaults().withHost(host).withRequestsPerSecond(rateLimit).withPasswordTries(passwordTries)
                .withServiceAllowList(allowService).withLoadAllowList(allowLoad);
        return longQueries == null ? d : d.withLongQueries(longQueries).withMaxQueries(Math.max(d.maxQueries(), longQueries));
    }

    private void loadSeeds(KnowledgeStore store) {
        SourceLoad load = new SourceLoad(LoadOptions.defaults().withOntology(store.ontology()), new java.io.PrintWriter(System.out, true));
        try {
            System.out.println("empty store: loading " + seeds);
            var units = load.read(List.of(seeds));
            load.commit(store, units);
            load.printSummary(units, new java.io.PrintWriter(System.out, true));
        } catch (LoadException e) {
            System.err.println("warning: the seed documents were not loaded: " + e.getMessage());
        }
    }

    private long cacheBudget() {
        if (deprecatedCacheSize != null) {
            // 0 still means what it meant; any other count has no byte equivalent, so it is ignored, loudly.
            System.err.println(deprecatedCacheSize == 0
                    ? "warning: --cache-size is deprecated; use --cache-bytes 0 to turn the cache off"
                    : "warning: --cache-size is deprecated and ignored: the cache is bounded in bytes now; use --cache-bytes (e.g. 64m)");
            if (deprecatedCacheSize == 0) return 0;
        }
        return cacheBytes == null ? FacadeSettings.defaultCacheBytes() : cacheBytes;
    }

    private String password() throws java.io.IOException {
        return AdminPassword.read(passwordFile).orElse(null);
    }
}
