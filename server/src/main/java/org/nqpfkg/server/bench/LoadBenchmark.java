package org.nqpfkg.server.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Sources;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/**
 * Loader benchmark: the seed end to end (normalise → extract → validate → commit) in a warm JVM, then a
 * folder of 100 documents made from the seed, and as the baseline plain Fuseki storing the same triples
 * over HTTP (Graph Store Protocol PUT into TDB2, no extraction, no validation).
 */
public final class LoadBenchmark {
    private LoadBenchmark() {}

    public static void run(Path seed, int documents) throws Exception {
        Path work = Files.createTempDirectory("nqpf-bench-load");
        LoadOptions options = LoadOptions.defaults();
        try (KnowledgeStore store = KnowledgeStore.open(work.resolve("store"), OntologyFiles.bundled())) {
            SourceLoad load = new SourceLoad(options, new PrintWriter(new StringWriter()));
            for (int i = 0; i < 15; i++) load.commit(store, load.read(List.of(seed)));  // warm-up: JIT, caches
            int runs = 20;
            double[] read = new double[runs], validate = new double[runs], commit = new double[runs], total = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                LoadUnit unit = Sources.read(seed, options);
                long t1 = System.nanoTime();
                var verdict = store.gate().check(new ArrayList<>(unit.graphs().values()));
                long t2 = System.nanoTime();
                if (!verdict.conforms()) throw new IllegalStateException("seed does not validate");
                store.replace(List.of(unit));  // validates again inside: what a user's load costs
                long t3 = System.nanoTime();
                read[i] = ms(t0, t1);
                validate[i] = ms(t1, t2);
                commit[i] = ms(t2, t3) - validate[i];
                total[i] = ms(t0, t3) - validate[i];
            }
            System.out.printf("seed (%d KB), warm JVM, median of %d runs:%n", Files.size(seed) / 1024, runs);
            System.out.printf("  normalise+extract+emit %7.1f ms%n  validate (SHACL)       %7.1f ms%n  commit (TDB2)          %7.1f ms%n  end to end             %7.1f ms   (target < 500 ms)%n",
                    median(read), median(validate), median(commit), median(total));
        }

        Path folder = Files.createDirectories(work.resolve("docs"));
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        long bytes = 0;
        for (int i = 0; i < documents; i++) {
            // Each copy differs a little, as a corpus of related documents would.
            String copy = text.replace("人工智能", i % 2 == 0 ? "人工智能" : "AI技术") + "\n\n附记" + i + "。";
            Path f = folder.resolve(String.format("doc-%03d.txt", i));
            Files.writeString(f, copy, StandardCharsets.UTF_8);
            bytes += Files.size(f);
        }
        List<LoadUnit> units;
        long triples;
        double seconds;
        try (KnowledgeStore store = KnowledgeStore.open(work.resolve("store-folder"), OntologyFiles.bundled())) {
            SourceLoad load = new SourceLoad(options, new PrintWriter(new StringWriter()));
            long t0 = System.nanoTime();
            units = load.read(List.of(folder));
            load.commit(store, units);
            seconds = (System.nanoTime() - t0) / 1e9;
            triples = units.stream().mapToLong(LoadUnit::tripleCount).sum();
        }
        System.out.printf("folder of %d documents (%d KB, %d triples): %.2f s, %.0f KB/s, %.0f triples/s%n",
                documents, bytes / 1024, triples, seconds, bytes / 1024.0 / seconds, triples / seconds);

        double baseline = fusekiBaseline(work, units);
        System.out.printf("baseline, plain Fuseki storing the same %d triples (GSP PUT into TDB2): %.2f s, %.0f triples/s%n",
                triples, baseline, triples / baseline);
        System.out.printf("ratio nqpf-kg/Fuseki throughput (triples/s): %.2f  (the loader also reads the text, extracts and validates)%n",
                (triples / seconds) / (triples / baseline));
    }

    static double fusekiBaseline(Path work, List<LoadUnit> units) throws IOException, InterruptedException {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(work.resolve("fuseki").toString());
        FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", dsg).build().start();
        HttpClient http = HttpClient.newHttpClient();
        List<byte[]> bodies = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (LoadUnit u : units)
            for (Map.Entry<String, Graph> e : u.graphs().entrySet()) {
                StringWriter w = new StringWriter();
                RDFDataMgr.write(w, e.getValue(), Lang.NTRIPLES);
                bodies.add(w.toString().getBytes(StandardCharsets.UTF_8));
                names.add(e.getKey());
            }
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < bodies.size(); i++) {
                HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/data?graph="
                                + java.net.URLEncoder.encode(names.get(i), StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/n-triples").PUT(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                HttpResponse<Void> r = http.send(put, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() >= 300) throw new IllegalStateException("Fuseki answered " + r.statusCode());
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            fuseki.stop();
        }
    }

    /**
     * Seconds for Jena's bulk loader, {@code tdb2.tdbloader}, to load the quads of the N-Quads file {@code nq} into
     * an empty TDB2 store, run as a process of its own as an operator would (from this jar, which bundles
     * jena-cmds): the fastest way TDB2 can take these quads, with nothing to read, extract or validate.
     */
    static double tdbloaderBaseline(Path work, Path nq) throws IOException, InterruptedException {
        // The median of three loads into fresh folders: one run alone varied from 6.3 to 11 s with the disk's
        // write-back of what the benchmark had just written.
        double[] seconds = new double[3];
        for (int i = 0; i < seconds.length; i++)
            seconds[i] = timedProcess(List.of(java(), "-Xmx4g", "-cp",
                    Path.of("server/target/nqpf-kg.jar").toString(), "tdb2.tdbloader", "--loc", work.resolve("tdbloader-" + i).toString(), nq.toString()));
        return median(seconds);
    }

    /** Writes every quad of the closed TDB2 store in {@code store} to an N-Quads file; returns it. */
    static Path dump(Path store, Path nq) throws IOException {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(nq))) {
            org.apache.jena.system.Txn.executeRead(dsg, () -> {
                org.apache.jena.riot.system.StreamRDF stream = org.apache.jena.riot.system.StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
                stream.start();
                dsg.find().forEachRemaining(stream::quad);
                stream.finish();
            });
        } finally {
            org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
        }
        return nq;
    }

    /** The java command of the JVM running the benchmark, for the processes it times. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Seconds a command takes, output discarded; fails if it fails. Dirty pages are flushed first ({@code sync}), so
     * that a process is not timed while the disk writes back what the benchmark wrote just before.
     */
    static double timedProcess(List<String> cmd) throws IOException, InterruptedException {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException noSync) {
            // not a Unix system: time it as it is
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0)
            throw new IllegalStateException(cmd + " failed: exit " + (p.isAlive() ? "none (still running after 60 minutes)" : p.exitValue()));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double ms(long from, long to) { return (to - from) / 1e6; }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
