package org.nqpfkg.server.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.link.ConceptTable;
import org.nqpfkg.loader.link.Entry;
import org.nqpfkg.loader.link.MentionFinder;
import org.nqpfkg.loader.link.Mentions;
import org.nqpfkg.server.search.TextIndex;

/**
 * Keeps the store's mentions in step with its concepts. A load links its own documents to every concept the
 * store will hold after it; the names it adds or takes away are then looked for in the documents already
 * stored, through the text index, so the work follows the hits rather than the size of the corpus. The
 * result is the same whatever order documents arrive in. Runs inside the store's write transaction.
 */
public final class CorpusLinker {
    private static final Node SENTENCE_CLASS = Vocab.nqpf("Sentence");

    private final OntologyFiles ontology;
    /** The store's concepts; null until first needed, and again after a write this class did not see. */
    private ConceptTable table;

    CorpusLinker(OntologyFiles ontology) { this.ontology = ontology; }

    /** Something else (SPARQL Update, a failed load) changed the store: rebuild the table when next needed. */
    synchronized void invalidate() { table = null; }

    /** The names of the concepts the store holds now. Call inside a transaction; the table is kept for the next load. */
    synchronized ConceptTable.Index index(DatasetGraph dsg) { return table(dsg).index(); }

    /** What a load changes in the table of names, and how long linking its own documents took. */
    record Change(ConceptTable.Index before, ConceptTable.Index after, long linkNanos) {}

    /**
     * The cost of the last load's linking, for benchmarks: linking its own documents, then relinking stored
     * ones (the names that came or went, the stored sentences worked out again).
     */
    public record Stats(double linkMs, double relinkMs, int namesChanged, int sentencesRelinked) {}

    private volatile Stats last = new Stats(0, 0, 0, 0);

    Stats last() { return last; }

    /**
     * Updates the table for graphs about to replace their namesakes, and links the text documents among them
     * to every concept the store will hold. Call inside the write transaction, before the graphs are written.
     */
    synchronized Change prepare(DatasetGraph dsg, Map<String, Graph> incoming) {
        long t0 = System.nanoTime();
        ConceptTable t = table(dsg);
        ConceptTable.Index before = t.index();
        for (Map.Entry<String, Graph> e : incoming.entrySet()) {
            Node name = NodeFactory.createURI(e.getKey());
            if (dsg.containsGraph(name)) t.remove(ConceptTable.Contribution.of(dsg.getGraph(name)));
            t.add(ConceptTable.Contribution.of(e.getValue()));
        }
        ConceptTable.Index after = t.index();
        // Each document is linked on its own against the same names: on every core.
        incoming.values().parallelStream().filter(CorpusLinker::isUnlinkedText).forEach(g -> Mentions.link(g, after));
        return new Change(before, after, System.nanoTime() - t0);
    }

    /**
     * After the incoming graphs are written: every stored sentence (outside them) where a name that came or
     * went may stand has the mentions of that name's concept worked out again.
     */
    synchronized int relink(DatasetGraph dsg, TextIndex index, Set<String> written, Change change) {
        long t0 = System.nanoTime();
        Set<Entry> added = new HashSet<>(change.after().all());
        added.removeAll(change.before().all());
        Set<Entry> removed = new HashSet<>(change.before().all());
        removed.removeAll(change.after().all());
        if (added.isEmpty() && removed.isEmpty()) {
            last = new Stats(change.linkNanos() / 1e6, (System.nanoTime() - t0) / 1e6, 0, 0);
            return 0;
        }
        // graph → sentence → concepts to work out again
        Map<Node, Map<Node, Set<String>>> dirty = new LinkedHashMap<>();
        if (!added.isEmpty()) {
            try (TextIndex.Candidates candidates = index.candidates()) {
                for (Entry e : added)
                    for (String iri : candidates.containingAll(e.surface())) {
                        Node s = NodeFactory.createURI(iri);
                        Iterator<Quad> q = dsg.find(Node.ANY, s, RDF.type.asNode(), SENTENCE_CLASS);
                        while (q.hasNext()) {
                            Node g = q.next().getGraph();
                            if (!written.contains(g.getURI())) mark(dirty, g, s, e.concept());
                        }
                    }
            }
        }
        for (Entry e : removed) {
            Node concept = NodeFactory.createURI(e.concept());
            Iterator<Quad> q = dsg.find(Node.ANY, Node.ANY, Mentions.TA_IDENT_REF, concept);
            while (q.hasNext()) {
                Quad m = q.next();
                if (written.contains(m.getGraph().getURI())) continue;
                Iterator<Quad> s = dsg.find(m.getGraph(), m.getSubject(), Mentions.SENTENCE, Node.ANY);
                if (s.hasNext()) mark(dirty, m.getGraph(), s.next().getObject(), e.concept());
            }
        }
        int changed = 0;
        int sentences = 0;
        for (var byGraph : dirty.entrySet()) {
            Graph g = dsg.getGraph(byGraph.getKey());
            for (var bySentence : byGraph.getValue().entrySet()) {
                changed += relinkSentence(g, bySentence.getKey(), bySentence.getValue(), change.after());
                sentences++;
            }
        }
        last = new Stats(change.linkNanos() / 1e6, (System.nanoTime() - t0) / 1e6, added.size() + removed.size(), sentences);
        return changed;
    }

    private static void mark(Map<Node, Map<Node, Set<String>>> dirty, Node graph, Node sentence, String concept) {
        dirty.computeIfAbsent(graph, k -> new LinkedHashMap<>()).computeIfAbsent(sentence, k -> new HashSet<>()).add(concept);
    }

    /** Replaces the mentions of {@code concepts} in one stored sentence by those the current names give. */
    private static int relinkSentence(Graph g, Node sentence, Set<String> concepts, ConceptTable.Index index) {
        Mentions.StoredSentence s = Mentions.sentence(g, sentence);
        if (s == null) return 0;
        List<Node> stale = g.find(Node.ANY, Mentions.SENTENCE, sentence).mapWith(Triple::getSubject)
                .filterKeep(m -> concepts.stream().anyMatch(c -> g.contains(m, Mentions.TA_IDENT_REF, NodeFactory.createURI(c))))
                .toList();
        for (Node m : stale) g.find(m, Node.ANY, Node.ANY).toList().forEach(g::delete);
        List<MentionFinder.Found> found = MentionFinder.find(s.text(), index, concepts::contains);
        for (MentionFinder.Found f : found) Mentions.triples(s, f).forEach(g::add);
        return stale.size() + found.size();
    }

    private ConceptTable table(DatasetGraph dsg) {
        if (table == null) {
            ConceptTable t = new ConceptTable(ontology.words("generic-words.txt"));
            Map<Node, Boolean> seen = new HashMap<>();
            dsg.listGraphNodes().forEachRemaining(n -> {
                if (seen.put(n, true) != null || !n.isURI() || isSchema(n.getURI())) return;
                t.add(ConceptTable.Contribution.of(dsg.getGraph(n)));
            });
            table = t;
        }
        return table;
    }

    private static boolean isSchema(String graph) {
        return graph.equals(Vocab.ONTOLOGY_GRAPH) || graph.equals(Vocab.SHAPES_GRAPH) || graph.equals(Vocab.SYSTEM_GRAPH);
    }

    /** A document graph with sentences and no mentions yet: what a text load produces. */
    static boolean isUnlinkedText(Graph g) {
        return g.contains(Node.ANY, RDF.type.asNode(), SENTENCE_CLASS) && !g.contains(Node.ANY, RDF.type.asNode(), Mentions.PHRASE);
    }

}
