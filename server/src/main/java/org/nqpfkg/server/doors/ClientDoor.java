package org.nqpfkg.server.doors;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first thing every request meets on either port, before routing and before Jetty checks a password:
 * the security headers, a per-client request rate (429 with {@code Retry-After} past it), and a throttle on
 * guessing the admin password (after a few wrong ones, a client's credentials are refused for a while that
 * doubles with every further wrong one). A client is an IP address; behind a proxy that is the proxy.
 */
public final class ClientDoor extends Handler.Wrapper {
    /** Clients remembered at once: the maps are bounded, so a flood of addresses cannot fill the heap. */
    private static final int CLIENTS = 10_000;
    private static final long MAX_LOCKOUT_SECONDS = 15 * 60;

    private final RateLimiterConfig rate;
    private final int passwordTries;
    private final Cache<String, RateLimiter> limiters = CacheFactory.createCache(CLIENTS);
    private final Cache<String, PasswordFailures> failures = CacheFactory.createCache(CLIENTS);

    private final java.util.function.IntSupplier sparqlPort;

    /** @param sparqlPort where pages of this service may send SPARQL queries (the query editor), read per request */
    public ClientDoor(DoorSettings settings, java.util.function.IntSupplier sparqlPort) {
        this.sparqlPort = sparqlPort;
        this.rate = settings.requestsPerSecond() == 0 ? null : RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
        this.passwordTries = settings.passwordTries();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.add(response.getHeaders(), SecurityHeaders.csp(sparqlPort.getAsInt()));
        String client = Request.getRemoteAddr(request);
        if (rate != null) {
            RateLimiter limiter = limiters.get(client, c -> RateLimiter.of("client", rate));
            if (!limiter.acquirePermission())
                return refuse(response, callback, 429, "Too many requests",
                        "more than " + rate.getLimitForPeriod() + " requests per second from " + client + "; slow down", 1);
        }
        if (!request.getHeaders().contains(HttpHeader.AUTHORIZATION)) return super.handle(request, response, callback);
        PasswordFailures f = failures.getIfPresent(client);
        long wait = f == null ? 0 : f.secondsLocked();
        if (wait > 0)
            return refuse(response, callback, 429, "Too many wrong passwords",
                    "credentials from " + client + " are refused for " + wait + " s after repeated wrong passwords", wait);
        return super.handle(request, response, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                count(client, response.getStatus());
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                count(client, response.getStatus());
                super.failed(x);
            }
        });
    }

    private void count(String client, int status) {
        if (status == 401) failures.get(client, c -> new PasswordFailures(passwordTries)).failed();
        else if (status < 400) failures.remove(client);
    }

    private static boolean refuse(Response response, Callback callback, int status, String title, String detail, long retryAfter) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, retryAfter)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** Wrong passwords from one client: after {@code tries} of them, a lockout of 1 s, then 2, 4 … up to 15 minutes. */
    private static final class PasswordFailures {
        private final int tries;
        private int wrong;
        private long lockedUntilNanos;

        PasswordFailures(int tries) { this.tries = tries; }

        synchronized void failed() {
            wrong++;
            if (wrong >= tries) {
                long seconds = Math.min(MAX_LOCKOUT_SECONDS, 1L << Math.min(20, wrong - tries));
                lockedUntilNanos = System.nanoTime() + seconds * 1_000_000_000L;
            }
        }

        synchronized long secondsLocked() {
            long left = lockedUntilNanos - System.nanoTime();
            return left <= 0 ? 0 : (left + 999_999_999L) / 1_000_000_000L;
        }
    }
}
