package org.nqpfkg.server.doors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Keeps cheap queries answering while expensive ones run. Any query may start (up to a cap on queries at
 * once); one still running after {@link DoorSettings#LONG_QUERY_MILLIS} is expensive and needs one of a few
 * long-query slots to go on. Without a free slot it is cancelled, and its client told the server is busy
 * with long queries. So however many expensive queries arrive, only a few hold the cores, and a cheap query
 * never waits behind them.
 */
public final class QueryLanes implements AutoCloseable {
    /** Thrown when a query cannot start: too many at once. */
    public static final class Busy extends RuntimeException {
        Busy(String message) { super(message); }
    }

    private final Semaphore running;
    private final Semaphore longSlots;
    private final int maxQueries;
    private final Map<QueryExec, Execution> executions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;

    /** One running query; its lock keeps the watchdog and the query's own end from racing over its slot. */
    private static final class Execution {
        final long started = System.nanoTime();
        boolean longSlot;
        boolean cancelled;
        boolean finished;
    }

    public QueryLanes(int longQueries, int maxQueries) {
        this.running = new Semaphore(maxQueries);
        this.longSlots = new Semaphore(longQueries);
        this.maxQueries = maxQueries;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "query-lanes");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::sweep, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Call before a query starts; pair with {@link #finished}. */
    public void start(QueryExec exec) {
        if (!running.tryAcquire()) throw new Busy(maxQueries + " queries are running; try again shortly");
        executions.put(exec, new Execution());
    }

    /** Call when the query is done; returns whether it was cancelled for want of a long-query slot. */
    public boolean finished(QueryExec exec) {
        Execution e = executions.remove(exec);
        if (e == null) return false;
        synchronized (e) {
            e.finished = true;
            if (e.longSlot) longSlots.release();
        }
        running.release();
        return e.cancelled;
    }

    private void sweep() {
        long limit = TimeUnit.MILLISECONDS.toNanos(DoorSettings.LONG_QUERY_MILLIS);
        for (Map.Entry<QueryExec, Execution> entry : executions.entrySet()) {
            Execution e = entry.getValue();
            synchronized (e) {
                if (e.finished || e.longSlot || e.cancelled || System.nanoTime() - e.started < limit) continue;
                if (longSlots.tryAcquire()) e.longSlot = true;
                else e.cancelled = true;
            }
            if (e.cancelled) entry.getKey().abort();
        }
    }

    @Override
    public void close() { watchdog.shutdownNow(); }
}
