package org.nqpfkg.server.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.api.Facade;
import org.nqpfkg.server.api.FacadeSettings;
import org.nqpfkg.server.doors.DoorSettings;
import org.nqpfkg.server.queries.NamedQueries;
import org.nqpfkg.server.remote.RemoteEndpoints;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/**
 * The facade over local TDB2 against the same facade over a remote SPARQL store, for a list, an item, a search
 * and a named query, each uncached and cached: p50/p99 latency and throughput, and the ratio remote/local.
 *
 * <p>The remote stores: a plain Fuseki (TDB2, union default graph) started here as a separate process from this
 * jar, then, where Debian's Virtuoso Open Source is installed, a throwaway Virtuoso started with
 * {@code .ci/virtuoso}. {@code -Dbench.endpoint=URL} (with {@code -Dbench.update-endpoint},
 * {@code -Dbench.gsp-endpoint}, {@code -Dbench.credentials=FILE} where needed) measures that one store instead.
 * The seed is loaded into an empty remote store first, through the facade's own loader.
 */
final class RemoteBenchmark {
    private RemoteBenchmark() {}

    static Map<String, String> paths() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("list", "/api/mechanisms");
        m.put("item", "/api/mechanisms/neng-li-zheng-he-ji-zhi");
        m.put("search", "/api/search?q=" + URLEncoder.encode("能力整合", StandardCharsets.UTF_8));
        m.put("named query", "/api/queries/mechanism-evidence-and-policies?mechanism=neng-li-zheng-he-ji-zhi");
        return m;
    }

    static void run(Path seeds, Duration measure, int[] concurrency) throws Exception {
        // The store's JVM has run nothing yet when the benchmark starts: a longer warm-up than in-process figures need.
        Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup", "5")));
        Path work = Files.createTempDirectory("nqpf-bench-remote");
        try (KnowledgeStore local = KnowledgeStore.open(work.resolve("store"), OntologyFiles.bundled())) {
            load(local, seeds);
            String endpoint = System.getProperty("bench.endpoint");
            if (endpoint != null) {
                String credentials = System.getProperty("bench.credentials");
                measure(local, RemoteEndpoints.of(endpoint, System.getProperty("bench.update-endpoint"), System.getProperty("bench.gsp-endpoint"),
                        credentials == null ? null : Path.of(credentials)), "the store at " + endpoint, seeds, work.resolve("facade"), warmUp, measure, concurrency);
                return;
            }
            List<String> stores = List.of(System.getProperty("bench.stores", "fuseki,virtuoso").split(","));
            if (stores.contains("fuseki")) {
                int port = freePort();
                Process fuseki = startFuseki(work, port);
                try {
                    measure(local, RemoteEndpoints.of("http://127.0.0.1:" + port + "/kg", null, null, null),
                            "Fuseki 5.6.0 (TDB2, a JVM of its own)", seeds, work.resolve("facade-fuseki"), warmUp, measure, concurrency);
                } finally {
                    fuseki.destroy();
                    fuseki.waitFor();
                }
            }
            if (!stores.contains("virtuoso")) return;
            Path virtuosoDir = work.resolve("virtuoso");
            Path script = Path.of(".ci", "virtuoso");
            if (!Files.isExecutable(script) || !onPath("virtuoso-t")) {
                System.out.println("Virtuoso: not measured (install it with `.ci/virtuoso install`)");
                return;
            }
            Properties virtuoso = startVirtuoso(script, virtuosoDir);
            try {
                measure(local, RemoteEndpoints.of(virtuoso.getProperty("query"), virtuoso.getProperty("update"), virtuoso.getProperty("gsp"),
                        Path.of(virtuoso.getProperty("credentials-file"))), "Virtuoso Open Source 7.2 (Debian's package, basic auth)",
                        seeds, work.resolve("facade-virtuoso"), warmUp, measure, concurrency);
            } finally {
                new ProcessBuilder(script.toString(), "stop", virtuosoDir.toString()).inheritIO().start().waitFor();
            }
        }
    }

    /** The table for one remote store: each read over local TDB2 and over the store, uncached and cached. */
    private static void measure(KnowledgeStore local, RemoteEndpoints store, String name, Path seeds, Path facadeDir, Duration warmUp,
            Duration measure, int[] concurrency) throws Exception {
        try (KnowledgeStore remote = KnowledgeStore.openRemote(store, facadeDir, OntologyFiles.bundled())) {
            if (remote.sourceGraphs().isEmpty()) load(remote, seeds);
            System.out.printf("%nremote: %s at %s; local: TDB2 in %s; %d s per figure after %d s warm-up%n", name, store, local.dir(),
                    measure.toSeconds(), warmUp.toSeconds());
            List<Facade> facades = new ArrayList<>();
            try {
                Facade[] lu = {start(local, 0, facades), start(local, -1, facades)};
                Facade[] ru = {start(remote, 0, facades), start(remote, -1, facades)};
                System.out.printf("%-12s %4s | %-26s | %-26s | %7s | %-26s | %-26s | %7s%n", "endpoint", "conc",
                        "local uncached req/s p50 p99", "remote uncached", "ratio", "local cached", "remote cached", "ratio");
                for (String path : paths().values()) checkAll(facades, path);
                for (Map.Entry<String, String> e : paths().entrySet()) {
                    for (int c : concurrency) {
                        HttpLoad.Figures[] fig = new HttpLoad.Figures[4];
                        Facade[] order = {lu[0], ru[0], lu[1], ru[1]};
                        for (int i = 0; i < 4; i++)
                            fig[i] = HttpLoad.run(HttpLoad.get("http://127.0.0.1:" + order[i].port() + e.getValue(), "application/json"),
                                    c, warmUp, measure);
                        System.out.printf("%-12s %4d | %s | %s | %6.2fx | %s | %s | %6.2fx%s%n", e.getKey(), c,
                                show(fig[0]), show(fig[1]), fig[1].p50() / fig[0].p50(), show(fig[2]), show(fig[3]), fig[3].p50() / fig[2].p50(),
                                errors(fig));
                    }
                }
                System.out.println("ratio: remote p50 / local p50 (above 1: the remote store is slower)");
            } finally {
                facades.forEach(Facade::stop);
            }
        }
    }

    /** A throwaway loopback Virtuoso started by {@code .ci/virtuoso start}; its endpoints and credentials file. */
    private static Properties startVirtuoso(Path script, Path dir) throws Exception {
        Process p = new ProcessBuilder(script.toString(), "start", dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("'.ci/virtuoso start' failed:\n" + output);
        Properties props = new Properties();
        try (var in = Files.newInputStream(dir.resolve("endpoint.properties"))) {
            props.load(in);
        }
        return props;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) return true;
        return false;
    }

    private static String show(HttpLoad.Figures f) {
        return String.format("%8.0f %7.2f %7.2f", f.throughput(), f.p50(), f.p99());
    }

    private static String errors(HttpLoad.Figures[] figs) {
        long n = 0;
        for (HttpLoad.Figures f : figs) n += f.errors();
        return n == 0 ? "" : "  errors: " + n;
    }

    /** {@code cacheBytes} 0: cache off; -1: the default cache. */
    private static Facade start(KnowledgeStore store, long cacheBytes, List<Facade> started) {
        FacadeSettings s = FacadeSettings.defaults().withPort(0).withDoors(DoorSettings.defaults().withRequestsPerSecond(0));
        if (cacheBytes == 0) s = s.withCacheBytes(0);
        Facade f = Facade.create(store, NamedQueries.bundled(), s).start();
        started.add(f);
        return f;
    }

    /** Every facade answers {@code path} with 200 (local uncached, local cached, remote uncached, remote cached). */
    private static void checkAll(List<Facade> facades, String path) throws Exception {
        for (int i = 0; i < facades.size(); i++) check(facades.get(i), path, (i < 2 ? "local" : "remote") + (i % 2 == 0 ? " uncached" : " cached"));
    }

    private static void check(Facade f, String path, String which) throws Exception {
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode() + " on the " + which + " facade: " + r.body());
    }

    private static void load(KnowledgeStore store, Path seeds) throws Exception {
        SourceLoad load = new SourceLoad(LoadOptions.defaults().withOntology(store.ontology()), new java.io.PrintWriter(new java.io.StringWriter()));
        load.commit(store, load.read(List.of(seeds)));
    }

    /** Plain Fuseki Main from this jar, TDB2 with the union default graph the facade needs, in a process of its own. */
    private static Process startFuseki(Path work, int port) throws Exception {
        Path log = work.resolve("fuseki.log");
        Files.createDirectories(work.resolve("fuseki"));
        Process p = new ProcessBuilder(LoadBenchmark.java(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "org.apache.jena.fuseki.main.cmds.FusekiMainCmd",
                "--tdb2", "--loc=" + work.resolve("fuseki"), "--update", "--ping", "--set=tdb:unionDefaultGraph=true",
                "--localhost", "--port=" + port, "/kg")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var http = java.net.http.HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("Fuseki exited: " + Files.readString(log));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return p;
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("Fuseki did not start in 60 s: " + Files.readString(log));
    }

    private static int freePort() throws java.io.IOException {
        try (var s = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
