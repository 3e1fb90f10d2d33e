package org.nqpfkg.server.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress lines of a load, on a clock the test moves. */
class LoadProgressTest {
    static final long SECOND = 1_000_000_000L;

    final StringWriter text = new StringWriter();
    final AtomicLong now = new AtomicLong();

    List<String> lines() { return text.toString().lines().toList(); }

    @Test
    void aLinePerBatchWithRateAndTimeLeft() {
        LoadProgress p = new LoadProgress(new PrintWriter(text), 40, now::get);
        for (int i = 0; i < 10; i++) p.skipped();
        p.batchStarted(1, 10);
        now.addAndGet(5 * SECOND);
        p.batchStarted(2, 20);   // read ahead while batch 1 is written
        p.committed(1, 10);
        assertEquals(List.of("[20/40] 50%  batch 1 committed (10 documents)  2.0 documents/s  ETA 10s"), lines(),
                "skipped documents count as done, not in the rate");
        now.addAndGet(5 * SECOND);
        p.committed(2, 20);
        p.finished();
        assertEquals(List.of("[40/40] 100%  batch 2 committed (20 documents)  3.0 documents/s  ETA 0s",
                "done: 30 loaded, 10 skipped as stored unchanged, in 10.0 s"), lines().subList(1, 3));
    }

    @Test
    void betweenBatchesAtMostOneLineASecond() {
        LoadProgress p = new LoadProgress(new PrintWriter(text), 100, now::get);
        p.batchStarted(1, 50);
        for (int i = 0; i < 50; i++) {
            now.addAndGet(SECOND / 10);
            p.read();
        }
        assertEquals(5, lines().size(), lines().toString());
        assertEquals("[0/100] 0%  batch 1: 10 of 50 read", lines().get(0));
    }

    @Test
    void oneFileSaysNothing() {
        LoadProgress p = new LoadProgress(new PrintWriter(text), 1, now::get);
        p.batchStarted(1, 1);
        now.addAndGet(3 * SECOND);
        p.read();
        p.committed(1, 1);
        p.finished();
        assertEquals("", text.toString());
    }

    @Test
    void timeLeftReadsAsMinutesAndHours() {
        assertEquals("59s", LoadProgress.duration(59));
        assertEquals("2m05s", LoadProgress.duration(125));
        assertEquals("3h07m", LoadProgress.duration(3 * 3600 + 7 * 60 + 30));
    }
}
