package org.nqpfkg.server.cli;

import java.nio.file.Path;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.KnowledgeStore;
import picocli.CommandLine.Option;

/** The options every verb shares: where the store and the ontology files are. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "${env:KG_STORE:-data/store}",
            description = "TDB2 store folder (default: ${DEFAULT-VALUE}; env KG_STORE)")
    Path store;

    @Option(names = "--ontology", paramLabel = "DIR", defaultValue = "ontology",
            description = "folder with nqpf.ttl, vocabulary.ttl and shapes.ttl; the copy inside the jar when absent (default: ${DEFAULT-VALUE})")
    Path ontology;

    OntologyFiles ontologyFiles() { return OntologyFiles.from(ontology); }

    /** For verbs that read: a store folder that does not exist is a mistake, not an empty store. */
    KnowledgeStore openExisting() {
        if (!java.nio.file.Files.isDirectory(store))
            throw new IllegalArgumentException("no store at " + store + " (load documents with `kg load --store " + store + " …` or start `kg serve` first)");
        return open();
    }

    KnowledgeStore open() {
        try {
            return KnowledgeStore.open(store, ontologyFiles());
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("lock") || why.contains("Lock") || e.getClass().getSimpleName().contains("Lock"))
                throw new IllegalStateException("store " + store + " is in use by another process (is `kg serve` running on it?)", e);
            throw e;
        }
    }
}
