package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/** A real TDB2 store loaded with some sources and served over HTTP on free loopback ports, for facade tests. */
final class ServedStore implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final KnowledgeStore store;
    final KgServer server;
    final String base;

    private ServedStore(KnowledgeStore store, KgServer server) {
        this.store = store;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** Loads {@code sources} (files or folders) into a new store under {@code dir} and serves it. */
    static ServedStore of(Path dir, List<Path> sources) throws Exception { return of(dir, sources, OntologyFiles.bundled(), null); }

    /** The same, taking writes (document uploads, SPARQL Update) with this admin password (null: read-only). */
    static ServedStore of(Path dir, List<Path> sources, String adminPassword) throws Exception {
        return of(dir, sources, OntologyFiles.bundled(), adminPassword);
    }

    /** The same with the ontology (and linkset) files of {@code ontology}. */
    static ServedStore of(Path dir, List<Path> sources, OntologyFiles ontology) throws Exception { return of(dir, sources, ontology, null); }

    static ServedStore of(Path dir, List<Path> sources, OntologyFiles ontology, String adminPassword) throws Exception {
        KnowledgeStore store = KnowledgeStore.open(dir.resolve("store"), ontology);
        load(store, sources);
        return serve(store, adminPassword);
    }

    /** Loads {@code sources} into an open store, of either kind (a remote one too), and serves it. */
    static ServedStore serve(KnowledgeStore store, List<Path> sources, String adminPassword) throws Exception {
        load(store, sources);
        return serve(store, adminPassword);
    }

    /** Serves an open store as it is. */
    static ServedStore serve(KnowledgeStore store, String adminPassword) throws Exception {
        KgServer server = KgServer.builder(store).port(0).sparqlPort(TestSupport.freePort())
                .doors(org.nqpfkg.server.doors.DoorSettings.defaults().withRequestsPerSecond(0)).corsOrigins(List.of("*"))
                .adminPassword(adminPassword).build().start();
        return new ServedStore(store, server);
    }

    private static void load(KnowledgeStore store, List<Path> sources) throws Exception {
        OntologyFiles ontology = store.ontology();
        SourceLoad load = new SourceLoad(LoadOptions.defaults().withOntology(ontology), new java.io.PrintWriter(new java.io.StringWriter()));
        load.commit(store, load.read(sources));
    }

    HttpResponse<String> get(String path) throws Exception { return TestSupport.get(base + path); }

    /** The JSON of a 200 answer. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** The answer is a problem+json with this status. */
    void assertProblem(String path, int status) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
