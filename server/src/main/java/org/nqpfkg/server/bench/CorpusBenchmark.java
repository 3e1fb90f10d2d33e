package org.nqpfkg.server.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.CorpusLinker;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/**
 * Loading a corpus: a folder of varied invented documents ({@link CorpusGenerator}) loaded with `kg load`
 * (this build, and an earlier build's jar when one is given, as separate processes), plain Fuseki storing
 * the same triples as the baseline; then the cost of linking one new document when 10, 100 and 1,000
 * documents are already in the store, which must stay flat as the store grows.
 */
public final class CorpusBenchmark {
    private CorpusBenchmark() {}

    /** Up to this many documents, the whole corpus is also read into one JVM: for the breakdown and for plain Fuseki. */
    private static final int IN_MEMORY = 1000;

    public static void run(int documents, Path baselineJar) throws Exception {
        Path work = Files.createTempDirectory("nqpf-bench-corpus");
        Path folder = work.resolve("docs");
        CorpusGenerator.write(folder, documents, 42);
        long bytes = 0;
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) bytes += Files.size(f);
        }
        System.out.printf("corpus: %d invented documents (opinions, news, proposals, op-eds), %d KB%n", documents, bytes / 1024);

        Path jar = Path.of("server/target/nqpf-kg.jar");
        double current = kgLoad(jar, work.resolve("store-current"), folder);
        long currentQuads = quads(work.resolve("store-current"));
        System.out.printf("kg load (this build), whole folder, one process:  %6.1f s  %6.1f documents/s  %8d quads  %7.0f quads/s%n",
                current, documents / current, currentQuads, currentQuads / current);
        if (baselineJar != null) {
            double before = kgLoad(baselineJar, work.resolve("store-baseline"), folder);
            long beforeQuads = quads(work.resolve("store-baseline"));
            System.out.printf("kg load (baseline jar), whole folder, one process: %6.1f s  %6.1f documents/s  %8d quads  %7.0f quads/s%n",
                    before, documents / before, beforeQuads, beforeQuads / before);
            System.out.printf("this build / baseline: documents/s %.2f, quads/s %.2f%n", before / current,
                    (currentQuads / current) / (beforeQuads / before));
        }

        LoadOptions options = LoadOptions.defaults();
        SourceLoad load = new SourceLoad(options, new PrintWriter(new StringWriter()));
        if (documents <= IN_MEMORY) {
            long t0 = System.nanoTime();
            List<LoadUnit> units = load.read(List.of(folder));
            double read = (System.nanoTime() - t0) / 1e6;
            try (KnowledgeStore store = KnowledgeStore.open(work.resolve("store-breakdown"), OntologyFiles.bundled())) {
                store.replace(units);
                KnowledgeStore.LoadTimes t = store.lastLoadTimes();
                System.out.printf("where the time goes (in one JVM, ms): read+extract %.0f, link mentions %.0f, write to TDB2 %.0f "
                        + "(beside it: SHACL %.0f, text index %.0f; then waited %.0f), relink stored %.0f, commit %.0f%n",
                        read, t.link(), t.write(), t.validate(), t.index(), t.waited(), t.relink(), t.commit());
            }
            long triples = units.stream().mapToLong(LoadUnit::tripleCount).sum();
            double fuseki = LoadBenchmark.fusekiBaseline(work, units);
            System.out.printf("baseline, plain Fuseki storing the same %d triples (GSP PUT into TDB2, no extraction): %.1f s, %.1f documents/s%n",
                    triples, fuseki, documents / fuseki);
        } else {
            System.out.printf("(over %,d documents the breakdown and plain Fuseki, which hold the whole corpus in memory, are left out)%n", IN_MEMORY);
        }
        double tdbloader = LoadBenchmark.tdbloaderBaseline(work, LoadBenchmark.dump(work.resolve("store-current"), work.resolve("baseline.nq")));
        System.out.printf("baseline, tdb2.tdbloader bulk-loading the same %d quads into an empty TDB2 (a process of its own, nothing to extract): "
                + "%.1f s (median of 3), %.0f quads/s%nkg load / tdb2.tdbloader throughput (quads/s): %.2f (target at least 0.5)%n",
                currentQuads, tdbloader, currentQuads / tdbloader, (currentQuads / current) / (currentQuads / tdbloader));

        Path probes = Files.createDirectories(work.resolve("probes"));
        java.util.Random r = new java.util.Random(7);
        List<Path> probeFiles = new ArrayList<>();
        for (int i = 0; i < 30; i++)
            probeFiles.add(Files.writeString(probes.resolve("probe-" + i + ".txt"), CorpusGenerator.probe(r, i, CorpusGenerator.UNTYPED[i])));
        System.out.println("linking one new document (median of 10 probes; each states as a path a word the stored documents use, "
                + "so stored sentences are relinked):");
        System.out.println("  stored docs   link own (ms)   relink stored (ms)   names changed   sentences relinked   whole load (ms)");
        try (KnowledgeStore store = KnowledgeStore.open(work.resolve("store-growing"), OntologyFiles.bundled())) {
            List<Path> all = sorted(folder);
            int loaded = 0;
            int probe = 0;
            for (int size : new int[] {10, 100, 1000}) {
                if (size > documents) break;
                for (int from = loaded; from < size; from += 100) {
                    List<Path> batch = all.subList(from, Math.min(size, from + 100));
                    store.replace(load.read(batch));
                }
                loaded = size;
                double[] link = new double[10], relink = new double[10], whole = new double[10];
                int[] names = new int[10], sentences = new int[10];
                for (int k = 0; k < 10; k++) {
                    Path p = probeFiles.get(probe++);
                    long started = System.nanoTime();
                    store.replace(load.read(List.of(p)));
                    whole[k] = (System.nanoTime() - started) / 1e6;
                    CorpusLinker.Stats s = store.lastLinkStats();
                    link[k] = s.linkMs();
                    relink[k] = s.relinkMs();
                    names[k] = s.namesChanged();
                    sentences[k] = s.sentencesRelinked();
                }
                System.out.printf("  %11d   %13.1f   %18.1f   %13d   %18d   %15.1f%n", size, median(link), median(relink),
                        (int) median(Arrays.stream(names).asDoubleStream().toArray()), (int) median(Arrays.stream(sentences).asDoubleStream().toArray()),
                        median(whole));
            }
        }
    }

    /** Quads in a closed store folder. */
    private static long quads(Path store) {
        var dsg = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            return org.apache.jena.system.Txn.calculateRead(dsg, () -> {
                long n = 0;
                for (var it = dsg.find(); it.hasNext(); it.next()) n++;
                return n;
            });
        } finally {
            org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
        }
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** Seconds for `java -jar JAR load --store STORE FOLDER`, a fresh process as a user runs it. */
    private static double kgLoad(Path jar, Path store, Path folder) throws Exception {
        return LoadBenchmark.timedProcess(List.of(LoadBenchmark.java(), "-Xmx4g", "-jar",
                jar.toString(), "load", "--store", store.toString(), folder.toString()));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
