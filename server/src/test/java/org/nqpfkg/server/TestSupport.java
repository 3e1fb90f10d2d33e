package org.nqpfkg.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.nqpfkg.server.cli.KgCommand;
import picocli.CommandLine;

/** Shared by the server tests: free loopback ports, HTTP calls, in-process CLI runs and store snapshots. */
public final class TestSupport {
    private TestSupport() {}

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> postForm(String url, String field, String value, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(field + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (user != null) b.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String sparqlGet(int port, String query) {
        return "http://127.0.0.1:" + port + "/kg/sparql?query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** Result of running one kg verb in-process. */
    public record Run(int exit, String out, String err) {}

    public static Run kg(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KgCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Every quad of the store at {@code dir}, sorted, for before/after comparisons. */
    public static List<String> quads(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            return Txn.calculateRead(dsg, () -> {
                List<String> all = new ArrayList<>();
                dsg.find().forEachRemaining(q -> all.add(q.toString()));
                all.sort(null);
                return all;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /**
     * The quads of the store at {@code dir} without its load records: the {@code nqpf:LoadActivity} of each load
     * and every triple pointing at one name the time of the load, which no two loads share. Blank nodes are written
     * without their labels, which each store draws afresh: only the OWL lists of the ontology graph have any, and
     * those come from the ontology files, not from the load.
     */
    public static List<String> quadsWithoutLoadRecords(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            return Txn.calculateRead(dsg, () -> {
                java.util.Set<org.apache.jena.graph.Node> records = new java.util.HashSet<>();
                dsg.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(),
                        org.nqpfkg.loader.Vocab.nqpf("LoadActivity")).forEachRemaining(q -> records.add(q.getSubject()));
                List<String> all = new ArrayList<>();
                dsg.find().forEachRemaining(q -> {
                    if (!records.contains(q.getSubject()) && !records.contains(q.getObject()))
                        all.add(q.toString().replaceAll("_:[0-9a-fA-F]+", "_:b"));
                });
                all.sort(null);
                return all;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** The document graphs of the store at {@code dir}, sorted. */
    public static List<String> documentGraphs(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            return Txn.calculateRead(dsg, () -> {
                List<String> graphs = new ArrayList<>();
                dsg.listGraphNodes().forEachRemaining(g -> {
                    if (g.getURI().startsWith(org.nqpfkg.loader.Vocab.GRAPH + "document/")) graphs.add(g.getURI());
                });
                graphs.sort(null);
                return graphs;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** Fails with what differs (a few quads each way), not with two lists of thousands of quads. */
    public static void assertSameQuads(List<String> expected, List<String> actual) {
        if (expected.equals(actual)) return;
        java.util.Set<String> missing = new java.util.TreeSet<>(expected);
        actual.forEach(missing::remove);
        java.util.Set<String> extra = new java.util.TreeSet<>(actual);
        expected.forEach(extra::remove);
        org.junit.jupiter.api.Assertions.fail(expected.size() + " quads expected, " + actual.size() + " found; missing "
                + missing.size() + ": " + missing.stream().limit(8).toList() + "; unexpected " + extra.size() + ": "
                + extra.stream().limit(8).toList());
    }
}
