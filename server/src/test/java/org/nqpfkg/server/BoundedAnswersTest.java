package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.server.bench.CorpusGenerator;

/**
 * With 200 varied documents and the seed in the store, every list page and every item stays under a fixed size:
 * evidence comes as summaries, nested lists are capped, mentionedIn names ten documents at most.
 */
class BoundedAnswersTest {
    static final int LIST_PAGE_BYTES = 1_000_000;
    static final int ITEM_BYTES = 40_000;
    @TempDir static Path dir;
    static ServedStore served;
    static final ObjectMapper JSON = ServedStore.JSON;

    @BeforeAll
    static void start() throws Exception {
        Path docs = dir.resolve("docs");
        CorpusGenerator.write(docs, 200, 11);
        served = ServedStore.of(dir, List.of(Path.of("../seeds"), docs));
    }

    @AfterAll
    static void stop() { served.close(); }

    @Test
    void everyListPageAndEveryItemStaysUnderAFixedSize() throws Exception {
        for (String kind : List.of("levels", "paths", "mechanisms", "policies", "organizations", "sectors", "documents")) {
            HttpResponse<String> list = served.get("/api/" + kind);
            assertEquals(200, list.statusCode());
            assertTrue(list.body().length() < LIST_PAGE_BYTES, kind + " page: " + list.body().length() + " characters");
            JsonNode items = JSON.readTree(list.body()).get("items");
            assertTrue(items.size() <= 100);
            for (JsonNode item : items) {
                HttpResponse<String> one = served.get("/api/" + kind + "/" + item.get("id").asText());
                assertTrue(one.body().length() < ITEM_BYTES, kind + "/" + item.get("id").asText() + ": " + one.body().length());
                JsonNode body = JSON.readTree(one.body());
                assertTrue(body.get("mentionedIn").get("documents").size() <= 10);
                body.fields().forEachRemaining(f -> {
                    if (f.getValue().isArray() && !f.getKey().equals("sections") && !f.getKey().equals("sameAs"))
                        assertTrue(f.getValue().size() <= 20, kind + " " + f.getKey() + " has " + f.getValue().size());
                });
            }
        }
        JsonNode level = JSON.readTree(served.get("/api/levels/industry").body());
        assertTrue(level.get("totals").isObject(), level.toString());
        assertTrue(JSON.readTree(served.get("/api/organizations").body()).get("total").asInt() > 100,
                "the corpus is large enough for paging to matter");
    }
}
