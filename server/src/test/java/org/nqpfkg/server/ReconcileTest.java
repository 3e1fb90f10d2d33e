package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /reconcile as OpenRefine uses it: the manifest, batches by GET and by POSTed form, and bad batches refused. */
class ReconcileTest {
    @TempDir static Path dir;
    static ServedStore served;

    @BeforeAll
    static void start() throws Exception { served = ServedStore.of(dir, List.of(Path.of("../seeds"))); }

    @AfterAll
    static void stop() { served.close(); }

    static String get(String queries) { return "/reconcile?queries=" + URLEncoder.encode(queries, StandardCharsets.UTF_8); }

    @Test
    void manifestNamesTheTypesAndTheIdentifierSpace() throws Exception {
        JsonNode m = served.json("/reconcile");
        assertTrue(m.get("versions").toString().contains("0.2"), m.toString());
        assertEquals("https://w3id.org/nqpf-kg/id/", m.get("identifierSpace").asText());
        assertEquals("https://w3id.org/nqpf-kg/ontology#", m.get("schemaSpace").asText());
        List<String> types = new java.util.ArrayList<>();
        m.get("defaultTypes").forEach(t -> types.add(t.get("id").asText()));
        assertEquals(List.of("Organization", "Sector", "Mechanism", "Path", "Policy"), types);
        assertTrue(m.get("view").get("url").asText().endsWith("/id/{{id}}"), m.toString());
    }

    @Test
    void aKnownOrganisationComesFirstAndMatches() throws Exception {
        JsonNode r = served.json(get("{\"q0\":{\"query\":\"华为\",\"type\":\"Organization\",\"limit\":3}}"));
        JsonNode first = r.get("q0").get("result").get(0);
        assertEquals("organization/hua-wei", first.get("id").asText(), r.toString());
        assertEquals("华为", first.get("name").asText());
        assertEquals(100, first.get("score").asInt());
        assertTrue(first.get("match").asBoolean());
        assertEquals("Organization", first.get("type").get(0).get("id").asText());
        assertTrue(r.get("q0").get("result").size() <= 3);
    }

    @Test
    void formPostWithEnglishNamesAndAlternativeLabelsAndNoType() throws Exception {
        String batch = "{\"a\":{\"query\":\"Huawei\"},\"b\":{\"query\":\"劳动替代机制\",\"type\":\"Mechanism\"},\"c\":{\"query\":\"小米\"}}";
        HttpResponse<String> r = TestSupport.postForm(served.base + "/reconcile", "queries", batch, null, null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = ServedStore.JSON.readTree(r.body());
        assertEquals("organization/hua-wei", body.get("a").get("result").get(0).get("id").asText(), r.body());
        JsonNode alt = body.get("b").get("result").get(0);
        assertEquals("mechanism/hu-bu-shi-ti-dai-ji-zhi", alt.get("id").asText(), "an alternative label matches: " + r.body());
        assertTrue(alt.get("match").asBoolean());
        JsonNode partial = body.get("c").get("result").get(0);
        assertEquals("organization/xiao-mi-ji-tuan", partial.get("id").asText(), "a shorter name finds the full one: " + r.body());
        assertFalse(partial.get("match").asBoolean(), "a partial name is a candidate, not a match");
    }

    @Test
    void unrelatedNamesFindNothing() throws Exception {
        JsonNode r = served.json(get("{\"q0\":{\"query\":\"Zzyzx Quartz\",\"type\":\"Organization\"}}"));
        assertEquals(0, r.get("q0").get("result").size(), r.toString());
    }

    @Test
    void badBatchesAreProblems() throws Exception {
        served.assertProblem(get("not json"), 400);
        served.assertProblem(get("[]"), 400);
        served.assertProblem(get("{\"q0\":{\"type\":\"Organization\"}}"), 400);
        served.assertProblem(get("{\"q0\":{\"query\":\"华为\",\"type\":\"Planet\"}}"), 400);
        served.assertProblem(get("{\"q0\":{\"query\":\"华为\",\"limit\":1000}}"), 400);
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 51; i++) many.append(i == 0 ? "" : ",").append("\"q").append(i).append("\":{\"query\":\"x\"}");
        HttpResponse<String> r = TestSupport.postForm(served.base + "/reconcile", "queries", many.append("}").toString(), null, null);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }
}
