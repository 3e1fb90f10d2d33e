package org.nqpfkg.server.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.update.UpdateRequest;

/**
 * Where a remote SPARQL 1.1 store answers, and how to talk to it: the Query endpoint, the Update endpoint (the
 * query endpoint when not given: Fuseki's dataset URL, Virtuoso's and GraphDB's endpoints take both), an optional
 * Graph Store Protocol endpoint (used to fetch a whole named graph in one response), basic credentials, and the
 * longest any one request may take. Every HTTP exchange with the store goes through this class.
 */
public final class RemoteEndpoints {
    private final String query;
    private final String update;
    private final String gsp;
    private final Credentials credentials;
    private final long timeoutMillis;
    private final HttpClient http;
    /** Requests sent so far (queries, updates, graph fetches): what a benchmark or a test counts per facade request. */
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    /** For diagnosis: each query sent, at TRACE. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteEndpoints.class);

    public RemoteEndpoints(String query, String update, String gsp, Credentials credentials, long timeoutMillis) {
        this.query = checked("--endpoint", query);
        this.update = update == null ? query : checked("--update-endpoint", update);
        this.gsp = gsp == null ? null : checked("--gsp-endpoint", gsp);
        this.credentials = credentials;
        this.timeoutMillis = timeoutMillis;
        // No redirects: a store that redirects a POST of an update would have it resent as a GET, or not at all.
        // HTTP/1.1: plain-http stores need not understand the client's h2c upgrade offer.
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** From the command line's options; {@code credentialsFile} may be null. */
    public static RemoteEndpoints of(String query, String update, String gsp, Path credentialsFile) {
        return new RemoteEndpoints(query, update, gsp, credentialsFile == null ? null : Credentials.read(credentialsFile), 60_000);
    }

    private static String checked(String option, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " is not a URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null)
            throw new IllegalArgumentException(option + " must be an http(s) URL, was " + url);
        return url;
    }

    public String queryEndpoint() { return query; }
    public String updateEndpoint() { return update; }
    public String gspEndpoint() { return gsp; }

    /** How many requests this process has sent to the store. */
    public long requestCount() { return requests.get(); }

    /** A query execution against the store; {@code timeoutMillis} ≤ 0 takes the default. */
    public QueryExec query(Query q, long timeoutMillis) {
        requests.incrementAndGet();
        if (LOG.isTraceEnabled()) LOG.trace("query {}", q.toString().replaceAll("\\s+", " "));
        QueryExecHTTPBuilder b = QueryExecHTTP.newBuilder().endpoint(query).httpClient(http).query(q)
                .timeout(timeoutMillis > 0 ? Math.min(timeoutMillis, this.timeoutMillis) : this.timeoutMillis, TimeUnit.MILLISECONDS)
                // Short queries go as GET, which stores may cache; long ones (VALUES blocks of search hits) as an HTML
                // form POST, which every store takes: Virtuoso 7 never answers an application/sparql-query body.
                .sendMode(QuerySendMode.asGetWithLimitForm);
        if (credentials != null) b.httpHeader("Authorization", credentials.header());
        return b.build();
    }

    /** Sends one update request; the store runs it as one transaction (SPARQL 1.1 Protocol, section 2.2). */
    public void update(UpdateRequest request) {
        requests.incrementAndGet();
        var b = UpdateExecHTTP.newBuilder().endpoint(update).httpClient(http).update(request)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        if (credentials != null) b.httpHeader("Authorization", credentials.header());
        b.build().execute();
    }

    /** One named graph as the Graph Store Protocol gives it; only when a GSP endpoint is configured. */
    public Graph graph(Node name) {
        requests.incrementAndGet();
        GSP g = GSP.service(gsp).httpClient(http).graphName(name);
        if (credentials != null) g.httpHeader("Authorization", credentials.header());
        return g.GET();
    }

    @Override
    public String toString() {
        return query + (update.equals(query) ? "" : " (update: " + update + ")") + (gsp == null ? "" : " (gsp: " + gsp + ")");
    }
}
