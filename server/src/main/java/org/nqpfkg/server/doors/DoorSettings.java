package org.nqpfkg.server.doors;

import java.util.List;

/**
 * How open the service is to the network: where it listens, how fast one client may call it, how many wrong
 * passwords it tolerates, and which remote services SPARQL may reach. The defaults are the closed ones; an
 * operator opens what their deployment needs (see SECURITY.md).
 *
 * @param host               interface both ports bind to; loopback unless the operator says otherwise
 * @param requestsPerSecond  requests one client (IP address) may make per second on each port; 0 for no limit
 * @param passwordTries      wrong passwords a client may send before its credentials are refused for a while
 * @param serviceAllowList   endpoints a query's {@code SERVICE} may call; empty: {@code SERVICE} is refused
 * @param loadAllowList      IRI prefixes an admin's {@code LOAD} may read from; empty: {@code LOAD} is refused
 * @param longQueries        queries allowed to run past {@link #LONG_QUERY_MILLIS} at once; the rest are cancelled
 * @param maxQueries         queries executing at once; more are refused with 503 at once rather than queued
 */
public record DoorSettings(String host, int requestsPerSecond, int passwordTries, List<String> serviceAllowList,
                           List<String> loadAllowList, int longQueries, int maxQueries) {
    /** A query still running after this long is expensive: it needs one of the few long-query slots to go on. */
    public static final long LONG_QUERY_MILLIS = 250;

    public DoorSettings {
        serviceAllowList = List.copyOf(serviceAllowList);
        loadAllowList = List.copyOf(loadAllowList);
        if (requestsPerSecond < 0) throw new IllegalArgumentException("the request rate limit cannot be negative");
        if (passwordTries < 1) throw new IllegalArgumentException("at least one password try is needed");
        if (longQueries < 1 || maxQueries < longQueries) throw new IllegalArgumentException("need 1 <= long queries <= queries at once");
        for (String prefix : loadAllowList)
            if (!prefix.startsWith("http://") && !prefix.startsWith("https://"))
                throw new IllegalArgumentException("LOAD may be allowed from http(s) locations only, not " + prefix);
    }

    /** Loopback only, 100 requests per second per client, 5 password tries, no SERVICE, no LOAD. */
    public static DoorSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new DoorSettings("127.0.0.1", 100, 5, List.of(), List.of(), Math.max(1, cores / 2), Math.max(8, cores * 8));
    }

    public DoorSettings withHost(String h) { return new DoorSettings(h, requestsPerSecond, passwordTries, serviceAllowList, loadAllowList, longQueries, maxQueries); }
    public DoorSettings withRequestsPerSecond(int r) { return new DoorSettings(host, r, passwordTries, serviceAllowList, loadAllowList, longQueries, maxQueries); }
    public DoorSettings withPasswordTries(int t) { return new DoorSettings(host, requestsPerSecond, t, serviceAllowList, loadAllowList, longQueries, maxQueries); }
    public DoorSettings withServiceAllowList(List<String> l) { return new DoorSettings(host, requestsPerSecond, passwordTries, l, loadAllowList, longQueries, maxQueries); }
    public DoorSettings withLoadAllowList(List<String> l) { return new DoorSettings(host, requestsPerSecond, passwordTries, serviceAllowList, l, longQueries, maxQueries); }
    public DoorSettings withLongQueries(int n) { return new DoorSettings(host, requestsPerSecond, passwordTries, serviceAllowList, loadAllowList, n, maxQueries); }
    public DoorSettings withMaxQueries(int n) { return new DoorSettings(host, requestsPerSecond, passwordTries, serviceAllowList, loadAllowList, longQueries, n); }
}
