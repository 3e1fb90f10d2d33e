package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route's answers, successes and errors, checked against the OpenAPI document the facade serves: the status
 * is listed, the media type is declared, the declared headers are sent, and the body matches the schema.
 */
class OpenApiContractTest {
    static final String SEED = "ai-new-quality-productive-forces";
    static final String PASSWORD = "s3cret";
    static final String ADMIN = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final String FORM = "application/x-www-form-urlencoded";
    @TempDir static Path dir;
    static ServedStore served;
    static OpenApiContract contract;

    @BeforeAll
    static void start() throws Exception {
        served = ServedStore.of(dir, List.of(Path.of("../seeds")), PASSWORD);
        contract = new OpenApiContract(served.json("/openapi.json").toString());
    }

    @AfterAll
    static void stop() { served.close(); }

    /** One request of the tour, and the status it must answer. */
    record Call(String method, String target, int expected, String contentType, String body, String... headers) {
        static Call get(String target, int expected, String... headers) { return new Call("GET", target, expected, null, null, headers); }

        static Call reconcile(int expected, String queries) {
            return new Call("POST", "/reconcile", expected, FORM, "queries=" + URLEncoder.encode(queries, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theDocumentIsValidOpenApiWithAnOperationIdOnEveryRoute() {
        assertEquals(List.of(), contract.parsed.getMessages(), "swagger-parser reads the document without complaint");
        assertEquals("3.1.0", contract.doc.get("openapi").asText());
        assertTrue(contract.doc.get("servers").size() > 0, "servers present");
        Set<String> ids = new HashSet<>();
        contract.doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            String id = op.getValue().path("operationId").asText("");
            assertFalse(id.isEmpty(), op.getKey() + " " + p.getKey() + " has no operationId");
            assertTrue(ids.add(id), "operationId " + id + " is used twice");
            op.getValue().path("parameters").forEach(param -> {
                JsonNode schema = param.get("schema");
                if (schema != null && "integer".equals(schema.path("type").asText()) && param.path("in").asText().equals("query"))
                    assertTrue(schema.has("minimum") && schema.has("maximum"), p.getKey() + " " + param.get("name") + " has bounds");
            });
        }));
    }

    @Test
    void everyAnswerOfEveryRouteMatchesTheDocument() throws Exception {
        List<Call> calls = tour();
        List<String> failures = new ArrayList<>();
        Map<String, Set<Integer>> seen = new TreeMap<>();
        for (Call c : calls) {
            OpenApiContract.Answer a = send(c);
            if (a.status() != c.expected()) failures.add(c.method() + " " + c.target() + ": expected " + c.expected() + ", got " + a.status() + " " + a.body());
            failures.addAll(contract.check(a));
            String template = contract.template(c.target().split("\\?")[0]);
            seen.computeIfAbsent(c.method().toLowerCase(Locale.ROOT) + " " + template, k -> new TreeSet<>()).add(a.status());
        }
        assertEquals(List.of(), failures, failures.size() + " answers differ from the OpenAPI document");
        contract.doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(method -> {
            Set<Integer> statuses = seen.getOrDefault(method + " " + p.getKey(), Set.of());
            // Each named query's own path answers the successes of /api/queries/{name}.
            if (!p.getKey().equals("/api/queries/{name}"))
                assertTrue(statuses.stream().anyMatch(s -> s < 400), method + " " + p.getKey() + " is exercised with a success: " + statuses);
            assertTrue(statuses.stream().anyMatch(s -> s >= 400), method + " " + p.getKey() + " is exercised with an error: " + statuses);
        }));
    }

    @Test
    void aBrokenFieldFailsTheCheck() throws Exception {
        HttpResponse<String> r = served.get("/api/mechanisms/neng-li-zheng-he-ji-zhi");
        OpenApiContract.Answer good = answer("GET", "/api/mechanisms/neng-li-zheng-he-ji-zhi", r);
        assertEquals(List.of(), contract.check(good));
        ObjectNode broken = (ObjectNode) ServedStore.JSON.readTree(r.body());
        broken.put("label", "能力整合机制");  // a string where the document promises {"zh", "en"}
        assertFalse(contract.check(withBody(good, broken.toString())).isEmpty(), "a label of the wrong shape is caught");
        broken = (ObjectNode) ServedStore.JSON.readTree(r.body());
        broken.remove("mentionedIn");
        assertFalse(contract.check(withBody(good, broken.toString())).isEmpty(), "a missing field is caught");
        broken = (ObjectNode) ServedStore.JSON.readTree(r.body());
        broken.putNull("paths");
        assertFalse(contract.check(withBody(good, broken.toString())).isEmpty(), "a null where none is declared is caught");
        OpenApiContract.Answer unlisted = new OpenApiContract.Answer("GET", "/api/health", 418, "application/problem+json",
                Map.of(), "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":418,\"detail\":\"x\"}");
        assertFalse(contract.check(unlisted).isEmpty(), "an unlisted status is caught");
    }

