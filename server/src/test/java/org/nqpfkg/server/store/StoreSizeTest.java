package org.nqpfkg.server.store;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Store counts: read at once, redone once per version in the background, never on the reader's thread. */
class StoreSizeTest {
    final AtomicLong version = new AtomicLong(1);
    final AtomicInteger counts = new AtomicInteger();

    @Test
    void aReaderNeverWaitsForACount() throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (StoreSize size = new StoreSize(version::get, () -> {
            counts.incrementAndGet();
            counting.countDown();
            await(release);
            return new StoreSize.Counts(10, 1);
        })) {
            long t0 = System.nanoTime();
            assertNull(size.latest(), "nothing counted yet, and the reader does not wait for it");
            assertTrue(counting.await(10, TimeUnit.SECONDS), "a background count started");
            for (int i = 0; i < 100; i++) assertNull(size.latest());
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
            release.countDown();
            StoreSize.Snapshot s = eventually(size, 1);
            assertEquals(new StoreSize.Snapshot(1, 10, 1), s);
            assertEquals(1, counts.get(), "a hundred readers during one count asked for no other");
        }
    }

    @Test
    void countsOncePerVersion() throws Exception {
        AtomicLong quads = new AtomicLong(5);
        try (StoreSize size = new StoreSize(version::get, () -> {
            counts.incrementAndGet();
            return new StoreSize.Counts(quads.get(), 0);
        })) {
            assertEquals(5, size.count().quads());
            for (int i = 0; i < 50; i++) assertEquals(5, size.latest().quads());
            assertEquals(1, counts.get(), "the store did not change: no recount");
            quads.set(7);
            version.incrementAndGet();
            assertEquals(1, size.latest().version(), "the old count answers while the new one runs");
            assertEquals(7, eventually(size, 2).quads());
            assertEquals(2, counts.get());
        }
    }

    private static StoreSize.Snapshot eventually(StoreSize size, long version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            StoreSize.Snapshot s = size.latest();
            if (s != null && s.version() == version) return s;
            Thread.sleep(10);
        }
        throw new AssertionError("no count of version " + version);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
