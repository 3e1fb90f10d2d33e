package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The facade over a remote store answers as the facade over local TDB2 does. Each subclass starts a store of one
 * make in a process of its own; the seed is loaded through the remote store with the real loader; then lists,
 * items, evidence pages, search, named queries and the SPARQL endpoint are asked of both facades and must give the
 * same JSON.
 */
abstract class RemoteStoreContract extends RemoteStoreFixture {
    static final List<Path> SEEDS = List.of(Path.of("../seeds"));

    ServedStore local;
    ServedStore remote;

    @BeforeAll
    void serve() throws Exception {
        local = ServedStore.of(dir.resolve("local"), SEEDS);
        remote = ServedStore.serve(KnowledgeStore.openRemote(store.endpoints(), dir.resolve("facade"), OntologyFiles.bundled()), SEEDS, null);
    }

    @AfterAll
    void stop() {
        if (remote != null) remote.close();
        if (local != null) local.close();
    }

    void assertSame(String path) throws Exception {
        JsonNode expected = comparable(local.json(path));
        JsonNode actual = comparable(remote.json(path));
        assertEquals(expected, actual, path);
    }

    /**
     * Without what may differ between stores: when each loaded the seed ({@code loadedAt}), the order of the
     * items in a GROUP_CONCAT list ("a; b; c"), which SPARQL leaves to the store (Virtuoso orders them otherwise),
     * and search scores past six significant digits (they pass through the store, and Virtuoso keeps single precision).
     */
    static JsonNode comparable(JsonNode json) {
        if (json instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.remove("loadedAt");
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (v.isFloatingPointNumber()) o.put(name, new java.math.BigDecimal(v.asDouble()).round(new java.math.MathContext(6)).doubleValue());
                else if (v.isTextual() && v.asText().contains("; "))
                    o.put(name, String.join("; ", java.util.Arrays.stream(v.asText().split("; ")).sorted().toList()));
            }
        }
        json.forEach(RemoteStoreContract::comparable);
        return json;
    }

    /** The store's graphs as the facade lists them: the loaded documents' and nothing of the store's own making. */
    @Test
    void sourceGraphsAreTheSame() {
        assertEquals(new java.util.TreeSet<>(local.store.sourceGraphs()), new java.util.TreeSet<>(remote.store.sourceGraphs()));
        assertFalse(remote.store.sourceGraphs().isEmpty());
    }

    @Test
    void listsAreTheSame() throws Exception {
        for (String kind : List.of("levels", "paths", "mechanisms", "policies", "organizations", "documents"))
            assertSame("/api/" + kind + "?limit=1000");
        assertSame("/api/mechanisms?limit=2&offset=1");
        assertSame("/api/targets");
    }

    @Test
    void itemsAndEvidenceAreTheSame() throws Exception {
        for (String kind : List.of("mechanisms", "paths", "policies", "organizations")) {
            JsonNode first = local.json("/api/" + kind + "?limit=1").get("items").get(0);
            String id = first.get("id").asText();
            assertSame("/api/" + kind + "/" + id);
            assertSame("/api/" + kind + "/" + id + "/evidence");
        }
        String doc = local.json("/api/documents?limit=1").get("items").get(0).get("id").asText();
        assertSame("/api/documents/" + doc + "/mentions");
    }

    @Test
    void searchIsTheSame() throws Exception {
        for (String q : List.of("能力整合", "人工智能 产业链", "华为"))
            assertSame("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=20");
        assertTrue(remote.json("/api/search?q=" + URLEncoder.encode("能力整合", StandardCharsets.UTF_8)).get("total").asInt() > 0);
    }

    /**
     * A search costs a few requests to the store, not one per hit or per pattern: the text call runs on the local
     * index and the rest of each query goes to the store whole.
     */
    @Test
    void aRequestCostsAFewStoreRequestsNotOnePerHit() throws Exception {
        var endpoints = remote.store.remoteEndpoints();
        long before = endpoints.requestCount();
        JsonNode hits = remote.json("/api/search?q=" + URLEncoder.encode("能力学习", StandardCharsets.UTF_8) + "&limit=50");
        long used = endpoints.requestCount() - before;
        assertTrue(hits.get("total").asInt() > 1, hits.toString());
        assertTrue(used <= 5, used + " requests for one search");
        before = endpoints.requestCount();
        remote.json("/api/paths?limit=1000&offset=1");
        assertTrue(endpoints.requestCount() - before <= 12, (endpoints.requestCount() - before) + " requests for one list");
    }

    @Test
    void namedQueriesAreTheSame() throws Exception {
        assertSame("/api/queries/level-comparison");
        assertSame("/api/queries/mechanism-evidence-and-policies?mechanism=neng-li-zheng-he-ji-zhi");
        assertSame("/api/queries/policies-by-horizon");
    }

    @Test
    void theSparqlEndpointAnswersTheSame() throws Exception {
        String q = "PREFIX nqpf: <https://w3id.org/nqpf-kg/ontology#> SELECT ?type (COUNT(DISTINCT ?x) AS ?n) "
                + "{ ?x a ?type FILTER(STRSTARTS(STR(?type), STR(nqpf:))) } GROUP BY ?type ORDER BY ?type";
        assertTrue(assertSameSparql(q).at("/results/bindings").size() > 5);
    }

    /** Both SPARQL endpoints give the same JSON results for {@code query}; returns them. */
    JsonNode assertSameSparql(String query) throws Exception {
        var a = TestSupport.get(TestSupport.sparqlGet(local.server.sparqlPort(), query), "Accept", "application/sparql-results+json");
        var b = TestSupport.get(TestSupport.sparqlGet(remote.server.sparqlPort(), query), "Accept", "application/sparql-results+json");
        assertEquals(200, b.statusCode(), b.body());
        JsonNode results = ServedStore.JSON.readTree(b.body());
        assertEquals(ServedStore.JSON.readTree(a.body()), results);
        return results;
    }

    /**
     * A SERVICE stays with the facade, whose door refuses it, wherever it hides (a subquery, EXISTS): sent whole, the
     * store would fetch the URL. A text call the facade cannot split off is answered here too, not dropped.
     */
    @Test
    void serviceAndHiddenTextCallsAreAnsweredByTheFacade() throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (java.net.Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/sparql";
            for (String q : List.of("SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { { SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } } } }",
                    "ASK { FILTER EXISTS { SERVICE <" + url + "> { ?s ?p ?o } } }")) {
                var r = TestSupport.get(TestSupport.sparqlGet(remote.server.sparqlPort(), q), "Accept", "application/sparql-results+json");
                assertTrue(r.statusCode() >= 400 || r.body().contains("false"), q + " answered " + r.statusCode() + ": " + r.body());
            }
            Thread.sleep(200);
            assertEquals(0, connections.get(), "a SERVICE URL was fetched");
        }
        String hidden = "PREFIX text: <http://jena.apache.org/text#> PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
                + "SELECT (COUNT(*) AS ?n) { ?s nif:anchorOf ?t FILTER EXISTS { ?s text:query (nif:anchorOf '能力整合') } }";
        assertSameSparql(hidden);
    }

    @Test
    void compactIsRefusedOverARemoteStore() {
        var run = TestSupport.kg("compact", "--endpoint", remote.store.remoteEndpoints().queryEndpoint());
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("local TDB2 store"), run.err());
    }
}
