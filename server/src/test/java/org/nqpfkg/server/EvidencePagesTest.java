package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence summaries on items and links, and the paged evidence behind them, over real HTTP on the seed. */
class EvidencePagesTest {
    @TempDir static java.nio.file.Path dir;
    static ServedStore served;
    static final String MECHANISM = "/api/mechanisms/neng-li-zheng-he-ji-zhi";

    @BeforeAll
    static void start() throws Exception { served = ServedStore.of(dir, List.of(java.nio.file.Path.of("../seeds"))); }

    @AfterAll
    static void stop() { served.close(); }

    static JsonNode json(String path) throws Exception { return served.json(path); }

    static void assertProblem(String path, int status) throws Exception { served.assertProblem(path, status); }

    @Test
    void anItemsSummaryCountsItsEvidenceAndItsPagesHoldItAll() throws Exception {
        JsonNode summary = json(MECHANISM).get("evidence");
        int count = summary.get("count").asInt();
        assertTrue(count >= 2, summary.toString());
        assertEquals(MECHANISM + "/evidence", summary.get("href").asText());
        JsonNode all = json(summary.get("href").asText() + "?limit=1000");
        assertEquals(count, all.get("total").asInt());
        assertEquals(count, all.get("items").size());
        List<String> quotes = new ArrayList<>();
        all.get("items").forEach(e -> quotes.add(e.get("quote").asText()));
        summary.get("quotes").forEach(q -> assertTrue(quotes.contains(q.get("quote").asText()), "a summary quote is one of the evidence"));
        assertEquals(all.get("items").get(0).get("start").asInt(), summary.get("quotes").get(0).get("start").asInt(),
                "one document: the earliest quote (where it is defined) comes first");
        // pages: two halves give the whole, in order
        JsonNode first = json(MECHANISM + "/evidence?limit=1");
        JsonNode rest = json(MECHANISM + "/evidence?limit=1000&offset=1");
        assertEquals(all.get("items").get(0), first.get("items").get(0));
        assertEquals(count - 1, rest.get("items").size());
        assertEquals(count, json(MECHANISM + "/evidence?document=ai-new-quality-productive-forces").get("total").asInt());
        assertEquals(0, json(MECHANISM + "/evidence?document=another-document").get("total").asInt());
    }

    @Test
    void aLinksSummaryPagesTheLinksEvidence() throws Exception {
        JsonNode policy = json(MECHANISM).get("policies").get(0);
        JsonNode summary = policy.get("evidence");
        String href = summary.get("href").asText();
        assertEquals(MECHANISM + "/links/addresses/" + policy.get("id").asText() + "/evidence", href);
        JsonNode page = json(href);
        assertEquals(summary.get("count").asInt(), page.get("total").asInt());
        assertTrue(page.get("items").get(0).get("quote").asText().contains("能力整合机制"));
        JsonNode level = json(MECHANISM).get("level");
        assertEquals(level.get("evidence").get("count").asInt(), json(level.get("evidence").get("href").asText()).get("total").asInt());
    }

    @Test
    void everyListItemAndNestedReferenceCarriesASummaryOfAtMostThreeQuotes() throws Exception {
        for (String kind : List.of("levels", "paths", "mechanisms", "policies", "organizations", "sectors", "documents"))
            for (JsonNode item : json("/api/" + kind + "?limit=1000").get("items")) {
                assertTrue(item.get("evidence").get("quotes").size() <= 3);
                item.fields().forEachRemaining(f -> {
                    JsonNode v = f.getValue();
                    List<JsonNode> refs = new ArrayList<>();
                    if (v.isArray()) v.forEach(refs::add);
                    else if (v.isObject() && v.has("id")) refs.add(v);
                    for (JsonNode r : refs)
                        if (r.has("evidence")) {
                            assertTrue(r.get("evidence").isObject(), kind + " " + f.getKey() + ": " + r);
                            assertTrue(r.get("evidence").get("quotes").size() <= 3);
                        }
                });
            }
    }

    @Test
    void missingThingsAndBadParametersAreProblems() throws Exception {
        assertProblem("/api/mechanisms/no-such-mechanism/evidence", 404);
        assertProblem(MECHANISM + "/links/addresses/no-such-policy/evidence", 404);
        assertProblem(MECHANISM + "/links/not-a-rel!/x/evidence", 400);
        assertProblem(MECHANISM + "/evidence?limit=0", 400);
        assertProblem(MECHANISM + "/evidence?document=Bad%20Id", 400);
        assertProblem("/api/planets/x/evidence", 404);
    }
}
