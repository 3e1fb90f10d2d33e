package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.Vocab;

/** The HTML pages over plain HTTP: every listed resource has a page, bad input gets a problem, no page carries inline script. */
class PagesTest {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*application/json)[^>]*>");

    @TempDir static Path dir;
    static ServedStore served;

    @BeforeAll
    static void start() throws Exception { served = ServedStore.of(dir, List.of(Path.of("../seeds"))); }

    @AfterAll
    static void stop() { served.close(); }

    static String html(String path) throws Exception {
        HttpResponse<String> r = served.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        assertTrue(r.headers().firstValue("ETag").isPresent(), path + " is cacheable like the API");
        assertFalse(INLINE_SCRIPT.matcher(r.body()).find(), path + " has no inline script");
        return r.body();
    }

    static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void everyListedResourceHasAPageWithItsLabels() throws Exception {
        for (String kind : List.of("levels", "paths", "mechanisms", "policies", "organizations", "sectors", "documents")) {
            JsonNode items = served.json("/api/" + kind + "?limit=1000").get("items");
            assertTrue(items.size() > 0, kind);
            for (JsonNode item : items) {
                String iri = item.get("iri").asText();
                String page = html("/page/" + iri.substring(Vocab.ID.length()));
                String zh = item.get("label").get("zh").asText();
                assertTrue(page.contains(escaped(zh)), iri + " shows its label " + zh);
                if (!item.get("label").get("en").isNull()) assertTrue(page.contains(escaped(item.get("label").get("en").asText())), iri);
                JsonNode mentioned = item.get("mentionedIn");
                if (mentioned.get("documentCount").asInt() > 0)
                    assertTrue(page.contains("/read/" + mentioned.get("documents").get(0).get("id").asText()), iri + " lists the documents mentioning it");
            }
        }
    }

    @Test
    void homeCountsWhatTheGraphHolds() throws Exception {
        String home = html("/");
        for (String[] kind : List.of(new String[] {"Mechanism", "mechanisms"}, new String[] {"Path", "paths"}, new String[] {"Policy", "policies"})) {
            int total = served.json("/api/" + kind[1] + "?limit=1").get("total").asInt();
            assertTrue(home.contains("data-kind=\"" + kind[0] + "\">" + total + "<"), kind[0] + " count " + total);
        }
        for (String link : List.of("/explorer", "/sparql", "/docs", "/dumps/", "/.well-known/void", "/read/ai-new-quality-productive-forces"))
            assertTrue(home.contains("href=\"" + link + "\""), link);
        assertTrue(html("/list/Mechanism").contains("/page/mechanism/neng-li-zheng-he-ji-zhi"));
        assertTrue(home.contains("href=\"/list/Term\""), "vocabulary terms are counted too");
        assertTrue(html("/list/Term").contains("href=\"/page/term/"));
    }

    @Test
    void readerMarksTheRequestedSpan() throws Exception {
        JsonNode quote = served.json("/api/mechanisms/neng-li-zheng-he-ji-zhi").get("evidence").get("quotes").get(0);
        String reader = html("/read/" + quote.get("document").asText() + "?start=" + quote.get("start") + "&end=" + quote.get("end"));
        assertTrue(reader.contains("id=\"target\""), "the span is marked");
        assertTrue(reader.contains("class=\"toc\""), "sections are a table of contents");
        Matcher sections = Pattern.compile("href=\"#(sec-[0-9a-z-]+)\"").matcher(reader);
        int n = 0;
        while (sections.find()) { n++; assertTrue(reader.contains("id=\"" + sections.group(1) + "\""), sections.group(1)); }
        assertTrue(n > 10, "the seed has many sections: " + n);
        served.assertProblem("/read/ai-new-quality-productive-forces?start=5", 400);
        served.assertProblem("/read/ai-new-quality-productive-forces?start=9&end=3", 400);
        served.assertProblem("/read/ai-new-quality-productive-forces?start=0&end=99999999", 400);
        served.assertProblem("/read/no-such-document", 404);
        served.assertProblem("/page/mechanism/no-such-thing", 404);
        served.assertProblem("/page/..%2F..%2Fetc", 404);
        served.assertProblem("/list/NoSuchClass", 404);
    }

    @Test
    void browsersAreSentToPages() throws Exception {
        HttpResponse<String> id = TestSupport.get(served.base + "/id/lens/capability", "Accept", "text/html,application/xhtml+xml");
        assertEquals(303, id.statusCode());
        assertEquals("/page/lens/capability", id.headers().firstValue("Location").orElse(""));
        html("/page/lens/capability");
        HttpResponse<String> root = TestSupport.get("http://127.0.0.1:" + served.server.sparqlPort() + "/", "Accept", "text/html");
        assertEquals(303, root.statusCode());
        assertEquals("http://127.0.0.1:" + served.server.port() + "/", root.headers().firstValue("Location").orElse(""));
        // The endpoint itself is untouched.
        assertEquals(200, TestSupport.get(TestSupport.sparqlGet(served.server.sparqlPort(), "ASK {}")).statusCode());
    }

    @Test
    void theQueryEditorKnowsTheEndpointThePrefixesAndTheNamedQueries() throws Exception {
        String page = html("/sparql");
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"sparql-config\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "the editor's settings are on the page");
        JsonNode config = ServedStore.JSON.readTree(m.group(1).replace("<\\/", "</"));
        assertEquals(served.server.sparqlPort(), config.get("port").asInt());
        Map<String, String> expected = org.apache.jena.query.QueryFactory.create(Vocab.PREFIXES + "ASK {}").getPrefixMapping().getNsPrefixMap();
        assertEquals(expected, ServedStore.JSON.convertValue(config.get("prefixes"), Map.class), "the prefixes kg query predefines");
        assertEquals(served.json("/api/queries").get("items").size(), config.get("queries").size());
    }
}
