package org.nqpfkg.server.store;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work done on a thread of its own beside the store's writer thread, within the writer's transaction: the
 * writer waits for it before it commits or aborts. Its time is its own, however long the writer took.
 */
final class Beside<T> {
    private final FutureTask<T> task;
    private volatile double millis;

    private Beside(Callable<T> work) {
        this.task = new FutureTask<>(() -> {
            long t0 = System.nanoTime();
            try {
                return work.call();
            } finally {
                millis = (System.nanoTime() - t0) / 1e6;
            }
        });
    }

    static <T> Beside<T> start(String threadName, Callable<T> work) {
        Beside<T> beside = new Beside<>(work);
        Thread t = new Thread(beside.task, threadName);
        t.setDaemon(true);
        t.start();
        return beside;
    }

    /** Waits until the work has finished, whether it succeeded or not. */
    void awaitQuietly() {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;   // the work must still be waited for: it writes into the writer's transaction
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** What the work returned, waiting for it; what it threw, thrown again here. */
    T result() {
        awaitQuietly();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + e.getMessage());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** How long the work took, once it has finished. */
    double millis() { return millis; }
}
