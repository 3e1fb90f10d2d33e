package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/** Contract tests of the JSON facade against the seed, over real HTTP on a free loopback port. */
class FacadeTest {
    @TempDir static Path dir;
    static KnowledgeStore store;
    static KgServer server;
    static String base;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled());
        SourceLoad load = new SourceLoad(LoadOptions.defaults(), new java.io.PrintWriter(new java.io.StringWriter()));
        load.commit(store, load.read(List.of(Path.of("../seeds"))));
        server = KgServer.builder(store).port(0).sparqlPort(TestSupport.freePort()).corsOrigins(List.of("*"))
                .doors(org.nqpfkg.server.doors.DoorSettings.defaults().withRequestsPerSecond(0)).build().start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception { return TestSupport.get(base + path, headers); }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    static void assertProblem(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonNode p = JSON.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    static void assertItemBasics(JsonNode item) {
        assertTrue(item.get("id").asText().matches("[a-z0-9-]+"), item.toString());
        assertTrue(item.get("iri").asText().startsWith("https://w3id.org/nqpf-kg/id/"));
        assertTrue(item.get("label").has("zh") && item.get("label").has("en"));
        JsonNode summary = item.get("evidence");
        for (String f : List.of("count", "documentCount", "quotes", "href")) assertTrue(summary.has(f), f + " in " + summary);
        assertTrue(summary.get("quotes").size() <= 3 && summary.get("quotes").size() <= summary.get("count").asInt(), summary.toString());
        for (JsonNode ev : summary.get("quotes")) {
            for (String f : List.of("document", "quote", "start", "end", "section")) assertTrue(ev.has(f), f + " in " + ev);
            assertTrue(ev.get("end").asInt() > ev.get("start").asInt());
        }
    }

    @Test
    void everyListHasItemsTotalAndPages() throws Exception {
        for (String kind : List.of("levels", "paths", "mechanisms", "policies", "organizations", "sectors", "documents")) {
            JsonNode all = json("/api/" + kind);
            int total = all.get("total").asInt();
            assertTrue(total > 0, kind);
            assertEquals(total, all.get("items").size(), kind + ": default limit 100 holds the seed's items");
            all.get("items").forEach(FacadeTest::assertItemBasics);
            JsonNode page = json("/api/" + kind + "?limit=1&offset=1");
            assertEquals(total, page.get("total").asInt());
            assertEquals(Math.min(1, total - 1), page.get("items").size());
            if (total > 1) assertEquals(all.get("items").get(1).get("id"), page.get("items").get(0).get("id"));
            JsonNode one = json("/api/" + kind + "/" + all.get("items").get(0).get("id").asText());
            assertEquals(all.get("items").get(0), one, "the item alone equals the item in the list");
        }
    }

    @Test
    void mechanismShape() throws Exception {
        JsonNode m = json("/api/mechanisms/neng-li-zheng-he-ji-zhi");
        assertEquals("能力整合机制", m.get("label").get("zh").asText());
        assertEquals("employee", m.get("level").get("id").asText());
        assertEquals("capability", m.get("lens").get("id").asText());
        assertEquals("能力机制", m.get("family").get("label").get("zh").asText());
        assertTrue(m.get("paths").size() >= 1);
        Set<String> examples = new HashSet<>();
        m.get("examples").forEach(e -> examples.add(e.get("label").get("zh").asText() + "/" + e.get("type").asText()));
        assertTrue(examples.contains("金融/Sector"), examples.toString());
        JsonNode policy = m.get("policies").get(0);
        assertEquals("培训与技能提升政策", policy.get("label").get("zh").asText());
        assertEquals("short", policy.get("horizon").asText());
        assertTrue(policy.get("evidence").get("quotes").get(0).get("quote").asText().contains("能力整合机制"), "a link carries the evidence of the link");
    }

    @Test
    void pathPolicyOrganizationSectorDocumentShapes() throws Exception {
        JsonNode path = json("/api/paths/ying-xiao-lu-jing");
        assertEquals("zhi-neng-lu-jing", path.get("parent").get("id").asText());
        assertEquals("enterprise", path.get("level").get("id").asText());
        assertTrue(path.get("cases").toString().contains("小米集团"));
        JsonNode parent = json("/api/paths/zhi-neng-lu-jing");
        assertTrue(parent.get("parent").isNull());
        assertEquals(5, parent.get("children").size());
        assertTrue(parent.get("mechanisms").size() >= 3);

        JsonNode policies = json("/api/policies?horizon=long");
        assertEquals(5, policies.get("total").asInt());
        for (JsonNode p : policies.get("items")) {
            assertEquals("long", p.get("horizon").asText());
            assertEquals("industry", p.get("level").get("id").asText());
            assertTrue(p.get("mechanisms").size() >= 1 && p.get("measures").isArray());
        }
        JsonNode org = json("/api/organizations/san-yi-zhong-gong");
        assertTrue(org.get("paths").size() >= 4 && org.get("levels").get(0).get("id").asText().equals("industry"));
        assertTrue(org.get("sameAs").isArray());
        JsonNode sector = json("/api/sectors/jin-rong");
        assertEquals("neng-li-zheng-he-ji-zhi", sector.get("mechanisms").get(0).get("id").asText());
        JsonNode doc = json("/api/documents/ai-new-quality-productive-forces");
        assertEquals("zh", doc.get("language").asText());
        assertTrue(doc.get("sections").size() > 20 && doc.get("statements").asInt() > 100 && !doc.get("loadedAt").isNull());
    }

    @Test
    void filters() throws Exception {
        JsonNode employee = json("/api/mechanisms?level=employee");
        assertEquals(3, employee.get("total").asInt());
        employee.get("items").forEach(i -> assertEquals("employee", i.get("level").get("id").asText()));
        assertEquals(3, json("/api/mechanisms?horizon=medium").get("total").asInt());
        assertEquals(10, json("/api/mechanisms?document=ai-new-quality-productive-forces").get("total").asInt());
        assertEquals(0, json("/api/mechanisms?document=no-such-document").get("total").asInt());
        assertProblem(get("/api/mechanisms?level=planet"), 400);
        assertProblem(get("/api/paths?horizon=short"), 400);
    }

    @Test
    void badInputIsAProblemNeverAStackTrace() throws Exception {
        assertProblem(get("/api/mechanisms/no-such-mechanism"), 404);
        assertProblem(get("/api/planets"), 404);
        assertProblem(get("/api/mechanisms?limit=0"), 400);
        assertProblem(get("/api/mechanisms?limit=1001"), 400);
        assertProblem(get("/api/mechanisms?offset=-1"), 400);
        assertProblem(get("/api/mechanisms?limit=abc"), 400);
        assertProblem(get("/api/mechanisms?q=" + "x".repeat(3000)), 414);
    }

    @Test
    void injectionAttemptsAreRefusedOrHarmless() throws Exception {
        List<String> evil = List.of("\" } UNION { ?s ?p ?o } #", "} UNION {", "\\u0022", "<http://a b>", "x' ; DROP ALL",
                "employee> } UNION { ?x ?p ?o", "a".repeat(600), "", "%00", "能力");
        for (String v : evil) {
            String q = URLEncoder.encode(v, StandardCharsets.UTF_8);
            for (String path : List.of("/api/mechanisms?level=" + q, "/api/policies?horizon=" + q, "/api/paths?document=" + q,
                    "/api/mechanisms?limit=" + q, "/api/organizations?offset=" + q, "/api/mechanisms/" + q, "/api/documents/" + q + "/text")) {
                HttpResponse<String> r = get(path);
                assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 404, path + " → " + r.statusCode());
                if (r.statusCode() != 200) assertProblem(r, r.statusCode());
                else assertFalse(r.body().contains("ontology#Mechanism\""), "no data the route does not serve: " + path);
            }
        }
    }

    @Test
    void etagAnd304() throws Exception {
        HttpResponse<String> first = get("/api/paths");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), "strong ETag: " + etag);
        assertTrue(first.headers().firstValue("Cache-Control").isPresent());
        assertEquals(304, get("/api/paths", "If-None-Match", etag).statusCode());
        assertEquals(200, get("/api/paths", "If-None-Match", "\"other\"").statusCode());
        assertNotEquals(etag, get("/api/paths?limit=2").headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void etagChangesWhenTheStoreChanges() throws Exception {
        String before = get("/api/organizations").headers().firstValue("ETag").orElseThrow();
        long version = store.version();
        org.apache.jena.system.Txn.executeWrite(store.datasetGraph(), () -> store.datasetGraph().add(
                org.apache.jena.sparql.core.Quad.create(org.apache.jena.graph.NodeFactory.createURI("urn:test:g"),
                        org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/nqpf-kg/id/organization/test-org"),
                        org.apache.jena.vocabulary.RDF.type.asNode(), org.nqpfkg.loader.Vocab.nqpf("Organization"))));
        store.touched();
        assertTrue(store.version() > version);
        String after = get("/api/organizations").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(before, after, "the cache was invalidated and the representation changed");
        org.apache.jena.system.Txn.executeWrite(store.datasetGraph(), () -> store.datasetGraph().removeGraph(
                org.apache.jena.graph.NodeFactory.createURI("urn:test:g")));
        store.touched();
    }

    @Test
    void corsAndGzip() throws Exception {
        HttpResponse<String> r = get("/api/levels", "Origin", "https://dashboard.example");
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), r.headers().toString());
        HttpRequest gz = HttpRequest.newBuilder(URI.create(base + "/api/mechanisms")).header("Accept-Encoding", "gzip").GET().build();
        HttpResponse<byte[]> z = TestSupport.HTTP.send(gz, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", z.headers().firstValue("Content-Encoding").orElse(""));
        String body = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(z.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("能力整合机制"));
    }

    @Test
    void jsonLdForAnItem() throws Exception {
        HttpResponse<String> r = get("/api/mechanisms/neng-li-zheng-he-ji-zhi", "Accept", "application/ld+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        JsonNode ld = JSON.readTree(r.body());
        assertTrue(ld.has("@context") && r.body().contains("能力整合机制"), r.body());
    }

    @Test
    void documentTextIsTheStringOffsetsIndex() throws Exception {
        HttpResponse<String> r = get("/api/documents/ai-new-quality-productive-forces/text");
        assertEquals("text/plain;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""));
        String text = r.body();
        List<JsonNode> evidence = new ArrayList<>();
        json("/api/mechanisms").get("items").forEach(i -> i.get("evidence").get("quotes").forEach(evidence::add));
        assertFalse(evidence.isEmpty());
        for (JsonNode ev : evidence) {
            int s = text.offsetByCodePoints(0, ev.get("start").asInt());
            int e = text.offsetByCodePoints(0, ev.get("end").asInt());
            assertEquals(ev.get("quote").asText(), text.substring(s, e));
        }
    }

    @Test
    void namedQueriesAreListedAndRunWithBoundParameters() throws Exception {
        JsonNode list = json("/api/queries");
        assertTrue(list.get("total").asInt() >= 10);
        Set<String> names = new HashSet<>();
        list.get("items").forEach(q -> names.add(q.get("name").asText()));
        assertTrue(names.contains("level-comparison") && names.contains("mechanism-evidence-and-policies"), names.toString());
        JsonNode rows = json("/api/queries/mechanism-evidence-and-policies?mechanism=neng-li-zheng-he-ji-zhi");
        assertTrue(rows.get("items").toString().contains("培训与技能提升政策"));
        JsonNode levels = json("/api/queries/level-comparison");
        assertEquals(3, levels.get("items").size());
        HttpResponse<String> csv = get("/api/queries/level-comparison", "Accept", "text/csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv") && csv.body().startsWith("level,"), csv.body());
        HttpResponse<String> sparqlJson = get("/api/queries/level-comparison", "Accept", "application/sparql-results+json");
        assertTrue(JSON.readTree(sparqlJson.body()).has("results"));
        assertProblem(get("/api/queries/no-such-query"), 404);
        assertProblem(get("/api/queries/level-comparison", "Accept", "application/xml"), 406);
        assertProblem(get("/api/queries/mechanism-evidence-and-policies"), 400);
        assertProblem(get("/api/queries/level-comparison?unknown=1"), 400);
    }

    @Test
    void namedQueryParametersResistInjection() throws Exception {
        List<String> evil = List.of("\" } UNION { ?s ?p ?o } #", "} UNION {", "\\u0022", "<http://a b>", "x' ; DROP ALL", "a".repeat(5000), "能力");
        for (JsonNode q : json("/api/queries").get("items"))
            for (JsonNode p : q.get("params"))
                for (String v : evil) {
                    String path = "/api/queries/" + q.get("name").asText() + "?" + p.get("name").asText() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
                    HttpResponse<String> r = get(path);
                    assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 414, path + " → " + r.statusCode() + " " + r.body());
                    if (r.statusCode() != 200) assertProblem(r, r.statusCode());
                }
    }

    @Test
    void openApiCoversEveryRouteAndNamedQuery() throws Exception {
        JsonNode api = json("/openapi.json");
        assertEquals("3.1.0", api.get("openapi").asText());
        JsonNode paths = api.get("paths");
        for (String p : List.of("/api/health", "/api/levels", "/api/paths", "/api/mechanisms", "/api/policies", "/api/organizations",
                "/api/sectors", "/api/documents", "/api/mechanisms/{id}", "/api/documents/{id}/text", "/api/search", "/api/queries",
                "/id/{kind}/{id}"))
            assertTrue(paths.has(p), p);
        for (JsonNode q : json("/api/queries").get("items")) assertTrue(paths.has("/api/queries/" + q.get("name").asText()));
        HttpResponse<String> docs = get("/docs");
        assertEquals(200, docs.statusCode());
        assertTrue(docs.body().contains("swagger-ui-bundle.js"));
        assertEquals(200, get("/webjars/swagger-ui/5.35.0/swagger-ui-bundle.js").statusCode(), "Swagger UI is served from the jar, offline");
    }

    @Test
    void searchFindsTermsNotCharacters() throws Exception {
        for (String term : List.of("能力整合", "灯塔工厂", "人工智能")) {
            JsonNode r = json("/api/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8));
            assertTrue(r.get("total").asInt() > 0, term);
            double last = Double.MAX_VALUE;
            for (JsonNode hit : r.get("items")) {
                assertTrue(hit.get("text").asText().contains(term), term + " in " + hit.get("text"));
                assertTrue(hit.get("snippet").asText().contains("<mark>"));
                assertTrue(hit.get("score").asDouble() <= last, "ranked");
                last = hit.get("score").asDouble();
                assertEquals("ai-new-quality-productive-forces", hit.get("document").asText());
            }
        }
        JsonNode one = json("/api/search?q=" + URLEncoder.encode("能力整合", StandardCharsets.UTF_8) + "&limit=1");
        assertEquals(1, one.get("items").size());
        assertTrue(one.get("items").get(0).get("mentions").toString().contains("能力整合机制"));
        assertProblem(get("/api/search"), 400);
        assertProblem(get("/api/search?q=" + URLEncoder.encode("字".repeat(210), StandardCharsets.UTF_8)), 400);
        assertEquals(0, json("/api/search?q=" + URLEncoder.encode("能力\" OR *:*", StandardCharsets.UTF_8)).get("total").asInt());
    }

    @Test
    void iriDereferencing() throws Exception {
        HttpResponse<String> page = get("/id/mechanism/neng-li-zheng-he-ji-zhi", "Accept", "text/html");
        assertEquals(303, page.statusCode());
        assertEquals("/page/mechanism/neng-li-zheng-he-ji-zhi", page.headers().firstValue("Location").orElse(""));
        HttpResponse<String> item = get("/id/mechanism/neng-li-zheng-he-ji-zhi", "Accept", "application/json");
        assertEquals(303, item.statusCode());
        assertEquals("/api/mechanisms/neng-li-zheng-he-ji-zhi", item.headers().firstValue("Location").orElse(""));
        HttpResponse<String> turtle = get("/id/mechanism/neng-li-zheng-he-ji-zhi", "Accept", "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        var g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParser.fromString(turtle.body(), org.apache.jena.riot.Lang.TURTLE).parse(g);
        assertTrue(g.contains(org.apache.jena.graph.Node.ANY, org.nqpfkg.loader.Vocab.nif("anchorOf"), org.apache.jena.graph.Node.ANY),
                "evidence spans come with their quotes");
        assertProblem(get("/id/mechanism/no-such-thing", "Accept", "text/turtle"), 404);
    }

    @Test
    void httpDetails() throws Exception {
        HttpResponse<String> bad = get("/api/mechanisms?level=" + URLEncoder.encode("员工", StandardCharsets.UTF_8));
        assertProblem(bad, 400);
        assertTrue(bad.body().contains("员工"), "problem details are UTF-8: " + bad.body());
        HttpRequest head = HttpRequest.newBuilder(URI.create(base + "/api/mechanisms/no-such")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(404, TestSupport.HTTP.send(head, HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/mechanisms")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertEquals(405, TestSupport.HTTP.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
        String plain = get("/api/mechanisms").headers().firstValue("ETag").orElseThrow();
        String zipped = get("/api/mechanisms", "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(plain, zipped, "a strong ETag differs between content codings");
        assertEquals(304, get("/api/mechanisms", "Accept-Encoding", "gzip", "If-None-Match", zipped).statusCode());
        assertTrue(get("/api/levels").headers().firstValue("Vary").orElse("").contains("Origin"));
    }
}
