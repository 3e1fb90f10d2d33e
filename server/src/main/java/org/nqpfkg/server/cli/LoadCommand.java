package org.nqpfkg.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.report.TermDiscovery;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load documents (files or folders) into the store: each into a named graph of its own, "
                + "SHACL-gated, all or nothing. Text (.txt) becomes evidence-backed triples; RDF files "
                + "(.ttl .trig .nt .nq .jsonld) are loaded as they are.")
final class LoadCommand implements Callable<Integer> {
    @Mixin StoreOption storeOption;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or folders to load")
    List<Path> paths;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "20971520",
            description = "refuse text files larger than this (default: ${DEFAULT-VALUE}, 20 MB)")
    long maxSize;

    @Option(names = "--dry-run", description = "print the TriG that would be loaded, without touching the store")
    boolean dryRun;

    @Option(names = "--report", description = "list the terms frequent in each text document, and in the whole load, that "
            + "name no concept in the graph (the store's; the vocabulary's with --dry-run): aliases to add to "
            + "ontology/vocabulary.ttl, each with count, score and an example sentence; also the terms the rules saw but did not type")
    boolean report;

    @Option(names = "--report-limit", paramLabel = "N", defaultValue = "" + TermDiscovery.DEFAULT_LIMIT,
            description = "terms per list with --report (default: ${DEFAULT-VALUE})")
    int reportLimit;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxSize <= 0) {
            err.println("error: --max-size must be a positive number of bytes");
            return 2;
        }
        if (reportLimit < 1) {
            err.println("error: --report-limit must be at least 1");
            return 2;
        }
        SourceLoad load = new SourceLoad(LoadOptions.defaults().withMaxBytes(maxSize).withOntology(storeOption.ontologyFiles()), err);
        try {
            var units = load.read(paths);
            if (report) load.printCandidates(units, out);
            if (dryRun) {
                if (report) load.printDiscovery(units, reportLimit, out);
                load.linkWithoutStore(units);
                load.printTrig(units, out);
                return 0;
            }
            try (KnowledgeStore store = storeOption.open()) {
                // Before the commit, so that a load the gate refuses still shows what its texts are about.
                if (report) load.printDiscovery(units, store, reportLimit, out);
                load.commit(store, units);
            }
            load.printSummary(units, out);
            out.flush();
            return 0;
        } catch (LoadException e) {
            err.println("error: " + e.getMessage());
            err.println("nothing was loaded; the store is unchanged.");
            err.flush();
            return 1;
        }
    }
}
