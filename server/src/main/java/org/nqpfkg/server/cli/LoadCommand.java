package org.nqpfkg.server.cli;

import org.nqpfkg.server.store.KnowledgeStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.report.TermDiscovery;
import org.nqpfkg.server.store.BatchedLoad;
import org.nqpfkg.server.store.SourceLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load documents (files or folders) into the store: each into a named graph of its own, "
                + "SHACL-gated. Text (.txt) becomes evidence-backed triples; RDF files "
                + "(.ttl .trig .nt .nq .jsonld) are loaded as they are.",
                "Documents are committed in batches of --batch, the next read while one is written, so memory holds two "
                + "batches, not the corpus. A batch is "
                + "all or nothing: a file that cannot be read or validated stops the load there (its batch is not "
                + "loaded) and the store keeps the batches before it. A load whose documents fit in one batch is all "
                + "or nothing as a whole: on failure the store is unchanged.",
                "A text file found in a folder is skipped when the store holds its document with the same SHA-256 "
                + "of the file's bytes and the same loader version, so a load run again goes on where it stopped. "
                + "A document the store already holds is replaced only with --replace (without it the load stops "
                + "there, as for a bad file); name a file with --replace to reload a document whose sidecar or "
                + "vocabulary changed. For loads of several files, progress goes to stderr: documents done/total, "
                + "documents per second, time left."})
final class LoadCommand implements Callable<Integer> {
    @Mixin StoreOption storeOption;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or folders to load")
    List<Path> paths;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "20971520",
            description = "refuse text files larger than this (default: ${DEFAULT-VALUE}, 20 MB)")
    long maxSize;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + BatchedLoad.DEFAULT_BATCH,
            description = "documents per transaction (default: ${DEFAULT-VALUE}); a batch also ends before its files pass a "
                    + "thousandth of the heap (2 MB with kg's default -Xmx2g); --report and --dry-run read the whole load at once")
    int batch;

    @Option(names = "--replace", description = "replace documents the store already holds (without it, a load that would replace one stops there)")
    boolean replace;

    @Option(names = "--server", paramLabel = "URL",
            description = "send the documents to a running service (its facade URL, e.g. http://localhost:8080) instead of "
                    + "opening a store; the admin password comes from --admin-password-file or KG_ADMIN_PASSWORD")
    String server;

    @Option(names = "--admin-password-file", paramLabel = "FILE", description = "the service's admin password, for --server")
    Path passwordFile;

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
        if (batch < 1) {
            err.println("error: --batch must be at least 1");
            return 2;
        }
        if (reportLimit < 1) {
            err.println("error: --report-limit must be at least 1");
            return 2;
        }
        SourceLoad load = new SourceLoad(LoadOptions.defaults().withMaxBytes(maxSize).withOntology(storeOption.ontologyFiles()), err);
        try {
            if (dryRun) {
                var units = load.read(paths);
                if (report) load.printCandidates(units, out);
                if (report) load.printDiscovery(units, reportLimit, out);
                load.linkWithoutStore(units);
                load.printTrig(units, out);
                return 0;
            }
            if (server != null) {
                new RemoteLoad(server, AdminPassword.read(passwordFile)
                        .orElseThrow(() -> new IllegalArgumentException("--server needs the admin password: --admin-password-file FILE or KG_ADMIN_PASSWORD")),
                        replace).run(paths, out, err);
                return 0;
            }
            BatchedLoad.Result result;
            try (StoreOnDemand store = new StoreOnDemand(storeOption)) {
                // The report ranks each document's terms against the whole load: it needs the load in one batch.
                BatchedLoad batched = new BatchedLoad(load, store, store.exists(), batch, out, err).mayReplace(replace);
                // Before the commit, so that a load the gate refuses still shows what its texts are about.
                if (report) batched.inOneBatch().beforeCommit(units -> {
                    load.printCandidates(units, out);
                    load.printDiscovery(units, store.get(), reportLimit, out);
                });
                result = batched.run(paths);
            }
            if (result.files() > 1 || result.skipped() > 0)
                out.printf("loaded %d of %d documents in %d batch(es); skipped %d stored unchanged (same SHA-256 and loader version)%n",
                        result.loaded(), result.files(), result.batches(), result.skipped());
            out.flush();
            return 0;
        } catch (BatchedLoad.Stopped e) {
            err.println("error: " + e.getMessage());
            if (e.getCause() instanceof KnowledgeStore.AlreadyStored) err.println("add --replace to replace them.");
            err.println("the load stopped at the batch with that file, which was not loaded; the store keeps the "
                    + e.loadedBefore() + " documents of the batches before it.");
            err.println("fix or remove the file and run the same command again: documents of a folder that are stored unchanged are skipped.");
            err.flush();
            return 1;
        } catch (LoadException e) {
            err.println("error: " + e.getMessage());
            if (e instanceof KnowledgeStore.AlreadyStored) err.println("add --replace to replace them.");
            if (server != null) {
                err.flush();
                return 1;
            }
            err.println("nothing was loaded; the store is unchanged.");
            err.flush();
            return 1;
        }
    }
}
