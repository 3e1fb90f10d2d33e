package org.nqpfkg.server.doors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.KgServer;
import org.nqpfkg.server.TestSupport;
import org.nqpfkg.server.store.KnowledgeStore;

/** Each door of the running service, tried from outside as an attacker or a careless client would. */
class DoorsTest {
    @TempDir static Path dir;
    static KnowledgeStore store;
    static KgServer server;
    static String sparql;
    static String facade;

    @BeforeAll
    static void start() {
        store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled());
        server = KgServer.builder(store).port(0).sparqlPort(TestSupport.freePort()).queryTimeoutMillis(5000)
                .adminPassword("s3cret").doors(DoorSettings.defaults().withRequestsPerSecond(0).withLongQueries(1)).build().start();
        sparql = "http://127.0.0.1:" + server.sparqlPort() + "/kg";
        facade = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    /** A loopback listener that counts the connections it is offered: what a fetched URL would reach. */
    static final class Listener implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();

        Listener() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String url(String path) { return "http://127.0.0.1:" + socket.getLocalPort() + path; }

        @Override
        public void close() throws IOException { socket.close(); }
    }

    @Test
    void aServiceCallToALocalListenerNeverReachesIt() throws Exception {
        try (Listener l = new Listener()) {
            for (String q : List.of(
                    "SELECT * WHERE { SERVICE <" + l.url("/sparql") + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { { SELECT * WHERE { SERVICE <" + l.url("/sub") + "> { ?s ?p ?o } } } }",
                    "ASK { FILTER EXISTS { SERVICE <" + l.url("/exists") + "> { ?s ?p ?o } } }",
                    "SELECT * WHERE { BIND(<" + l.url("/var") + "> AS ?e) SERVICE ?e { ?s ?p ?o } }")) {
                HttpResponse<String> r = TestSupport.get(TestSupport.sparqlGet(server.sparqlPort(), q), "Accept", "application/sparql-results+json");
                // Inside FILTER EXISTS the refusal is an evaluation error, which SPARQL turns into false.
                assertTrue(r.statusCode() >= 400 || r.body().contains("false"), q + " answered " + r.statusCode() + ": " + r.body());
            }
            Thread.sleep(200);
            assertEquals(0, l.connections.get(), "the server fetched a SERVICE URL");
        }
    }

    @Test
    void loadFromFilesOrUnlistedUrlsIsRefusedAndChangesNothing() throws Exception {
        try (Listener l = new Listener()) {
            long quads = store.quadCount();
            for (String source : List.of("file:///etc/passwd", "file:" + dir.resolve("x.ttl"), l.url("/data.ttl"))) {
                HttpResponse<String> r = TestSupport.postForm(sparql + "/update", "update", "LOAD <" + source + "> INTO GRAPH <urn:test:loaded>", "admin", "s3cret");
                assertEquals(403, r.statusCode(), source + ": " + r.body());
                assertTrue(r.body().contains("LOAD"), r.body());
            }
            assertEquals(0, l.connections.get(), "the server fetched a LOAD URL");
            assertEquals(quads, store.quadCount());
        }
    }

    @Test
    void aRemoteJsonLdContextIsNeverFetched() throws Exception {
        try (Listener l = new Listener()) {
            String doc = "{ \"@context\": \"" + l.url("/context.jsonld") + "\", \"@id\": \"urn:test:x\", \"name\": \"x\" }";
            HttpRequest put = HttpRequest.newBuilder(URI.create(sparql + "/data?graph=urn:test:jsonld")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/ld+json").header("Authorization", basic("admin", "s3cret"))
                    .PUT(HttpRequest.BodyPublishers.ofString(doc)).build();
            HttpResponse<String> r = TestSupport.HTTP.send(put, HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() >= 400, r.statusCode() + ": " + r.body());
            assertEquals(0, l.connections.get(), "the server fetched a JSON-LD context");
        }
    }

    @Test
    void anUpdateThatBreaksTheShapesIsRefusedAndTheQuadsAreUnchanged() throws Exception {
        long before = store.quadCount();
        long version = store.version();
        HttpResponse<String> r = TestSupport.postForm(sparql + "/update", "update",
                "PREFIX nqpf: <https://w3id.org/nqpf-kg/ontology#> INSERT DATA { GRAPH <urn:test:bad> { <urn:test:m> a nqpf:Mechanism } }",
                "admin", "s3cret");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("nqpf:level") || r.body().contains("level"), "the report says what is wrong: " + r.body());
        assertEquals(before, store.quadCount());
        assertEquals(version, store.version(), "a refused write leaves the cache valid");
        HttpResponse<String> ok = TestSupport.postForm(sparql + "/update", "update",
                "INSERT DATA { GRAPH <urn:test:fine> { <urn:test:s> <urn:test:p> \"o\" } }", "admin", "s3cret");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(store.version() > version, "an accepted write clears the facade's cache");
        HttpResponse<String> reserved = TestSupport.postForm(sparql + "/update", "update",
                "INSERT DATA { GRAPH <" + org.nqpfkg.loader.Vocab.ONTOLOGY_GRAPH + "> { <urn:test:s> <urn:test:p> \"o\" } }", "admin", "s3cret");
        assertEquals(403, reserved.statusCode(), reserved.body());
    }

    @Test
    void expensiveQueriesLeaveACheapOneAnswering() throws Exception {
        String expensive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        for (int i = 0; i < 20; i++)
            running.add(TestSupport.HTTP.sendAsync(HttpRequest.newBuilder(URI.create(TestSupport.sparqlGet(server.sparqlPort(), expensive)))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        Thread.sleep(400);
        long t0 = System.nanoTime();
        HttpResponse<String> cheap = TestSupport.get(TestSupport.sparqlGet(server.sparqlPort(), "ASK { ?s a ?c }"), "Accept", "application/sparql-results+json");
        double ms = (System.nanoTime() - t0) / 1e6;
        assertEquals(200, cheap.statusCode(), cheap.body());
        assertTrue(ms < 1000, "the cheap query took " + ms + " ms");
        int busy = 0;
        for (var f : running) if (f.get().statusCode() == 503) busy++;
        assertTrue(busy >= 18, "expensive queries beyond the long-query slot are stopped with 503, were " + busy);
    }

    @Test
    void aTruncatingRowCapSaysSo() throws Exception {
        HttpResponse<String> r = TestSupport.get(TestSupport.sparqlGet(server.sparqlPort(), "SELECT * WHERE { ?s ?p ?o }"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("X-Result-Cap").isPresent(), r.headers().toString());
        HttpResponse<String> limited = TestSupport.get(TestSupport.sparqlGet(server.sparqlPort(), "SELECT * WHERE { ?s ?p ?o } LIMIT 3"));
        assertFalse(limited.headers().firstValue("X-Result-Cap").isPresent());
    }

    @Test
    void everyResponseOfBothPortsHasTheSecurityHeaders() throws Exception {
        for (String url : List.of(facade + "/api/health", facade + "/no/such/page", TestSupport.sparqlGet(server.sparqlPort(), "ASK {}"), sparql + "/nothing")) {
            HttpResponse<String> r = TestSupport.get(url);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), url);
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), url);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), url);
        }
    }

    @Test
    void aClientOverTheRateGets429WithRetryAfterOnBothPorts(@TempDir Path own) throws Exception {
        try (KnowledgeStore s = KnowledgeStore.open(own.resolve("store"), OntologyFiles.bundled())) {
            KgServer limited = KgServer.builder(s).port(0).sparqlPort(TestSupport.freePort())
                    .doors(DoorSettings.defaults().withRequestsPerSecond(5)).build().start();
            try {
                for (String url : List.of("http://127.0.0.1:" + limited.port() + "/api/health",
                        TestSupport.sparqlGet(limited.sparqlPort(), "ASK {}"))) {
                    HttpResponse<String> refused = null;
                    for (int i = 0; i < 30 && refused == null; i++) {
                        HttpResponse<String> r = TestSupport.get(url);
                        if (r.statusCode() == 429) refused = r;
                    }
                    assertTrue(refused != null, url + " never answered 429");
                    assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0")) >= 1, refused.headers().toString());
                    assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                }
            } finally {
                limited.stop();
            }
        }
    }

    @Test
    void repeatedWrongPasswordsAreThrottled(@TempDir Path own) throws Exception {
        try (KnowledgeStore s = KnowledgeStore.open(own.resolve("store"), OntologyFiles.bundled())) {
            KgServer guarded = KgServer.builder(s).port(0).sparqlPort(TestSupport.freePort()).adminPassword("right")
                    .doors(DoorSettings.defaults().withRequestsPerSecond(0).withPasswordTries(3)).build().start();
            try {
                String url = "http://127.0.0.1:" + guarded.sparqlPort() + "/kg/update";
                String update = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"o\" } }";
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 8; i++) statuses.add(TestSupport.postForm(url, "update", update, "admin", "guess" + i).statusCode());
                assertEquals(List.of(401, 401, 401), statuses.subList(0, 3), statuses.toString());
                assertTrue(statuses.subList(3, 8).stream().allMatch(c -> c == 429), statuses.toString());
                HttpResponse<String> right = TestSupport.postForm(url, "update", update, "admin", "right");
                assertEquals(429, right.statusCode(), "even the right password waits out the lockout");
                assertTrue(right.headers().firstValue("Retry-After").isPresent());
                assertEquals(200, TestSupport.get(TestSupport.sparqlGet(guarded.sparqlPort(), "ASK {}")).statusCode(), "public reads stay open");
            } finally {
                guarded.stop();
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
