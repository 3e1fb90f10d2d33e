package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus side of the facade over real HTTP: a document's mentions, every item's mentionedIn, dated
 * targets and what a document names. The store holds the seed paper and the invented opinion and news
 * texts of the loader's genre tests.
 */
class CorpusFacadeTest {
    static final Path GENRES = Path.of("../loader/src/test/resources/genres");
    @TempDir static Path dir;
    static ServedStore served;

    @BeforeAll
    static void start() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        for (String f : List.of("opinion.txt", "opinion.meta.json", "tv-news.txt")) Files.copy(GENRES.resolve(f), docs.resolve(f));
        served = ServedStore.of(dir, List.of(Path.of("../seeds"), docs));
    }

    @AfterAll
    static void stop() { served.close(); }

    static JsonNode json(String path) throws Exception { return served.json(path); }

    static void assertProblem(String path, int status) throws Exception { served.assertProblem(path, status); }

    @Test
    void aDocumentsMentionsArePagedWithTheirConceptQuoteOffsetsAndMatch() throws Exception {
        JsonNode all = json("/api/documents/tv-news/mentions?limit=1000");
        int total = all.get("total").asInt();
        assertTrue(total >= 10, all.toString());
        assertEquals(total, all.get("items").size());
        String text = served.get("/api/documents/tv-news/text").body();
        int previous = -1;
        for (JsonNode m : all.get("items")) {
            JsonNode c = m.get("concept");
            for (String f : List.of("kind", "id", "iri", "label")) assertTrue(c.has(f), f + " in " + m);
            int start = m.get("start").asInt();
            int end = m.get("end").asInt();
            assertEquals(m.get("quote").asText(), text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)));
            assertTrue(List.of("label", "alias", "head").contains(m.get("match").asText()));
            assertTrue(start >= previous, "in text order");
            previous = start;
        }
        JsonNode page = json("/api/documents/tv-news/mentions?limit=2&offset=1");
        assertEquals(2, page.get("items").size());
        assertEquals(all.get("items").get(1), page.get("items").get(0));
        JsonNode orgs = json("/api/documents/tv-news/mentions?kind=organization");
        assertTrue(orgs.get("total").asInt() >= 1);
        orgs.get("items").forEach(m -> assertEquals("organization", m.get("concept").get("kind").asText()));
        assertProblem("/api/documents/no-such-document/mentions", 404);
        assertProblem("/api/documents/tv-news/mentions?kind=planet", 400);
        assertProblem("/api/documents/tv-news/mentions?limit=0", 400);
    }

    @Test
    void everyItemSaysWhichDocumentsMentionItAtMostTen() throws Exception {
        for (String kind : List.of("levels", "paths", "mechanisms", "policies", "organizations", "sectors", "documents"))
            for (JsonNode item : json("/api/" + kind + "?limit=1000").get("items")) {
                JsonNode m = item.get("mentionedIn");
                assertNotNull(m, kind + " " + item.get("id"));
                assertTrue(m.get("documents").size() <= 10);
                assertEquals(Math.min(10, m.get("documentCount").asInt()), m.get("documents").size());
                int sum = 0;
                for (JsonNode d : m.get("documents")) {
                    assertTrue(d.has("id") && d.has("title") && d.get("count").asInt() >= 1, d.toString());
                    sum += d.get("count").asInt();
                }
                assertTrue(sum <= m.get("total").asInt());
            }
        JsonNode chain = json("/api/paths/chan-ye-lian-lu-jing").get("mentionedIn");
        assertTrue(chain.get("documentCount").asInt() >= 2, "the seed and the opinion both name 产业链: " + chain);
    }

    @Test
    void organisationsADocumentNamesIncludeTheOnesItOnlyMentions() throws Exception {
        JsonNode orgs = json("/api/organizations?document=tv-news&limit=1000");
        assertTrue(orgs.get("items").findValuesAsText("id").contains("hua-wei"), orgs.toString());
        assertProblem("/api/organizations?document=Not%20A%20Slug", 400);
    }

    @Test
    void targetsAreFilteredByDocumentYearAndHorizon() throws Exception {
        JsonNode all = json("/api/targets?limit=1000");
        assertEquals(all.get("total").asInt(), all.get("items").size());
        for (JsonNode t : all.get("items")) {
            for (String f : List.of("id", "year", "label", "value", "horizon", "document", "evidence")) assertTrue(t.has(f), f + " in " + t);
            assertTrue(t.get("year").isInt(), t.toString());
        }
        JsonNode y2027 = json("/api/targets?year=2027");
        y2027.get("items").forEach(t -> assertEquals(2027, t.get("year").asInt()));
        JsonNode none = json("/api/targets?document=tv-news");
        assertEquals(0, none.get("total").asInt(), "a news transcript states no dated target");
        assertProblem("/api/targets?horizon=forever", 400);
        assertProblem("/api/targets?year=abc", 400);
    }

    @Test
    void openApiDescribesMentionsTargetsAndMentionedIn() throws Exception {
        JsonNode api = json("/openapi.json");
        assertTrue(api.get("paths").has("/api/documents/{id}/mentions"));
        assertTrue(api.get("paths").has("/api/targets"));
        JsonNode schemas = api.get("components").get("schemas");
        for (String s : List.of("Mention", "Target", "MentionedIn")) assertTrue(schemas.has(s), s);
        assertTrue(schemas.get("Mechanism").get("properties").has("mentionedIn"));
        assertTrue(api.get("paths").has("/api/queries/corroboration") && api.get("paths").has("/api/queries/documents-mentioning"));
    }
}
