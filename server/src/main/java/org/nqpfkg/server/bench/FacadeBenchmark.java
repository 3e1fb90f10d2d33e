package org.nqpfkg.server.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.api.Facade;
import org.nqpfkg.server.api.FacadeSettings;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/**
 * The five main list endpoints against plain Fuseki answering the equivalent SPARQL over HTTP, in one
 * run, at concurrency 1, 8 and 32: throughput, p50/p99 latency and the ratio facade/Fuseki, with the
 * response cache off and on.
 */
final class FacadeBenchmark {
    private FacadeBenchmark() {}

    /** For each list endpoint, the SPARQL a dashboard would otherwise send: the items with labels and their evidenced links. */
    static Map<String, String> endpoints() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] e : List.of(new String[] {"levels", "Level"}, new String[] {"paths", "Path"}, new String[] {"mechanisms", "Mechanism"},
                new String[] {"policies", "Policy"}, new String[] {"organizations", "Organization"}))
            m.put(e[0], Vocab.PREFIXES + """
                    SELECT ?x ?label ?p ?o ?olabel ?quote ?b ?e WHERE {
                      ?x a nqpf:%s ; rdfs:label ?label .
                      OPTIONAL { { ?st rdf:subject ?x ; rdf:object ?o } UNION { ?st rdf:object ?x ; rdf:subject ?o }
                                 ?st rdf:predicate ?p ; nqpf:evidence ?ev . ?ev nif:anchorOf ?quote ; nif:beginIndex ?b ; nif:endIndex ?e .
                                 ?o rdfs:label ?olabel }
                    } ORDER BY ?x LIMIT 10000""".formatted(e[1]));
        return m;
    }

    static void run(Path seeds, Duration measure) throws Exception {
        Path work = Files.createTempDirectory("nqpf-bench-facade");
        try (KnowledgeStore store = KnowledgeStore.open(work.resolve("store"), OntologyFiles.bundled())) {
            SourceLoad load = new SourceLoad(LoadOptions.defaults(), new java.io.PrintWriter(new java.io.StringWriter()));
            load.commit(store, load.read(List.of(seeds)));
            FusekiServer fuseki = PlainFuseki.start(store.datasetGraph());
            Facade uncached = Facade.create(store, org.nqpfkg.server.queries.NamedQueries.bundled(), FacadeSettings.defaults().withPort(0).withDoors(org.nqpfkg.server.doors.DoorSettings.defaults().withRequestsPerSecond(0)).withCacheBytes(0)).start();
            Facade cached = Facade.create(store, org.nqpfkg.server.queries.NamedQueries.bundled(), FacadeSettings.defaults().withPort(0).withDoors(org.nqpfkg.server.doors.DoorSettings.defaults().withRequestsPerSecond(0))).start();
            Duration warm = Duration.ofSeconds(1);
            System.out.printf("%-14s %5s | %22s | %22s | %22s | %8s %8s%n", "endpoint", "conc", "Fuseki req/s p50 p99",
                    "facade req/s p50 p99", "cached req/s p50 p99", "ratio", "cached");
            try {
                for (Map.Entry<String, String> e : endpoints().entrySet()) {
                    String sparql = "http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/sparql?query=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8);
                    for (int c : new int[] {1, 8, 32}) {
                        HttpLoad.Figures f = HttpLoad.run(HttpLoad.get(sparql, "application/sparql-results+json"), c, warm, measure);
                        HttpLoad.Figures u = HttpLoad.run(HttpLoad.get("http://127.0.0.1:" + uncached.port() + "/api/" + e.getKey(), "application/json"), c, warm, measure);
                        HttpLoad.Figures k = HttpLoad.run(HttpLoad.get("http://127.0.0.1:" + cached.port() + "/api/" + e.getKey(), "application/json"), c, warm, measure);
                        System.out.printf("%-14s %5d | %8.0f %6.1f %6.1f | %8.0f %6.1f %6.1f | %8.0f %6.1f %6.1f | %7.2fx %7.2fx%s%n",
                                "/api/" + e.getKey(), c, f.throughput(), f.p50(), f.p99(), u.throughput(), u.p50(), u.p99(),
                                k.throughput(), k.p50(), k.p99(), u.throughput() / f.throughput(), k.throughput() / f.throughput(),
                                f.errors() + u.errors() + k.errors() > 0 ? "  errors: " + (f.errors() + u.errors() + k.errors()) : "");
                    }
                }
            } finally {
                cached.stop();
                uncached.stop();
                fuseki.stop();
            }
        }
    }
}
