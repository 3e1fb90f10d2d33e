package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;

/**
 * What the vocabulary tells the loader about words: the fixed reference terms (levels, lenses,
 * horizons) with the labels that name them, and for other terms their canonical Chinese label and
 * English label; which labels name organisations; and the word lists beside it (suffixes, technology
 * words, level cues). It never says how things relate: that comes from the text.
 */
public final class Lexicon {
    /** A reference term: its IRI and every Chinese label that names it, longest first. */
    public record Reference(String iri, String type, List<String> labels) {}

    /** A plain term: canonical Chinese label and English label (may be null). */
    public record Term(String zh, String en) {}

    private final Map<String, List<Reference>> referencesByType = new LinkedHashMap<>();
    private final Map<String, Term> terms = new HashMap<>();
    private final Map<String, String> englishByIri = new HashMap<>();
    private final Set<String> organizationLabels = new LinkedHashSet<>();
    private final Words words;

    /** The vocabulary of a folder (or the bundled one) with the word lists beside it. */
    public Lexicon(OntologyFiles files) { this(files.graph("vocabulary.ttl"), Words.from(files)); }

    /** A vocabulary graph, with the bundled word lists. */
    public Lexicon(Graph vocabulary) { this(vocabulary, Words.from(OntologyFiles.bundled())); }

    private Lexicon(Graph vocabulary, Words words) {
        this.words = words;
        Node prefLabel = Vocab.skos("prefLabel");
        Node altLabel = Vocab.skos("altLabel");
        for (String type : List.of("Level", "Lens", "Horizon", "ManifestationKind")) {
            List<Reference> refs = new ArrayList<>();
            vocabulary.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf(type)).mapWith(Triple::getSubject).forEach(s -> {
                List<String> labels = new ArrayList<>();
                labels.addAll(zh(vocabulary, s, prefLabel));
                labels.addAll(zh(vocabulary, s, altLabel));
                labels.sort((a, b) -> b.length() - a.length());
                refs.add(new Reference(s.getURI(), type, labels));
                englishByIri.put(s.getURI(), en(vocabulary, s, prefLabel));
            });
            refs.sort((a, b) -> a.iri().compareTo(b.iri()));
            referencesByType.put(type, refs);
        }
        vocabulary.find(Node.ANY, prefLabel, Node.ANY).forEach(t -> {
            Node s = t.getSubject();
            if (vocabulary.contains(s, RDF.type.asNode(), Vocab.nqpf("Level"))) return;
            List<String> pref = zh(vocabulary, s, prefLabel);
            if (pref.isEmpty()) return;
            Term term = new Term(pref.get(0), en(vocabulary, s, prefLabel));
            terms.putIfAbsent(pref.get(0), term);
            for (String alt : zh(vocabulary, s, altLabel)) terms.putIfAbsent(alt, term);
        });
        // Members of the organisation-names collection: labels that name an organisation wherever they are written.
        vocabulary.find(Vocab.iri(Vocab.ID + "scheme/organization-names"), Vocab.skos("member"), Node.ANY).forEach(t -> {
            organizationLabels.addAll(zh(vocabulary, t.getObject(), prefLabel));
            organizationLabels.addAll(zh(vocabulary, t.getObject(), altLabel));
        });
    }

    /** Chinese labels (preferred and alternative) that the vocabulary lists as organisation names. */
    public Set<String> organizationLabels() { return Collections.unmodifiableSet(organizationLabels); }

    public Words words() { return words; }

    public List<Reference> references(String type) { return referencesByType.getOrDefault(type, List.of()); }

    public String english(String referenceIri) { return englishByIri.get(referenceIri); }

    /** The vocabulary's canonical form of a label, or the label itself. */
    public String canonical(String zh) {
        Term t = terms.get(zh);
        return t == null ? zh : t.zh();
    }

    public String english(String zh, String fallback) {
        Term t = terms.get(zh);
        return t == null || t.en() == null ? fallback : t.en();
    }

    private static List<String> zh(Graph g, Node s, Node p) {
        List<String> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEach(t -> {
            if (t.getObject().isLiteral() && t.getObject().getLiteralLanguage().startsWith("zh")) out.add(t.getObject().getLiteralLexicalForm());
        });
        return out;
    }

    private static String en(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY).filterKeep(t -> t.getObject().isLiteral() && t.getObject().getLiteralLanguage().startsWith("en"));
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }
}
