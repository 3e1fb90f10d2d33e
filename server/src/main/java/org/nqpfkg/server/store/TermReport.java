package org.nqpfkg.server.store;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.link.Mentions;
import org.nqpfkg.loader.report.Background;
import org.nqpfkg.loader.report.KnownNames;
import org.nqpfkg.loader.report.TermDiscovery;

/**
 * The part of {@code kg load --report} that helps grow the vocabulary: for each text document of a load
 * and for all of them together, the terms frequent there that no concept is named by, each with its
 * count, score and an example sentence ({@link TermDiscovery} finds them; this feeds it and prints).
 */
final class TermReport {
    private final OntologyFiles ontology;

    TermReport(OntologyFiles ontology) { this.ontology = ontology; }

    /** Without a store: names come from the vocabulary and the documents being loaded. */
    void print(List<LoadUnit> units, int limit, PrintWriter out) {
        List<Graph> graphs = new ArrayList<>();
        graphs.add(ontology.graph("vocabulary.ttl"));
        units.forEach(u -> graphs.addAll(u.graphs().values()));
        print(units, KnownNames.of(graphs, ontology.words("generic-words.txt")), Background.NONE, limit, out);
    }

    /**
     * Against a store: names come from the store (its vocabulary included) and the documents being loaded,
     * and the store's other documents are part of the corpus a document's terms are ranked against.
     */
    void print(List<LoadUnit> units, KnowledgeStore store, int limit, PrintWriter out) {
        List<Graph> incoming = new ArrayList<>();
        Set<String> names = new HashSet<>();
        units.forEach(u -> {
            incoming.addAll(u.graphs().values());
            names.addAll(u.graphs().keySet());
        });
        Predicate<String> known = KnownNames.of(store.conceptIndex()).or(KnownNames.of(incoming, ontology.words("generic-words.txt")));
        try (StoredDocuments stored = new StoredDocuments(store, names)) {
            print(units, known, stored, limit, out);
        }
    }

    private void print(List<LoadUnit> units, Predicate<String> known, Background background, int limit, PrintWriter out) {
        List<TermDiscovery.Document> documents = new ArrayList<>();
        for (LoadUnit u : units) {
            List<String> sentences = sentences(u);
            // An RDF file brings no text: there is nothing to count in it.
            if (!sentences.isEmpty()) documents.add(new TermDiscovery.Document(u.source(), sentences));
        }
        if (documents.isEmpty()) return;
        TermDiscovery.Report report = TermDiscovery.of(ontology, known).discover(documents, background, limit);
        report.documents().forEach((name, terms) -> {
            out.println("terms frequent in " + name + " but not in the graph:");
            terms.forEach(t -> out.printf(Locale.ROOT, "  %s  %d  %.2f  e.g. \"%s\"%n", t.term(), t.count(), t.score(), t.example()));
        });
        out.println("terms frequent in this corpus but not in the graph:");
        report.corpus().forEach(t -> out.printf(Locale.ROOT, "  %s  %d  %.2f  %d %s  e.g. \"%s\"%n",
                t.term(), t.count(), t.score(), t.documents(), t.documents() == 1 ? "doc" : "docs", t.example()));
        out.flush();
    }

    /** A unit's sentences in text order. */
    private static List<String> sentences(LoadUnit u) {
        List<Mentions.StoredSentence> all = new ArrayList<>();
        u.graphs().values().forEach(g -> all.addAll(Mentions.sentences(g)));
        all.sort(Comparator.comparingInt(Mentions.StoredSentence::begin));
        return all.stream().map(Mentions.StoredSentence::text).toList();
    }
}
