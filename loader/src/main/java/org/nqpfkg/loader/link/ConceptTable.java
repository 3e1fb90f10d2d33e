package org.nqpfkg.loader.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.nqpfkg.loader.Vocab;

/**
 * The concepts a text can mention, and every name each one goes by, gathered from the graphs of the store
 * (documents and vocabulary). Graphs are added and removed as they are loaded and replaced; a label stays
 * as long as some graph still gives it, so the table is always that of the store as it stands.
 *
 * <p>A vocabulary term (a plain skos:Concept) whose label is also the label of a concept typed by a document
 * lends that concept its other labels as aliases (the vocabulary's 协作替代机制 names the documents'
 * 人机替代机制); a term no document types is a concept of its own.
 */
public final class ConceptTable {
    /** Classes whose instances text can name: the things of the paper's world, not spans or records. */
    public static final List<String> KINDS = List.of("Level", "Lens", "Horizon", "ManifestationKind", "ProductivityElement",
            "ProductivityDimension", "AICharacteristic", "AIRisk", "Path", "Mechanism", "MechanismFamily", "Organization",
            "Sector", "Policy", "Theory", "PolicyDocument");
    /** The kind of a vocabulary term that no class of ours types. */
    public static final String TERM = "Term";
    /** Suffixes whose removal leaves a label's specific head (数据链路径 → 数据链). */
    static final List<String> HEAD_SUFFIXES = List.of("路径", "机制", "政策");
    /** Shorter labels (in code points) name too much to be matched on their own. */
    static final int MIN_LENGTH = 2;

    /** What one graph says about one concept: its kind and its Chinese labels. */
    public record Named(String iri, String kind, List<String> preferred, List<String> alternative) {}

    /** Everything one graph says about concepts. */
    public record Contribution(List<Named> concepts) {
        public static final Contribution NONE = new Contribution(List.of());

        /** The concepts a graph types, and the plain SKOS concepts it holds (vocabulary terms). */
        public static Contribution of(Graph g) {
            Map<String, Named> found = new LinkedHashMap<>();
            for (String kind : KINDS)
                g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf(kind)).mapWith(Triple::getSubject).forEach(s -> {
                    if (s.isURI() && !found.containsKey(s.getURI())) found.put(s.getURI(), named(g, s, kind));
                });
            g.find(Node.ANY, RDF.type.asNode(), Vocab.skos("Concept")).mapWith(Triple::getSubject).forEach(s -> {
                if (s.isURI() && !found.containsKey(s.getURI())) found.put(s.getURI(), named(g, s, TERM));
            });
            return new Contribution(List.copyOf(found.values()));
        }

        private static Named named(Graph g, Node s, String kind) {
            List<String> preferred = new ArrayList<>();
            zh(g, s, RDFS.label.asNode(), preferred);
            zh(g, s, Vocab.skos("prefLabel"), preferred);
            List<String> alternative = new ArrayList<>();
            zh(g, s, Vocab.skos("altLabel"), alternative);
            return new Named(s.getURI(), kind, preferred.stream().distinct().toList(), alternative.stream().distinct().toList());
        }

