package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.api.ResponseCache;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/** A small byte budget under hundreds of distinct large answers, several at a time: every answer is right and the cache stays in bounds. */
class CacheBoundTest {
    static final long BUDGET = 256 * 1024;

    @TempDir static Path dir;
    static KnowledgeStore store;
    static KgServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled());
        SourceLoad load = new SourceLoad(LoadOptions.defaults(), new java.io.PrintWriter(new java.io.StringWriter()));
        load.commit(store, load.read(List.of(Path.of("../seeds"))));
        server = KgServer.builder(store).port(0).sparqlPort(TestSupport.freePort())
                .doors(org.nqpfkg.server.doors.DoorSettings.defaults().withRequestsPerSecond(0))
                .cacheBytes(BUDGET).renderLimit(2).build().start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    /** Distinct requests whose answers range from a few KB to well over the largest cacheable entry (BUDGET / 8). */
    static List<String> requests() {
        List<String> paths = new ArrayList<>();
        for (int limit = 1; limit <= 10; limit++)
            for (int offset = 0; offset < 10; offset++) paths.add("/api/mechanisms?limit=" + limit + "&offset=" + offset);
        for (int limit = 2; limit <= 14; limit += 2)
            for (int offset = 0; offset < 7; offset++) paths.add("/api/paths?limit=" + limit + "&offset=" + offset);
        for (int limit = 1; limit <= 11; limit += 2)
            for (int offset = 0; offset < 10; offset++) paths.add("/api/organizations?limit=" + limit + "&offset=" + offset);
        for (String q : List.of("人工智能", "新质生产力", "企业", "产业", "能力"))
            for (int limit : new int[] {10, 50, 100})
                for (int offset : new int[] {0, 10}) paths.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=" + limit + "&offset=" + offset);
        for (int limit : new int[] {20, 50, 100, 200})
            for (int offset = 0; offset <= 100; offset += 25)
                paths.add("/api/queries/document-statements?document=ai-new-quality-productive-forces&limit=" + limit + "&offset=" + offset);
        for (int limit : new int[] {50, 100, 200, 500})
            for (int offset = 0; offset <= 500; offset += 100)
                paths.add("/api/documents/ai-new-quality-productive-forces/mentions?limit=" + limit + "&offset=" + offset);
        return paths;
    }

    @Test
    void staysWithinItsByteBudgetUnderManyLargeDistinctAnswers() throws Exception {
        ResponseCache cache = server.responseCache();
        assertEquals(BUDGET, cache.budget());
        List<String> paths = requests();
        assertTrue(paths.size() >= 250, "hundreds of distinct requests: " + paths.size());
        Map<String, Integer> sizes = new ConcurrentHashMap<>();
        AtomicLong most = new AtomicLong();
        // Then some again: hits, and misses of what was evicted meanwhile.
        List<String> sequence = new ArrayList<>(paths);
        sequence.addAll(paths.subList(0, 40));
        sequence.addAll(paths.subList(paths.size() - 40, paths.size()));
        ExecutorService clients = Executors.newFixedThreadPool(4);  // more clients than renders (2): some wait their turn
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {  // reads the size all along, not only between answers
            while (running.get()) {
                most.accumulateAndGet(cache.bytes(), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
        });
        watcher.start();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String path : sequence)
                done.add(clients.submit(() -> {
                    HttpResponse<String> r = TestSupport.get(base + path);
                    assertEquals(200, r.statusCode(), path + ": " + r.body());
                    sizes.put(path, r.body().getBytes(StandardCharsets.UTF_8).length);
                    assertTrue(cache.bytes() <= BUDGET, "cache holds " + cache.bytes() + " bytes after " + path);
                    return null;
                }));
            for (Future<?> f : done) f.get(5, TimeUnit.MINUTES);
        } finally {
            running.set(false);
            watcher.join();
            clients.shutdownNow();
        }
        assertTrue(most.get() <= BUDGET, "the cache never held more than its budget; at most " + most.get());
        long cacheable = sizes.values().stream().filter(s -> s < BUDGET / 8).mapToLong(Integer::longValue).sum();
        long tooLarge = sizes.values().stream().filter(s -> s > BUDGET / 8).count();
        assertTrue(cacheable > 2 * BUDGET, "the cacheable answers (" + cacheable + " bytes) are more than it can hold, so it had to evict");
        assertTrue(tooLarge > 0, "some answers are too large to cache: " + sizes);
        assertTrue(most.get() > BUDGET / 2, "the cache was used: at most " + most.get() + " bytes");
        assertTrue(cache.bytes() <= BUDGET);

        JsonNode health = new ObjectMapper().readTree(TestSupport.get(base + "/api/health").body());
        assertEquals(BUDGET, health.get("cache").get("limit").asLong());
        assertTrue(health.get("cache").get("bytes").asLong() <= BUDGET, health.toString());
        assertTrue(health.get("cache").get("entries").asInt() > 0, health.toString());
    }
}
