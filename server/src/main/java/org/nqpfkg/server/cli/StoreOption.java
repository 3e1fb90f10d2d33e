package org.nqpfkg.server.cli;

import java.nio.file.Path;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.remote.RemoteEndpoints;
import org.nqpfkg.server.store.KnowledgeStore;
import picocli.CommandLine.Option;

/**
 * The options every verb shares: where the store and the ontology files are. The store is a local TDB2 folder
 * ({@code --store}), or a remote SPARQL 1.1 store ({@code --endpoint} and its companions), never both.
 */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "${env:KG_STORE:-data/store}",
            description = "TDB2 store folder (default: ${DEFAULT-VALUE}; env KG_STORE); not with --endpoint")
    Path store;

    @Option(names = "--ontology", paramLabel = "DIR", defaultValue = "ontology",
            description = "folder with nqpf.ttl, vocabulary.ttl and shapes.ttl; the copy inside the jar when absent (default: ${DEFAULT-VALUE})")
    Path ontology;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "${env:KG_ENDPOINT}",
            description = "a remote SPARQL 1.1 store's query endpoint (Fuseki: the dataset URL, e.g. http://host:3030/kg) "
                    + "to use instead of a local TDB2 store; its default graph must be the union of its named graphs (env KG_ENDPOINT)")
    String endpoint;

    @Option(names = "--update-endpoint", paramLabel = "URL", description = "the remote store's SPARQL Update endpoint, where it differs from --endpoint")
    String updateEndpoint;

    @Option(names = "--gsp-endpoint", paramLabel = "URL",
            description = "the remote store's Graph Store Protocol endpoint (optional: whole graphs are then fetched in one GET)")
    String gspEndpoint;

    @Option(names = "--endpoint-credentials-file", paramLabel = "FILE",
            description = "HTTP basic credentials for the remote store: one line user:password, or two lines (user, then password)")
    Path credentialsFile;

    @Option(names = "--index", paramLabel = "DIR",
            description = "with --endpoint: this facade's own folder for its search index and dumps, reused across restarts "
                    + "(default: a new folder under the system temp directory, built from the store at start and deleted at exit)")
    Path index;

    OntologyFiles ontologyFiles() { return OntologyFiles.from(ontology); }

    boolean remote() { return endpoint != null && !endpoint.isBlank(); }

    /** For verbs that read: a store folder that does not exist is a mistake, not an empty store. */
    KnowledgeStore openExisting() {
        if (!remote() && !java.nio.file.Files.isDirectory(store))
            throw new IllegalArgumentException("no store at " + store + " (load documents with `kg load --store " + store + " …` or start `kg serve` first)");
        return open();
    }

    /** Whether there is a store already: a remote one always is. */
    boolean exists() { return remote() || java.nio.file.Files.isDirectory(store); }

    KnowledgeStore open() {
        if (remote()) return openRemote();
        if (updateEndpoint != null || gspEndpoint != null || credentialsFile != null || index != null)
            throw new IllegalArgumentException("--update-endpoint, --gsp-endpoint, --endpoint-credentials-file and --index go with --endpoint");
        try {
            return KnowledgeStore.open(store, ontologyFiles());
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("lock") || why.contains("Lock") || e.getClass().getSimpleName().contains("Lock"))
                throw new IllegalStateException("store " + store + " is in use by another process (is `kg serve` running on it?)", e);
            throw e;
        }
    }

    private KnowledgeStore openRemote() {
        RemoteEndpoints endpoints = RemoteEndpoints.of(endpoint, updateEndpoint, gspEndpoint, credentialsFile);
        Path local = index != null ? index : temporaryFolder();
        return KnowledgeStore.openRemote(endpoints, local, ontologyFiles());
    }

    /** A folder of this process only: two facades on one machine never share (Lucene locks its folder). */
    private static Path temporaryFolder() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("nqpf-kg-facade-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a folder for the search index: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException | RuntimeException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** Names the store for messages: the folder or the endpoint. */
    String describe() { return remote() ? endpoint : store.toString(); }
}