        private static void zh(Graph g, Node s, Node p, List<String> out) {
            g.find(s, p, Node.ANY).forEach(t -> {
                Node o = t.getObject();
                if (o.isLiteral() && o.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT).startsWith("zh"))
                    out.add(o.getLiteralLexicalForm());
            });
        }
    }

    /** A concept with its labels, each counted once per graph that gives it. */
    private static final class Concept {
        final String kind;
        int graphs;
        final Map<String, Integer> preferred = new HashMap<>();
        final Map<String, Integer> alternative = new HashMap<>();

        Concept(String kind) { this.kind = kind; }
    }

    private final Set<String> generic;
    private final Map<String, Concept> concepts = new HashMap<>();
    private Index index;

    /** @param generic words that never link on their own (ontology/generic-words.txt) */
    public ConceptTable(java.util.Collection<String> generic) { this.generic = Set.copyOf(generic); }

    /** The table of everything {@code graphs} name. */
    public static ConceptTable of(java.util.Collection<String> generic, java.util.Collection<Graph> graphs) {
        ConceptTable table = new ConceptTable(generic);
        graphs.forEach(g -> table.add(Contribution.of(g)));
        return table;
    }

    public synchronized void add(Contribution c) { apply(c, +1); }

    public synchronized void remove(Contribution c) { apply(c, -1); }

    private void apply(Contribution c, int sign) {
        for (Named n : c.concepts()) {
            Concept concept = concepts.computeIfAbsent(n.iri(), k -> new Concept(n.kind()));
            concept.graphs += sign;
            n.preferred().forEach(l -> concept.preferred.merge(l, sign, Integer::sum));
            n.alternative().forEach(l -> concept.alternative.merge(l, sign, Integer::sum));
            concept.preferred.values().removeIf(v -> v <= 0);
            concept.alternative.values().removeIf(v -> v <= 0);
            if (concept.graphs <= 0) concepts.remove(n.iri());
        }
        if (!c.concepts().isEmpty()) index = null;
    }

    /** The entries to match, as the table stands now. */
    public synchronized Index index() {
        if (index == null) index = derive();
        return index;
    }

    private Index derive() {
        // Labels of concepts that documents (or the reference vocabulary) type: a term with one of them is absorbed.
        Map<String, List<String>> ownersByLabel = new HashMap<>();
        concepts.forEach((iri, c) -> {
            if (c.kind.equals(TERM)) return;
            for (String l : c.preferred.keySet()) ownersByLabel.computeIfAbsent(l, k -> new ArrayList<>()).add(iri);
            for (String l : c.alternative.keySet()) ownersByLabel.computeIfAbsent(l, k -> new ArrayList<>()).add(iri);
        });
        Map<String, Map<String, Match>> names = new HashMap<>();   // concept → surface → strongest match
        concepts.forEach((iri, c) -> {
            if (c.kind.equals(TERM)) {
                Set<String> owners = new HashSet<>();
                for (String l : c.preferred.keySet()) owners.addAll(ownersByLabel.getOrDefault(l, List.of()));
                for (String l : c.alternative.keySet()) owners.addAll(ownersByLabel.getOrDefault(l, List.of()));
                if (!owners.isEmpty()) {
                    for (String owner : owners) {
                        c.preferred.keySet().forEach(l -> name(names, owner, l, Match.ALIAS));
                        c.alternative.keySet().forEach(l -> name(names, owner, l, Match.ALIAS));
                    }
                    return;
                }
            }
            c.preferred.keySet().forEach(l -> name(names, iri, l, Match.LABEL));
            c.alternative.keySet().forEach(l -> name(names, iri, l, Match.ALIAS));
        });
        List<Entry> entries = new ArrayList<>();
        names.forEach((iri, surfaces) -> {
            String kind = concepts.get(iri).kind;
            Map<String, Match> withHeads = new HashMap<>(surfaces);
            surfaces.keySet().forEach(l -> {
                String head = head(l);
                if (head != null) withHeads.merge(head, Match.HEAD, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            });
            withHeads.forEach((surface, match) -> {
                if (linkable(surface)) entries.add(new Entry(iri, kind, surface, match));
            });
        });
        return new Index(entries);
    }

    private static void name(Map<String, Map<String, Match>> names, String iri, String label, Match match) {
        names.computeIfAbsent(iri, k -> new HashMap<>()).merge(label, match, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    /** 数据链路径 → 数据链; null when the label has no such suffix or nothing specific is left. */
    static String head(String label) {
        for (String suffix : HEAD_SUFFIXES)
            if (label.endsWith(suffix) && label.length() > suffix.length()) return label.substring(0, label.length() - suffix.length());
        return null;
    }

    private boolean linkable(String surface) {
        return surface.codePointCount(0, surface.length()) >= MIN_LENGTH && !generic.contains(surface)
                && surface.codePoints().anyMatch(Character::isLetter);
    }

    /** The entries of the table at one moment, looked up by their exact words. */
    public static final class Index {
        private final Map<String, List<Entry>> bySurface = new HashMap<>();
        private final Map<String, List<Entry>> byConcept = new HashMap<>();
        private final Set<Entry> all;
        private final int longest;

        Index(Collection<Entry> entries) {
            int max = 0;
            for (Entry e : entries) {
                bySurface.computeIfAbsent(e.surface(), k -> new ArrayList<>()).add(e);
                byConcept.computeIfAbsent(e.concept(), k -> new ArrayList<>()).add(e);
                max = Math.max(max, e.surface().length());
            }
            this.all = Set.copyOf(entries);
            this.longest = max;
        }

        public List<Entry> bySurface(String surface) { return bySurface.getOrDefault(surface, List.of()); }
        public List<Entry> byConcept(String iri) { return byConcept.getOrDefault(iri, List.of()); }
        public Set<Entry> all() { return all; }
        /** Length of the longest surface, in UTF-16 units. */
        public int longest() { return longest; }
        public int size() { return all.size(); }
    }
}
