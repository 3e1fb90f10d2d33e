package org.nqpfkg.server.api;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The response cache on its own: byte bound, LRU order, oversize answers, store versions, shared renderings. */
class ResponseCacheTest {
    final AtomicLong version = new AtomicLong(1);
    final AtomicInteger renders = new AtomicInteger();

    ResponseCache cache(long budget) { return new ResponseCache(budget, version::get, new RenderLimit(4)); }

    /** A renderer that counts its calls and makes a 200 body of {@code size} bytes. */
    Supplier<ResponseCache.Entry> body(int size) {
        return () -> {
            renders.incrementAndGet();
            return Responses.entry(200, "application/json", new byte[size]);
        };
    }

    static long weight(String key, int size) { return ResponseCache.weight(key, Responses.entry(200, "application/json", new byte[size])); }

    @Test
    void aHitIsNotRenderedAgainAndIsCountedInBytes() {
        ResponseCache c = cache(1 << 20);
        ResponseCache.Entry first = c.get("a", body(1000));
        assertSame(first, c.get("a", body(1000)));
        assertEquals(1, renders.get());
        assertEquals(weight("a", 1000), c.bytes());
        assertTrue(c.bytes() > 1000, "the key and a fixed overhead count too");
        assertEquals(1, c.entries());
    }

    @Test
    void evictsTheLeastRecentlyUsedFirst() {
        long w = weight("a", 10_000);
        ResponseCache c = cache(24 * w + w / 2);  // room for 24 such entries, not 25 (each well under 1/8 of it)
        for (int i = 0; i < 24; i++) c.get("k" + (char) ('a' + i), body(10_000));
        assertEquals(24, c.entries());
        c.get("ka", body(10_000));  // ka is now the most recently used; kb the least
        int before = renders.get();
        c.get("kz", body(10_000));  // one more: the least recently used goes
        assertEquals(24, c.entries());
        assertTrue(c.bytes() <= c.budget());
        c.get("ka", body(10_000));
        assertEquals(before + 1, renders.get(), "ka was kept: it had just been used");
        c.get("kb", body(10_000));
        assertEquals(before + 2, renders.get(), "kb was evicted: it was the least recently used");
    }

    @Test
    void anEntryOverAnEighthOfTheBudgetIsNeverCached() {
        ResponseCache c = cache(80_000);
        c.get("small", body(5_000));
        long small = c.bytes();
        c.get("big", body(10_000));  // 10 000 + key + overhead > 80 000 / 8
        c.get("big", body(10_000));
        assertEquals(3, renders.get(), "the large answer is rendered every time");
        assertEquals(small, c.bytes(), "and it neither counts nor pushes out what is cached");
        assertEquals(1, c.entries());
    }

    @Test
    void aNewStoreVersionEmptiesIt() {
        ResponseCache c = cache(1 << 20);
        c.get("a", body(100));
        c.get("b", body(100));
        assertEquals(2, c.entries());
        version.incrementAndGet();
        c.get("a", body(100));
        assertEquals(3, renders.get(), "rendered again for the new version");
        assertEquals(1, c.entries());
        assertEquals(weight("a", 100), c.bytes());
    }

    @Test
    void onlySuccessfulAnswersAreKept() {
        ResponseCache c = cache(1 << 20);
        assertNull(c.get("missing", () -> null));
        c.get("gone", () -> Responses.entry(404, "application/json", new byte[10]));
        assertThrows(Problem.class, () -> c.get("bad", () -> { throw Problem.badRequest("no"); }));
        assertEquals(0, c.entries());
        assertEquals(0, c.bytes());
    }

    @Test
    void zeroTurnsItOff() {
        ResponseCache c = cache(0);
        c.get("a", body(10));
        c.get("a", body(10));
        assertEquals(2, renders.get());
        assertEquals(0, c.bytes());
    }

    @Test
    void theBoundHoldsWhateverTheSizesAndOrder() {
        ResponseCache c = cache(200_000);
        Random random = new Random(8);
        for (int i = 0; i < 5_000; i++) {
            c.get("key " + random.nextInt(400), body(random.nextInt(40_000)));
            assertTrue(c.bytes() <= 200_000, "bytes " + c.bytes() + " after " + i);
            if (i % 1000 == 999) version.incrementAndGet();
        }
        assertTrue(c.entries() > 5, "it still caches: " + c.entries());
    }

    @Test
    void concurrentRequestsForOneKeyShareOneRendering() throws Exception {
        ResponseCache c = cache(1 << 20);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<ResponseCache.Entry> slow = () -> {
            renders.incrementAndGet();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Responses.entry(200, "application/json", new byte[1000]);
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ResponseCache.Entry>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> c.get("same", slow)));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 7; i++) answers.add(pool.submit(() -> c.get("same", slow)));
            Thread.sleep(100);  // let the others reach the cache while the first still renders
            release.countDown();
            ResponseCache.Entry first = answers.get(0).get(10, TimeUnit.SECONDS);
            for (Future<ResponseCache.Entry> a : answers) assertSame(first, a.get(10, TimeUnit.SECONDS));
            assertEquals(1, renders.get(), "one rendering for eight requests");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestOfAnOlderVersionLeavesTheNewerCacheAlone() {
        long[] seen = {2};
        ResponseCache c = new ResponseCache(1 << 20, () -> seen[0], new RenderLimit(4));
        c.get("a", body(100));
        seen[0] = 1;  // as if this request read the version just before a load bumped it
        c.get("b", body(100));
        seen[0] = 2;
        c.get("a", body(100));
        assertEquals(2, renders.get(), "a is still cached; b was rendered but not kept");
        assertEquals(1, c.entries());
    }

    @Test
    void theRenderLimitTurnsAwayWhatWaitsTooLong() throws Exception {
        RenderLimit limit = new RenderLimit(1, Duration.ofMillis(200));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> limit.run(() -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        try {
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            Problem busy = assertThrows(Problem.class, () -> limit.run(() -> "never"));
            assertEquals(503, busy.status());
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        assertEquals("now", limit.run(() -> "now"), "the permit is back once the rendering ends");
    }
}
