package org.nqpfkg.server.bench;

/** Runs a measurement at a fixed interval on a daemon thread while a benchmark works; interrupt it to stop. */
final class Sampler {
    private Sampler() {}

    static Thread every(long millis, Runnable sample) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample.run();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