    @Test
    void idsHaveTheListsFormInSearchHitsAndSections() throws Exception {
        JsonNode hits = served.json("/api/search?q=" + URLEncoder.encode("能力整合", StandardCharsets.UTF_8));
        for (JsonNode h : hits.get("items")) {
            assertTrue(h.get("sentence").asText().matches("[a-z0-9-]+") && h.get("iri").asText().endsWith("/" + h.get("sentence").asText()), h.toString());
            for (JsonNode m : h.get("mentions"))
                assertTrue(m.get("id").asText().matches("[a-z0-9-]+") && m.get("iri").asText().endsWith("/" + m.get("kind").asText() + "/" + m.get("id").asText()), m.toString());
        }
        JsonNode mechanism = hits.findValues("mentions").stream().flatMap(ms -> { List<JsonNode> l = new ArrayList<>(); ms.forEach(l::add); return l.stream(); })
                .filter(m -> m.get("kind").asText().equals("mechanism")).findFirst().orElseThrow();
        served.json("/api/mechanisms/" + mechanism.get("id").asText());  // the id a hit gives is the id the list takes
        for (JsonNode s : served.json("/api/documents/" + SEED).get("sections"))
            assertTrue(s.get("id").asText().matches("[a-z0-9-]+"), s.toString());
    }

    @Test
    void namedQueryRowsGiveNumbersAsNumbersAndReportTotal() throws Exception {
        JsonNode page = served.json("/api/queries/corroboration?limit=2");
        assertTrue(page.get("total").asLong() > 2 && page.get("hasMore").asBoolean(), page.toString());
        assertTrue(page.get("items").get(0).get("mentions").isNumber(), page.toString());
        JsonNode all = served.json("/api/queries/corroboration?limit=10000");
        assertEquals(page.get("total").asLong(), all.get("items").size(), "total counts every row");
        assertEquals(all.get("total").asLong(), all.get("items").size());
        JsonNode past = served.json("/api/queries/corroboration?offset=100000");
        assertEquals(page.get("total").asLong(), past.get("total").asLong());
    }

