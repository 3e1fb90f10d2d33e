package org.nqpfkg.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A closed-loop HTTP load: N clients each sending the next request when the last one is answered, for a fixed time. */
final class HttpLoad {
    /** Throughput (requests per second) and latency percentiles in milliseconds. */
    record Figures(double throughput, double p50, double p99, long errors) {}

    private HttpLoad() {}

    static final int TIMEOUT_SECONDS = 30;

    static Figures run(HttpRequest request, int clients, Duration warmUp, Duration measure) throws InterruptedException {
        List<List<Long>> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmEnd + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) break;
                    try {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) errors.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= warmEnd && t1 <= end) mine.add(t1 - t0);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        if (all.isEmpty()) return new Figures(0, 0, 0, errors.get());
        return new Figures(all.size() / (measure.toNanos() / 1e9), all.get(all.size() / 2) / 1e6,
                all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6, errors.get());
    }

    /** A request that gives up after {@value #TIMEOUT_SECONDS} s: such a request counts as an error, with no latency. */
    static HttpRequest get(String url, String accept) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).header("Accept-Encoding", "identity")
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).GET().build();
    }
}
