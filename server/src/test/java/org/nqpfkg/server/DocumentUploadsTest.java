package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.doors.DoorSettings;
import org.nqpfkg.server.store.KnowledgeStore;

/** Adding documents to a running service over HTTP, and kg load's rule on replacing. */
class DocumentUploadsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** An invented opinion-style text: a title line, a blank line, a paragraph. */
    static final String OPINION = "关于推进青岚市智能制造的实施意见\n\n"
            + "为推动人工智能与制造业深度融合，青岚市提出以下意见。到2028年，全市智能工厂超过50家。"
            + "支持青岚智造集团建设工业互联网平台，推动装备制造、纺织和食品等行业数字化转型。\n";

    @TempDir static Path dir;
    static KnowledgeStore store;
    static KgServer server;
    static String base;

    @BeforeAll
    static void start() {
        store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled());
        server = KgServer.builder(store).port(0).sparqlPort(TestSupport.freePort()).adminPassword("s3cret")
                .doors(DoorSettings.defaults().withRequestsPerSecond(0)).build().start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    static HttpResponse<String> send(String method, String path, String contentType, byte[] body, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (password != null)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        return TestSupport.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postText(String name, String text, String password) throws Exception {
        return send("POST", "/api/documents?name=" + name, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), password);
    }

    static long documents() throws Exception {
        return JSON.readTree(TestSupport.get(base + "/api/documents?limit=1").body()).get("total").asLong();
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    }

    @Test
    void aPostAddsADocumentAndAReplacingPostIsAConflict() throws Exception {
        assertProblem(postText("qinglan.txt", OPINION, null), 401);
        assertProblem(postText("qinglan.txt", OPINION, "wrong"), 401);
        long before = documents();
        HttpResponse<String> added = postText("qinglan.txt", OPINION, "s3cret");
        assertEquals(201, added.statusCode(), added.body());
        JsonNode summary = JSON.readTree(added.body());
        assertTrue(summary.get("triples").asLong() > 0);
        assertEquals(before + 1, documents(), "the new document is listed at once: the cache did not serve the old list");
        String id = summary.get("id").asText();
        assertEquals("/api/documents/" + id, added.headers().firstValue("Location").orElse(null));
        assertEquals(200, TestSupport.get(base + "/api/documents/" + id).statusCode());

        long quads = store.quadCount();
        assertProblem(postText("qinglan.txt", OPINION.replace("50家", "60家"), "s3cret"), 409);
        assertEquals(quads, store.quadCount(), "a refused POST changes nothing");

        HttpResponse<String> replaced = send("PUT", "/api/documents?name=qinglan.txt", "text/plain; charset=utf-8",
                OPINION.replace("50家", "60家").getBytes(StandardCharsets.UTF_8), "s3cret");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(JSON.readTree(replaced.body()).get("replaced").asBoolean());
        assertEquals(before + 1, documents());
    }

    @Test
    void aMultipartUploadCarriesItsSidecar() throws Exception {
        String boundary = "b0undary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hexi.txt\"\r\n\r\n"
                + OPINION.replace("青岚", "河西") + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"sidecar\"; filename=\"hexi.meta.json\"\r\n\r\n"
                + "{\"title\": \"河西市智能制造意见\", \"date\": \"2026-03-01\", \"language\": \"zh\"}\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = send("POST", "/api/documents", "multipart/form-data; boundary=" + boundary, form.getBytes(StandardCharsets.UTF_8), "s3cret");
        assertEquals(201, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        assertTrue(TestSupport.get(base + "/api/documents/" + id).body().contains("河西市智能制造意见"), "the sidecar's title is the document's");
    }

    @Test
    void badDocumentsAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        long quads = store.quadCount();
        assertProblem(postText("empty.txt", "   \n", "s3cret"), 400);
        assertProblem(postText("../escape.txt", OPINION, "s3cret"), 400);
        assertProblem(send("POST", "/api/documents", "text/plain", OPINION.getBytes(StandardCharsets.UTF_8), "s3cret"), 400);
        HttpResponse<String> shacl = send("POST", "/api/documents?name=bad.ttl", "text/turtle",
                "<urn:test:m> a <https://w3id.org/nqpf-kg/ontology#Mechanism> .".getBytes(StandardCharsets.UTF_8), "s3cret");
        assertProblem(shacl, 422);
        assertTrue(shacl.body().contains("SHACL"), shacl.body());
        assertEquals(quads, store.quadCount());
    }

    @Test
    void kgLoadSendsToAServerAndNeedsReplaceToReplace(@TempDir Path own) throws Exception {
        Path doc = Files.writeString(own.resolve("beiling.txt"), OPINION.replace("青岚", "北岭"));
        Path password = Files.writeString(own.resolve("password"), "s3cret\n");
        TestSupport.Run first = TestSupport.kg("load", "--server", base, "--admin-password-file", password.toString(), doc.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("added"), first.out());
        TestSupport.Run again = TestSupport.kg("load", "--server", base, "--admin-password-file", password.toString(), doc.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("409") && again.err().contains("--replace"), again.err());
        TestSupport.Run replace = TestSupport.kg("load", "--server", base, "--admin-password-file", password.toString(), "--replace", doc.toString());
        assertEquals(0, replace.exit(), replace.err());
        assertTrue(replace.out().contains("replaced"), replace.out());
    }

    @Test
    void aLocalLoadReplacesOnlyWhenAsked(@TempDir Path own) throws Exception {
        Path doc = Files.writeString(own.resolve("nanshan.txt"), OPINION.replace("青岚", "南山"));
        String storeDir = own.resolve("store").toString();
        assertEquals(0, TestSupport.kg("load", "--store", storeDir, doc.toString()).exit());
        var quads = TestSupport.quads(own.resolve("store"));
        Files.writeString(doc, OPINION.replace("青岚", "南山").replace("50家", "70家"));
        TestSupport.Run refused = TestSupport.kg("load", "--store", storeDir, doc.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("--replace"), refused.err());
        assertEquals(quads, TestSupport.quads(own.resolve("store")), "the store is unchanged");
        assertEquals(0, TestSupport.kg("load", "--store", storeDir, "--replace", doc.toString()).exit());
    }
}
