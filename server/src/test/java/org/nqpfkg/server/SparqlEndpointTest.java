package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.KnowledgeStore;

/** The served SPARQL endpoint: public reads, authenticated writes, a server-side timeout and a result cap. */
class SparqlEndpointTest {
    @TempDir static Path dir;
    static KnowledgeStore store;
    static KgServer server;
    static int sparql;

    @BeforeAll
    static void start() {
        store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled());
        server = KgServer.builder(store).port(0).sparqlPort(TestSupport.freePort())
                .queryTimeoutMillis(1500).resultCap(50).adminPassword("s3cret").build().start();
        sparql = server.sparqlPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    @Test
    void answersASelectInSparqlJson() throws Exception {
        HttpResponse<String> r = TestSupport.get(TestSupport.sparqlGet(sparql,
                "SELECT ?c WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> }"), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(r.body().contains("https://w3id.org/nqpf-kg/ontology#Mechanism"), r.body());
    }

    @Test
    void refusesAnUpdateWithoutCredentialsAndAcceptsOneWithThem() throws Exception {
        String update = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"o\" } }";
        String url = "http://127.0.0.1:" + sparql + "/kg/update";
        assertEquals(401, TestSupport.postForm(url, "update", update, null, null).statusCode());
        assertEquals(401, TestSupport.postForm(url, "update", update, "admin", "wrong").statusCode());
        long before = store.version();
        assertEquals(200, TestSupport.postForm(url, "update", update, "admin", "s3cret").statusCode());
        assertTrue(store.version() > before, "a write through Fuseki marks the store as changed");
        HttpResponse<String> r = TestSupport.get(TestSupport.sparqlGet(sparql, "ASK { <urn:test:s> <urn:test:p> \"o\" }"),
                "Accept", "application/sparql-results+json");
        assertTrue(r.body().contains("true"), "the default graph is the union of the named graphs: " + r.body());
    }

    @Test
    void graphStoreWritesNeedCredentialsButReadsDoNot() throws Exception {
        var put = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + sparql + "/kg/data?graph=urn:test:h"))
                .header("Content-Type", "text/turtle").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build();
        assertEquals(401, TestSupport.HTTP.send(put, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> read = TestSupport.get("http://127.0.0.1:" + sparql + "/kg/get?graph=https://w3id.org/nqpf-kg/graph/ontology",
                "Accept", "application/n-triples");
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("nqpf-kg/ontology#Mechanism"));
    }

    @Test
    void theServerTimeoutStopsAnExpensiveQuery() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = TestSupport.get(TestSupport.sparqlGet(sparql,
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"), "Accept", "application/sparql-results+json");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(seconds < 20, "stopped by the 1.5 s timeout, took " + seconds);
    }

    @Test
    void capsTheNumberOfRows() throws Exception {
        HttpResponse<String> r = TestSupport.get(TestSupport.sparqlGet(sparql, "SELECT * WHERE { ?s ?p ?o }"), "Accept", "text/csv");
        assertEquals(200, r.statusCode());
        assertEquals(1 + 50, r.body().strip().split("\r?\n").length, "header + capped rows");
    }

    @Test
    void healthReportsTheStoreSize() throws Exception {
        HttpResponse<String> r = TestSupport.get("http://127.0.0.1:" + server.port() + "/api/health");
        assertEquals(200, r.statusCode());
        // The store version, the document count and the cache's figures came with the constant-time health (issue 8).
        assertTrue(r.body().matches("\\{\"status\":\"ok\",\"version\":[0-9]+,\"triples\":[1-9][0-9]*,\"documents\":[0-9]+,\"countedVersion\":[0-9]+,\"cache\":\\{.*}}"), r.body());
    }
}