    /** Successes and errors of every route, on the seed. */
    static List<Call> tour() throws Exception {
        List<Call> calls = new ArrayList<>();
        calls.add(Call.get("/api/health", 200));
        calls.add(Call.get("/api/health?" + "x=".repeat(1) + "a".repeat(2100), 414));
        calls.add(Call.get("/api/health", 431, "X-Big", "b".repeat(20_000)));
        calls.add(new Call("RAW", "/api/mechanisms/%zz", 400, null, null));
        calls.add(new Call("RAW", "/api/search?q=%E8%83%BD%zz", 400, null, null));
        for (String kind : List.of("levels", "paths", "mechanisms", "policies", "organizations", "sectors", "documents")) {
            JsonNode list = served.json("/api/" + kind);
            calls.add(Call.get("/api/" + kind, 200));
            calls.add(Call.get("/api/" + kind + "?limit=2&offset=1", 200));
            calls.add(Call.get("/api/" + kind + "?limit=0", 400));
            calls.add(Call.get("/api/" + kind + "/no-such-thing", 404));
            calls.add(Call.get("/api/" + kind + "/Not_A_Slug", 400));
            for (JsonNode item : list.get("items")) {
                String id = item.get("id").asText();
                calls.add(Call.get("/api/" + kind + "/" + id, 200));
                calls.add(Call.get("/api/" + kind + "/" + id, 200, "Accept", "application/ld+json"));
            }
            String id = list.get("items").get(0).get("id").asText();
            String etag = served.get("/api/" + kind + "/" + id).headers().firstValue("ETag").orElseThrow();
            calls.add(Call.get("/api/" + kind + "/" + id, 304, "If-None-Match", etag));
            if (kind.equals("documents")) continue;
            calls.add(Call.get("/api/" + kind + "/no-such-thing/evidence", 404));
            calls.add(Call.get("/api/" + kind + "/" + id + "/evidence?limit=1001", 400));
            calls.add(Call.get("/api/" + kind + "/" + id + "/links/not-a-rel/x/evidence", 400));
            calls.add(Call.get("/api/" + kind + "/" + id + "/links/level/no-such-thing/evidence", 404));
            for (JsonNode item : list.get("items")) {
                calls.add(Call.get(item.get("evidence").get("href").asText() + "?limit=2", 200));
                item.findValues("href").stream().map(JsonNode::asText).filter(h -> h.contains("/links/")).findFirst()
                        .ifPresent(h -> calls.add(Call.get(h + "?document=" + SEED, 200)));
            }
        }
        calls.add(Call.get("/api/levels?level=employee", 400));
        calls.add(Call.get("/api/mechanisms?level=employee&horizon=short", 200));
        calls.add(Call.get("/api/mechanisms?level=planet", 400));
        calls.add(Call.get("/api/documents/" + SEED + "/text", 200));
        calls.add(Call.get("/api/documents/no-such-document/text", 404));
        calls.add(Call.get("/api/documents/" + SEED + "/mentions?limit=50", 200));
        calls.add(Call.get("/api/documents/" + SEED + "/mentions?kind=organization", 200));
        calls.add(Call.get("/api/documents/" + SEED + "/mentions?kind=planet", 400));
        calls.add(Call.get("/api/documents/no-such-document/mentions", 404));
        calls.add(Call.get("/api/targets", 200));
        calls.add(Call.get("/api/targets?horizon=short&year=2027", 200));
        calls.add(Call.get("/api/targets?year=1", 400));
        calls.add(Call.get("/api/search?q=" + URLEncoder.encode("能力整合", StandardCharsets.UTF_8), 200));
        calls.add(Call.get("/api/search?q=" + URLEncoder.encode("灯塔工厂 海尔", StandardCharsets.UTF_8) + "&limit=5", 200));
        calls.add(Call.get("/api/search?q=zzzzqqq", 200));
        calls.add(Call.get("/api/search", 400));
        calls.add(Call.get("/api/search?q=x&limit=101", 400));
        calls.add(Call.get("/api/queries", 200));
        calls.add(Call.get("/api/queries?x=" + "a".repeat(2100), 414));
        calls.add(Call.get("/api/queries/no-such-query", 404));
        Map<String, String> samples = Map.of("thing", "https://w3id.org/nqpf-kg/id/mechanism/neng-li-zheng-he-ji-zhi", "theory", "ren-li-zi-ben-li-lun","level", "enterprise", "mechanism", "neng-li-zheng-he-ji-zhi", "document", SEED,
                "concept", "https://w3id.org/nqpf-kg/id/path/chan-ye-lian-lu-jing", "path", "ying-xiao-lu-jing", "lang", "en",
                "policy", "pei-xun-yu-ji-neng-ti-sheng-zheng-ce", "text", "能力");
        for (JsonNode q : served.json("/api/queries").get("items")) {
            String name = q.get("name").asText();
            StringBuilder args = new StringBuilder();
            for (JsonNode p : q.get("params"))
                if (p.get("required").asBoolean()) {
                    String v = samples.get(p.get("name").asText());
                    assertNotNull(v, "a sample value for " + name + "'s " + p.get("name"));
                    args.append(args.length() == 0 ? "?" : "&").append(p.get("name").asText()).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            String base = "/api/queries/" + name + args;
            String sep = args.length() == 0 ? "?" : "&";
            calls.add(Call.get(base, 200));
            calls.add(Call.get(base + sep + "limit=2", 200));
            calls.add(Call.get(base, 200, "Accept", "text/csv"));
            calls.add(Call.get(base, 200, "Accept", "application/sparql-results+json"));
            calls.add(Call.get(base, 406, "Accept", "image/png"));
            calls.add(Call.get(base + sep + "no-such-parameter=1", 400));
            calls.add(Call.get(base + sep + "limit=10001", 400));
        }
        calls.add(Call.get("/id/mechanism/neng-li-zheng-he-ji-zhi", 200, "Accept", "text/turtle"));
        calls.add(Call.get("/id/mechanism/neng-li-zheng-he-ji-zhi", 200, "Accept", "application/ld+json"));
        calls.add(Call.get("/id/mechanism/neng-li-zheng-he-ji-zhi", 200, "Accept", "application/n-triples"));
        calls.add(Call.get("/id/mechanism/neng-li-zheng-he-ji-zhi", 303, "Accept", "text/html"));
        calls.add(Call.get("/id/mechanism/no-such-thing", 404, "Accept", "text/turtle"));
        calls.add(Call.get("/id/mechanism/neng-li-zheng-he-ji-zhi", 200, "Accept", "application/rdf+xml"));
        calls.add(Call.get("/id/mechanism/neng-li-zheng-he-ji-zhi", 406, "Accept", "image/png"));
        for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", "text/html"))
            for (String path : List.of("/ontology", "/vocab/term/artificial-intelligence", "/context.jsonld", "/.well-known/void"))
                calls.add(Call.get(path, 200, "Accept", type));
        for (String path : List.of("/ontology", "/vocab/term/artificial-intelligence", "/context.jsonld", "/.well-known/void"))
            calls.add(Call.get(path, 406, "Accept", "image/png"));
        calls.add(Call.get("/vocab/term/no-such-term", 404, "Accept", "text/turtle"));
        calls.add(Call.get("/dumps/nqpf-kg.nq.gz", 200));
        calls.add(Call.get("/dumps/everything.zip", 404));
        calls.add(Call.get("/reconcile", 200));
        calls.add(Call.get("/reconcile?queries=" + URLEncoder.encode("{\"q0\":{\"query\":\"华为\",\"type\":\"Organization\"},\"q1\":{\"query\":\"金融\"}}",
                StandardCharsets.UTF_8), 200));
        calls.add(Call.get("/reconcile?queries=" + URLEncoder.encode("{\"q0\":{\"query\":\"华为\",\"type\":\"Planet\"}}", StandardCharsets.UTF_8), 400));
        calls.add(Call.reconcile(200, "{\"q0\":{\"query\":\"Huawei\",\"limit\":2}}"));
        calls.add(Call.reconcile(400, "not json"));
        calls.add(Call.reconcile(413, "{\"q0\":{\"query\":\"" + "华".repeat(10_000) + "\"}}"));
        String text = "一、引言\n人工智能通过能力整合机制促进员工新质生产力涌现。\n";
        calls.add(new Call("POST", "/api/documents?name=note.txt", 401, "text/plain; charset=utf-8", text));
        calls.add(new Call("POST", "/api/documents?name=note.txt", 201, "text/plain; charset=utf-8", text, "Authorization", ADMIN));
        calls.add(new Call("POST", "/api/documents?name=note.txt", 409, "text/plain; charset=utf-8", text, "Authorization", ADMIN));
        calls.add(new Call("PUT", "/api/documents?name=note.txt", 200, "text/plain; charset=utf-8", text + "人工智能。\n", "Authorization", ADMIN));
        calls.add(new Call("POST", "/api/documents?name=empty.txt", 400, "text/plain; charset=utf-8", "  \n", "Authorization", ADMIN));
        calls.add(new Call("PUT", "/api/documents", 400, "text/plain; charset=utf-8", text, "Authorization", ADMIN));
        calls.add(Call.get("/openapi.json", 200));
        calls.add(Call.get("/docs", 200));
        for (String page : List.of("/", "/explorer", "/sparql", "/docs", "/openapi.json")) {
            calls.add(Call.get(page, 200));
            calls.add(Call.get(page + "?x=" + "a".repeat(2100), 414));
        }
        calls.add(Call.get("/page/mechanism/neng-li-zheng-he-ji-zhi", 200));
        calls.add(Call.get("/page/mechanism/no-such-thing", 404));
        calls.add(Call.get("/read/" + SEED, 200));
        calls.add(Call.get("/read/" + SEED + "?start=61&end=287", 200));
        calls.add(Call.get("/read/" + SEED + "?start=61", 400));
        calls.add(Call.get("/read/no-such-document", 404));
        calls.add(Call.get("/list/Mechanism", 200));
        calls.add(Call.get("/list/NoSuchClass", 404));
        return calls;
    }

    static OpenApiContract.Answer send(Call c) throws Exception {
        if (c.method().equals("RAW")) return raw(c.target());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(served.base + c.target())).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < c.headers().length; i += 2) b.header(c.headers()[i], c.headers()[i + 1]);
        if (c.body() != null) b.header("Content-Type", c.contentType()).method(c.method(), HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
        HttpRequest request = b.build();
        // Each call on a connection of its own: the server closes a connection after some refused requests, and a
        // shared JDK client may take that connection from its pool before it sees the close, and get no bytes back.
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.IOException(c.method() + " " + c.target() + ": " + e.getMessage(), e);
        }
        return answer(c.method(), c.target(), r);
    }

    static OpenApiContract.Answer answer(String method, String target, HttpResponse<String> r) {
        return new OpenApiContract.Answer(method, target, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.headers().map(), r.body());
    }

    static OpenApiContract.Answer withBody(OpenApiContract.Answer a, String body) {
        return new OpenApiContract.Answer(a.method(), a.target(), a.status(), a.contentType(), a.headers(), body);
    }

    /** A request the JDK's client refuses to send (a malformed URI), written on a socket as a client might. */
    static OpenApiContract.Answer raw(String target) throws Exception {
        URI base = URI.create(served.base);
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, split).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(head[i].substring(colon + 1).strip());
            }
            String body = text.substring(split + 4);
            return new OpenApiContract.Answer("GET", target, Integer.parseInt(head[0].split(" ")[1]),
                    headers.getOrDefault("content-type", List.of("")).get(0), headers, body);
        }
    }
}
