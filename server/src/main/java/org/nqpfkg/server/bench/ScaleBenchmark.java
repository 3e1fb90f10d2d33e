package org.nqpfkg.server.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.fuseki.main.FusekiServer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Sources;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.api.Facade;
import org.nqpfkg.server.api.FacadeSettings;
import org.nqpfkg.server.queries.NamedQueries;
import org.nqpfkg.server.store.BatchedLoad;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/**
 * Reads as the corpus grows: for corpora of the seed plus varied invented documents ({@link CorpusGenerator}),
 * the load time and peak heap, then p50 and p99 of every kind of facade read (lists, items, an evidence page,
 * a document's mentions, search, a named query), uncached and cached, at concurrency 1 and 32, beside plain
 * Fuseki answering the same information with the one SPARQL query an analyst would write. Draws p50 against
 * corpus size into a PNG.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {}

    private static final String MECHANISM = Vocab.ID + "mechanism/neng-li-zheng-he-ji-zhi";
    private static final String SEED_DOC = Vocab.ID + "document/ai-new-quality-productive-forces";

    /** Facade path → the SPARQL an analyst would send Fuseki for the same information. */
    static Map<String, String> reads() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] k : List.of(new String[] {"mechanisms", "Mechanism"}, new String[] {"paths", "Path"},
                new String[] {"organizations", "Organization"}, new String[] {"levels", "Level"}))
            m.put("/api/" + k[0], """
                    SELECT ?x ?label (COUNT(DISTINCT ?ev) AS ?evidence) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
                      ?x a nqpf:%s ; rdfs:label ?label . OPTIONAL { ?x nqpf:evidence ?ev } OPTIONAL { ?m itsrdf:taIdentRef ?x }
                    } GROUP BY ?x ?label ORDER BY ?x LIMIT 100""".formatted(k[1]));
        m.put("/api/mechanisms/neng-li-zheng-he-ji-zhi", "SELECT ?p ?o WHERE { <" + MECHANISM + "> ?p ?o }");
        m.put("/api/mechanisms/neng-li-zheng-he-ji-zhi/evidence", """
                SELECT ?quote ?b ?e WHERE { <%s> nqpf:evidence ?ev . ?ev nif:anchorOf ?quote ; nif:beginIndex ?b ; nif:endIndex ?e }
                ORDER BY ?b LIMIT 100""".formatted(MECHANISM));
        m.put("/api/documents/ai-new-quality-productive-forces/mentions", """
                SELECT ?c ?quote ?b ?e WHERE { ?m nif:referenceContext <%s> ; itsrdf:taIdentRef ?c ; nif:anchorOf ?quote ;
                  nif:beginIndex ?b ; nif:endIndex ?e } ORDER BY ?b LIMIT 100""".formatted(SEED_DOC));
        m.put("/api/search?q=" + URLEncoder.encode("能力整合", StandardCharsets.UTF_8), """
                SELECT ?s ?score ?text WHERE { (?s ?score) text:query (nif:anchorOf "能力整合" 20) . ?s a nqpf:Sentence ; nif:anchorOf ?text }
                ORDER BY DESC(?score) LIMIT 20""");
        m.put("/api/queries/corroboration?limit=100", """
                SELECT ?concept ?document (COUNT(?m) AS ?mentions) WHERE { ?m a nif:Phrase ; itsrdf:taIdentRef ?concept ;
                  nif:referenceContext ?document } GROUP BY ?concept ?document ORDER BY DESC(?mentions) LIMIT 100""");
        return m;
    }

    public static void run(int[] sizes, Duration measure, Path chart) throws Exception {
        Path seed = Path.of("seeds/ai-new-quality-productive-forces.txt");
        Map<String, List<double[]>> uncachedP50 = new LinkedHashMap<>();
        Map<String, List<double[]>> fusekiP50 = new LinkedHashMap<>();
        for (int size : sizes) {
            Path work = Files.createTempDirectory("nqpf-bench-scale");
            Path docs = work.resolve("docs");
            Files.createDirectories(docs);
            Files.copy(seed, docs.resolve(seed.getFileName()));
            if (size > 1) CorpusGenerator.write(docs, size - 1, 42);
            try (KnowledgeStore store = KnowledgeStore.open(work.resolve("store"), OntologyFiles.bundled())) {
                double[] load = load(store, docs);
                System.out.printf("%n%d documents: loaded in %.1f s, peak heap %.0f MB, %d quads%n", size, load[0], load[1], store.quadCount());
                FusekiServer fuseki = PlainFuseki.start(store.datasetGraph());
                Facade uncached = Facade.create(store, NamedQueries.bundled(), FacadeSettings.defaults().withPort(0).withDoors(org.nqpfkg.server.doors.DoorSettings.defaults().withRequestsPerSecond(0)).withCacheBytes(0)).start();
                Facade cached = Facade.create(store, NamedQueries.bundled(), FacadeSettings.defaults().withPort(0).withDoors(org.nqpfkg.server.doors.DoorSettings.defaults().withRequestsPerSecond(0))).start();
                System.out.printf("%-58s %4s | %16s | %16s | %16s%n", "read", "conc", "Fuseki p50 p99", "facade p50 p99", "cached p50 p99");
                try {
                    for (Map.Entry<String, String> r : reads().entrySet()) {
                        String sparql = "http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/sparql?query="
                                + URLEncoder.encode(Vocab.PREFIXES + "PREFIX text: <http://jena.apache.org/text#>\n" + r.getValue(), StandardCharsets.UTF_8);
                        for (int c : new int[] {1, 32}) {
                            Duration warm = Duration.ofMillis(500);
                            HttpLoad.Figures f = HttpLoad.run(HttpLoad.get(sparql, "application/sparql-results+json"), c, warm, measure);
                            HttpLoad.Figures u = HttpLoad.run(HttpLoad.get("http://127.0.0.1:" + uncached.port() + r.getKey(), "application/json"), c, warm, measure);
                            HttpLoad.Figures k = HttpLoad.run(HttpLoad.get("http://127.0.0.1:" + cached.port() + r.getKey(), "application/json"), c, warm, measure);
                            System.out.printf("%-58s %4d | %s | %s | %s%s%n", r.getKey(), c, cell(f), cell(u), cell(k),
                                    f.errors() + u.errors() + k.errors() > 0
                                            ? "  errors (Fuseki/facade/cached): " + f.errors() + "/" + u.errors() + "/" + k.errors() : "");
                            // A read that never answered in time has no latency to draw.
                            if (c == 1 && u.throughput() > 0) uncachedP50.computeIfAbsent(r.getKey(), x -> new ArrayList<>()).add(new double[] {size, u.p50()});
                            if (c == 1 && f.throughput() > 0) fusekiP50.computeIfAbsent(r.getKey(), x -> new ArrayList<>()).add(new double[] {size, f.p50()});
                        }
                    }
                } finally {
                    cached.stop();
                    uncached.stop();
                    fuseki.stop();
                }
            }
        }
        draw(uncachedP50, fusekiP50, chart);
        System.out.println("\nchart: " + chart.toAbsolutePath());
    }

    /** Seconds to load the folder as `kg load` does (default batches), and the peak heap in MB seen meanwhile. */
    private static double[] load(KnowledgeStore store, Path docs) throws Exception {
        AtomicLong peak = new AtomicLong();
        Runtime rt = Runtime.getRuntime();
        Thread sampler = Sampler.every(20, () -> peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max));
        long t0 = System.nanoTime();
        java.io.PrintWriter quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
        new BatchedLoad(new SourceLoad(LoadOptions.defaults(), quiet), () -> store, false, BatchedLoad.DEFAULT_BATCH, quiet, quiet).run(List.of(docs));
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        return new double[] {seconds, peak.get() / 1e6};
    }

    private static void draw(Map<String, List<double[]>> facade, Map<String, List<double[]>> fuseki, Path file) throws Exception {
        XYChart chart = new XYChartBuilder().width(1100).height(650).title("nqpf-kg: uncached p50 latency against corpus size (concurrency 1)")
                .xAxisTitle("documents").yAxisTitle("p50 (ms)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        for (Map.Entry<String, List<double[]>> e : facade.entrySet()) series(chart, "facade " + shortName(e.getKey()), e.getValue());
        for (Map.Entry<String, List<double[]>> e : fuseki.entrySet()) {
            if (!e.getKey().startsWith("/api/mechanisms") || e.getKey().contains("/evidence")) continue;  // one baseline line keeps it readable
            series(chart, "Fuseki " + shortName(e.getKey()), e.getValue());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    /** p50 and p99, or a dash where no request was answered. */
    private static String cell(HttpLoad.Figures f) {
        return f.throughput() > 0 ? String.format("%7.1f %8.1f", f.p50(), f.p99()) : String.format("%7s %8s", "—", "—");
    }

    private static void series(XYChart chart, String name, List<double[]> points) {
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> Math.max(0.01, p[1])).toArray();
        chart.addSeries(name, x, y);
    }

    private static String shortName(String path) {
        String p = path.replace("/api/", "");
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }
}
