package org.nqpfkg.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./bench soak [REQUESTS] [CONNECTIONS]}: the built jar's {@code kg serve}, as an operator runs it, under
 * a long mixed load — facade lists, items, evidence pages, search, named queries, SPARQL queries cheap and
 * expensive, and requests that fail on purpose (404, 400) — at many connections. It reports answers by status,
 * transport errors, latency, and the server's resident memory as the run goes on: the heap must level off, not
 * grow with the requests. The per-client rate limit is off for the run (every request comes from one address).
 */
final class SoakBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SoakBenchmark() {}

    static void run(int total, int connections) throws Exception {
        Path work = Files.createTempDirectory("nqpf-bench-soak");
        int port = freePort();
        int sparqlPort = freePort();
        Process server = new ProcessBuilder(LoadBenchmark.java(), "-Xmx1g", "-jar",
                "server/target/nqpf-kg.jar", "serve", "--store", work.resolve("store").toString(), "--port", "" + port,
                "--sparql-port", "" + sparqlPort, "--rate-limit", "0")
                .redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitForHealth(base);
            List<String> urls = requests(base, sparqlPort);
            System.out.printf("soak: %,d requests over %d connections, %d distinct URLs, against kg serve (-Xmx1g, pid %d)%n",
                    total, connections, urls.size(), server.pid());
            run(server.pid(), urls, total, connections);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void run(long pid, List<String> urls, int total, int connections) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ConcurrentHashMap<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        List<List<Long>> latencies = new ArrayList<>();
        List<long[]> memory = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        Thread sampler = Sampler.every(500, () -> memory.add(new long[] {done.get(), rssKb(pid)}));
        long t0 = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
                for (int i; (i = next.getAndIncrement()) < total; ) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(i % urls.size())))
                            .timeout(Duration.ofSeconds(60)).header("Accept-Encoding", "identity").GET().build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        byStatus.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine.add(System.nanoTime() - s);
                    done.incrementAndGet();
                }
            });
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) t.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        memory.add(new long[] {done.get(), rssKb(pid)});

        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        System.out.printf("done in %.1f s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms%n", seconds, total / seconds,
                all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, all.get(all.size() - 1) / 1e6);
        StringBuilder statuses = new StringBuilder();
        new java.util.TreeMap<>(byStatus).forEach((k, v) -> statuses.append(k).append(": ").append(v.get()).append("  "));
        long fiveHundreds = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("answers by status: %s%n5xx: %d (503 = a long query stopped so cheap ones keep answering), transport errors: %d%n",
                statuses, fiveHundreds, errors.get());
        long peak = memory.stream().mapToLong(m -> m[1]).max().orElse(0);
        System.out.printf("server resident memory (MB) after 0/25/50/75/100%% of the requests: %s; peak %d MB%n",
                quartiles(memory, total), peak / 1024);
        // Resident memory includes TDB2's memory-mapped indexes, which grow as requests touch more of the store
        // and stop growing once they have touched it: the last quarter says whether memory has levelled off.
        long threeQuarters = rssAt(memory, total * 3L / 4);
        long end = rssAt(memory, total);
        System.out.printf("growth over the last quarter of the requests: %+.1f%% (%s)%n", 100.0 * (end - threeQuarters) / Math.max(1, threeQuarters),
                end - threeQuarters <= threeQuarters / 20 ? "levels off" : "still growing");
    }

    private static String quartiles(List<long[]> memory, int total) {
        List<String> out = new ArrayList<>();
        for (int q = 0; q <= 4; q++) out.add(String.valueOf(rssAt(memory, (long) total * q / 4) / 1024));
        return String.join(" / ", out);
    }

    /** Resident memory at the first sample taken once {@code requests} were done. */
    private static long rssAt(List<long[]> memory, long requests) {
        synchronized (memory) {
            for (long[] m : memory) if (m[0] >= requests) return m[1];
            return memory.isEmpty() ? 0 : memory.get(memory.size() - 1)[1];
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        } catch (Exception e) {
            // the process has ended
        }
        return 0;
    }

    /** The mix: what dashboards, linked-data clients and analysts send, with some failures on purpose. */
    private static List<String> requests(String base, int sparqlPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> urls = new ArrayList<>();
        for (String kind : List.of("levels", "paths", "mechanisms", "policies", "organizations", "documents", "targets")) {
            urls.add(base + "/api/" + kind);
            urls.add(base + "/api/" + kind + "?limit=5&offset=2");
            if (kind.equals("targets")) continue;
            JsonNode list = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/" + kind + "?limit=20")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode item : list.get("items")) {
                String id = item.get("id").asText();
                urls.add(base + "/api/" + kind + "/" + id);
                if (!kind.equals("documents")) urls.add(base + "/api/" + kind + "/" + id + "/evidence?limit=10");
            }
        }
        for (String q : List.of("人工智能", "能力整合", "供应链", "政策", "nothing-matches-this"))
            urls.add(base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        urls.add(base + "/api/queries/mechanisms-by-level");
        urls.add(base + "/api/queries/policies-by-horizon");
        urls.add(base + "/api/health");
        urls.add(base + "/api/mechanisms/no-such-mechanism");
        urls.add(base + "/api/mechanisms?limit=abc");
        String sparql = "http://127.0.0.1:" + sparqlPort + "/kg/sparql?query=";
        urls.add(sparql + URLEncoder.encode("SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 50", StandardCharsets.UTF_8));
        urls.add(sparql + URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8));
        urls.add(sparql + URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?b ?e }", StandardCharsets.UTF_8));
        urls.add(sparql + URLEncoder.encode("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", StandardCharsets.UTF_8));
        Collections.shuffle(urls, new java.util.Random(11));
        return urls;
    }

    private static void waitForHealth(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("kg serve did not answer /api/health within 3 minutes");
    }

    private static int freePort() throws java.io.IOException {
        try (var s = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
