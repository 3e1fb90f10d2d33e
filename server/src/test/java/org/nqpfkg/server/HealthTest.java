package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/** /api/health reads counts kept per store version: right at start, right again once a load has been counted. */
class HealthTest {
    @TempDir Path dir;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsAreRightAtStartAndAfterALoad() throws Exception {
        KnowledgeStore store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled());
        KgServer server = KgServer.builder(store).port(0).sparqlPort(TestSupport.freePort()).build().start();
        try {
            String url = "http://127.0.0.1:" + server.port() + "/api/health";
            JsonNode empty = health(url);
            assertEquals("ok", empty.get("status").asText());
            assertEquals(store.version(), empty.get("version").asLong());
            assertEquals(store.version(), empty.get("countedVersion").asLong(), "counted at start, before anyone asked");
            assertEquals(store.quadCount(), empty.get("triples").asLong(), "the ontology graphs");
            assertEquals(0, empty.get("documents").asLong());

            long before = store.version();
            SourceLoad load = new SourceLoad(LoadOptions.defaults(), new java.io.PrintWriter(new java.io.StringWriter()));
            load.commit(store, load.read(List.of(Path.of("../seeds"))));
            assertTrue(store.version() > before);

            JsonNode first = health(url);  // answers at once, with the last count if the new one is not done yet
            assertEquals(store.version(), first.get("version").asLong());
            assertTrue(first.get("countedVersion").asLong() >= before);

            JsonNode loaded = healthOfVersion(url, store.version());
            assertEquals(store.quadCount(), loaded.get("triples").asLong());
            assertTrue(loaded.get("triples").asLong() > empty.get("triples").asLong());
            assertEquals(1, loaded.get("documents").asLong(), "the seed");
        } finally {
            server.stop();
            store.close();
        }
    }

    static JsonNode health(String url) throws Exception {
        HttpResponse<String> r = TestSupport.get(url);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    /** Health once the background count of {@code version} is in: each call asks for it, none waits for it. */
    static JsonNode healthOfVersion(String url, long version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode h = health(url);
            if (h.get("countedVersion").asLong() == version) return h;
            Thread.sleep(20);
        }
        throw new AssertionError("health never counted version " + version);
    }
}
