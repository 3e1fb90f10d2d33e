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
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.remote.FusekiProcess;
import org.nqpfkg.server.remote.RemoteEndpoints;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The facade over a remote store answers as the facade over local TDB2 does. The store is plain Fuseki in a
 * process of its own ({@link FusekiProcess}); the seed is loaded through the remote store with the real loader;
 * then lists, items, evidence pages, search, named queries and the SPARQL endpoint are asked of both facades and
 * must give the same JSON.
 */
class RemoteStoreTest {
    static final List<Path> SEEDS = List.of(Path.of("../seeds"));

    @TempDir static Path dir;
    static FusekiProcess fuseki;
    static ServedStore local;
    static ServedStore remote;

    @BeforeAll
    static void start() throws Exception {
        fuseki = FusekiProcess.start(dir, null);
        local = ServedStore.of(dir.resolve("local"), SEEDS);
        KnowledgeStore store = KnowledgeStore.openRemote(new RemoteEndpoints(fuseki.dataset(), null, null, null, 60_000),
                dir.resolve("facade"), OntologyFiles.bundled());
        remote = ServedStore.serve(store, SEEDS, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (remote != null) remote.close();
        if (local != null) local.close();
        if (fuseki != null) fuseki.close();
    }

    static void assertSame(String path) throws Exception {
        JsonNode expected = withoutLoadTimes(local.json(path));
        JsonNode actual = withoutLoadTimes(remote.json(path));
        assertEquals(expected, actual, path);
    }

    /** Each store loaded the seed at its own moment: the only field that may differ. */
    static JsonNode withoutLoadTimes(JsonNode json) {
        if (json.isObject()) ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("loadedAt");
        json.forEach(RemoteStoreTest::withoutLoadTimes);
        return json;
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
        var a = TestSupport.get(TestSupport.sparqlGet(local.server.sparqlPort(), q), "Accept", "application/sparql-results+json");
        var b = TestSupport.get(TestSupport.sparqlGet(remote.server.sparqlPort(), q), "Accept", "application/sparql-results+json");
        assertEquals(200, b.statusCode(), b.body());
        assertEquals(ServedStore.JSON.readTree(a.body()), ServedStore.JSON.readTree(b.body()));
        assertTrue(ServedStore.JSON.readTree(b.body()).at("/results/bindings").size() > 5);
    }

    @Test
    void compactIsRefusedOverARemoteStore() {
        var run = TestSupport.kg("compact", "--endpoint", fuseki.dataset());
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("local TDB2 store"), run.err());
    }
}
