package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * Two facades over one remote store never serve stale answers: after a write through either — a document
 * upload, a replacing PUT, a SPARQL Update on the other's endpoint — the other answers the new data at once,
 * from warm caches, its search included (each facade keeps its own text index). Each subclass starts a store of
 * one make.
 */
abstract class TwoFacadesContract extends RemoteStoreFixture {
    static final String PASSWORD = "s3cret";
    static final String OPINION = "关于推进青岚市智能制造的实施意见\n\n"
            + "为推动人工智能与制造业深度融合，青岚市提出以下意见。到2028年，全市智能工厂超过50家。"
            + "支持青岚智造集团建设工业互联网平台，推动装备制造、纺织和食品等行业数字化转型。\n";

    ServedStore a;
    ServedStore b;

    @BeforeAll
    void serve() throws Exception {
        a = ServedStore.serve(KnowledgeStore.openRemote(store.endpoints(), dir.resolve("a"), OntologyFiles.bundled()), List.of(Path.of("../seeds")), PASSWORD);
        b = ServedStore.serve(KnowledgeStore.openRemote(store.endpoints(), dir.resolve("b"), OntologyFiles.bundled()), PASSWORD);
    }

    @AfterAll
    void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    static HttpResponse<String> upload(ServedStore facade, String method, String name, String text) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(facade.base + "/api/documents?name=" + name)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
        return TestSupport.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    long documents(ServedStore facade) throws Exception { return facade.json("/api/documents?limit=1").get("total").asLong(); }

    long hits(ServedStore facade, String words) throws Exception {
        return facade.json("/api/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)).get("total").asLong();
    }

    /** Both facades asked twice, so the second answer of each comes from its cache. */
    void warm(String... words) throws Exception {
        for (ServedStore f : List.of(a, b))
            for (int i = 0; i < 2; i++) {
                documents(f);
                for (String w : words) hits(f, w);
            }
    }

    @Test
    void aWriteThroughEitherFacadeIsSeenByTheOtherAtOnce() throws Exception {
        assertEquals(1, documents(a));
        assertEquals(1, documents(b));
        warm("青岚", "碧溪");
        assertEquals(0, hits(b, "青岚"));

        // A new document through A: B lists it and finds its words.
        HttpResponse<String> added = upload(a, "POST", "qinglan.txt", OPINION);
        assertEquals(201, added.statusCode(), added.body());
        String id = ServedStore.JSON.readTree(added.body()).get("id").asText();
        assertEquals(2, documents(b), "B's cached list was not served after A's upload");
        assertTrue(hits(b, "青岚") > 0, "B's search index follows the store");
        assertEquals(200, b.get("/api/documents/" + id).statusCode());
        assertEquals(a.json("/api/health").get("version"), b.json("/api/health").get("version"));

        // A replaces it on purpose: B sees the new text and no longer the old.
        warm("青岚", "碧溪");
        HttpResponse<String> replaced = upload(a, "PUT", "qinglan.txt", OPINION.replace("青岚", "碧溪"));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(0, hits(b, "青岚"), "the replaced text is gone from B's index");
        assertTrue(hits(b, "碧溪") > 0);
        assertEquals(2, documents(b));

        // A SPARQL Update through B's endpoint drops the document's graph: A sees it gone.
        warm("青岚", "碧溪");
        String iri = b.json("/api/documents/" + id).get("iri").asText();
        JsonNode rows = ServedStore.JSON.readTree(TestSupport.get(TestSupport.sparqlGet(b.server.sparqlPort(),
                "SELECT ?g { GRAPH ?g { <" + iri + "> a <https://w3id.org/nqpf-kg/ontology#Document> } }"),
                "Accept", "application/sparql-results+json").body());
        String graph = rows.at("/results/bindings/0/g/value").asText();
        assertFalse(graph.isEmpty(), rows.toString());
        HttpResponse<String> update = TestSupport.postForm("http://127.0.0.1:" + b.server.sparqlPort() + "/kg/update", "update",
                "DROP GRAPH <" + graph + ">", "admin", PASSWORD);
        assertEquals(200, update.statusCode(), update.body());
        assertEquals(1, documents(a), "A's cached list was not served after B's update");
        assertEquals(0, hits(a, "碧溪"), "A's search index follows B's update");
        assertEquals(404, a.get("/api/documents/" + id).statusCode());
    }

    @Test
    void anUpdateTheShapesRefuseChangesNothingAndRaisesNoVersion() throws Exception {
        long version = b.json("/api/health").get("version").asLong();
        HttpResponse<String> refused = TestSupport.postForm("http://127.0.0.1:" + b.server.sparqlPort() + "/kg/update", "update",
                "INSERT DATA { GRAPH <urn:test:bad> { <urn:test:m> a <https://w3id.org/nqpf-kg/ontology#Mechanism> } }", "admin", PASSWORD);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(version, a.json("/api/health").get("version").asLong());
        JsonNode ask = ServedStore.JSON.readTree(TestSupport.get(TestSupport.sparqlGet(a.server.sparqlPort(),
                "ASK { GRAPH <urn:test:bad> { ?s ?p ?o } }"), "Accept", "application/sparql-results+json").body());
        assertFalse(ask.get("boolean").asBoolean());
    }
}
