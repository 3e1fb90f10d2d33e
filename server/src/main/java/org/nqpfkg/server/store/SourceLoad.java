package org.nqpfkg.server.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.Sources;

/** One load of files and folders: read every source, then commit them together, reporting progress as it goes. */
public final class SourceLoad {
    private final LoadOptions options;
    private final PrintWriter progress;

    public SourceLoad(LoadOptions options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Reads every file; the first one that cannot be read stops the load before anything is written. */
    public List<LoadUnit> read(List<Path> paths) throws LoadException {
        List<Path> files = Sources.collect(paths);
        if (files.isEmpty()) throw new LoadException("no loadable files in " + paths);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        return read(files, new GraphOwners(), file -> {
            if (files.size() > 1) synchronized (progress) {
                progress.printf("[%d/%d] read %s%n", done.incrementAndGet(), files.size(), file);
                progress.flush();
            }
        });
    }

    /**
     * Reads these files (no folders) on every core: extraction is independent per document and the slowest stage.
     * The first file, in order, that cannot be read, or that would write a graph another file of the load
     * writes, stops the load, as a sequential read would.
     */
    List<LoadUnit> read(List<Path> files, GraphOwners owners, java.util.function.Consumer<Path> onRead) throws LoadException {
        List<Object> results = files.parallelStream().map(file -> {
            try {
                LoadUnit unit = Sources.read(file, options);
                onRead.accept(file);
                return (Object) unit;
            } catch (LoadException e) {
                return e;
            }
        }).toList();
        List<LoadUnit> units = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (results.get(i) instanceof LoadException e) throw e;
            LoadUnit unit = (LoadUnit) results.get(i);
            owners.claim(unit, files.get(i));
            units.add(unit);
        }
        return units;
    }

    LoadOptions options() { return options; }

    public void commit(KnowledgeStore store, List<LoadUnit> units) throws LoadException {
        progress.printf("validating and committing %d source(s)...%n", units.size());
        store.replace(units);
    }

    public void printSummary(List<LoadUnit> units, PrintWriter out) {
        for (LoadUnit u : units) {
            out.printf("loaded %s: %d triples%n", u.source(), u.tripleCount());
            u.summary().forEach(line -> out.println("  " + line));
            mentions(u).ifPresent(line -> out.println("  " + line));
        }
    }

    /** "677 mentions of 88 concepts": what linking found in a text document (after the commit; RDF files have none). */
    private static java.util.Optional<String> mentions(LoadUnit u) {
        long mentions = 0;
        java.util.Set<org.apache.jena.graph.Node> concepts = new java.util.HashSet<>();
        for (org.apache.jena.graph.Graph g : u.graphs().values()) {
            var it = g.find(org.apache.jena.graph.Node.ANY, org.nqpfkg.loader.link.Mentions.TA_IDENT_REF, org.apache.jena.graph.Node.ANY);
            while (it.hasNext()) {
                concepts.add(it.next().getObject());
                mentions++;
            }
        }
        return mentions == 0 ? java.util.Optional.empty() : java.util.Optional.of(mentions + " mentions of " + concepts.size() + " concepts");
    }

    public void printCandidates(List<LoadUnit> units, PrintWriter out) {
        for (LoadUnit u : units) {
            out.println("candidate terms seen but not typed in " + u.source() + ":");
            u.candidates().forEach(c -> out.println("  " + c));
        }
    }

    /**
     * For each text document and for all of them, the terms frequent there that neither the vocabulary nor
     * these documents name: what an analyst may add to the vocabulary. For a load that touches no store.
     */
    public void printDiscovery(List<LoadUnit> units, int limit, PrintWriter out) {
        new TermReport(options.ontology()).print(units, limit, out);
    }

    /** The same, against everything {@code store} names, ranked against its other documents too. */
    public void printDiscovery(List<LoadUnit> units, KnowledgeStore store, int limit, PrintWriter out) {
        new TermReport(options.ontology()).print(units, store, limit, out);
    }

    /**
     * Without a store (--dry-run): links the units to the concepts of the vocabulary and of the units
     * themselves, as a load into an empty store would.
     */
    public void linkWithoutStore(List<LoadUnit> units) {
        List<org.apache.jena.graph.Graph> graphs = new ArrayList<>();
        graphs.add(options.ontology().graph("vocabulary.ttl"));
        units.forEach(u -> graphs.addAll(u.graphs().values()));
        var index = org.nqpfkg.loader.link.ConceptTable.of(options.ontology().words("generic-words.txt"), graphs).index();
        graphs.stream().filter(CorpusLinker::isUnlinkedText).forEach(g -> org.nqpfkg.loader.link.Mentions.link(g, index));
    }

    public void printTrig(List<LoadUnit> units, PrintWriter out) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        units.forEach(u -> u.graphs().forEach((name, g) ->
                g.find().forEach(t -> dsg.add(new Quad(org.apache.jena.graph.NodeFactory.createURI(name), t)))));
        java.io.StringWriter trig = new java.io.StringWriter();
        RDFDataMgr.write(trig, dsg, RDFFormat.TRIG_BLOCKS);
        out.print(trig);
        out.flush();
    }
}
