package org.nqpfkg.server.api;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/**
 * The names of the things a reconciliation query can match (organisations, sectors, mechanisms, paths,
 * policies): every rdfs:label, skos:prefLabel and skos:altLabel, zh and en, and how well a name scores
 * against them. Built once per store version; a query is then a scan in memory, never a store query.
 */
final class ReconcileIndex {
    /** The kinds reconciliation offers, as types in the manifest. */
    static final List<Kind> KINDS = List.of(Kind.ORGANIZATIONS, Kind.SECTORS, Kind.MECHANISMS, Kind.PATHS, Kind.POLICIES);
    /** Candidates below this score are noise: sharing one character is not a match. */
    static final int MIN_SCORE = 30;
    /** A score at least this high is a name the thing carries (preferred 100, alternative 95). */
    static final int EXACT = 95;

    private static final String NAMES = """
            SELECT ?x ?label ?alt WHERE {
              ?x a ?type .
              { ?x rdfs:label|skos:prefLabel ?label BIND(false AS ?alt) } UNION { ?x skos:altLabel ?label BIND(true AS ?alt) }
            }""";

    /** A thing with its kind, display names and every name it can be matched by. */
    record Entry(Kind kind, String slug, String iri, Map<String, String> label, List<Name> names) {
        /** The reconciliation id: kind and slug, so that one identifier space holds every kind without collisions. */
        String id() { return kind.segment + "/" + slug; }
    }

    /** One name of a thing, normalised for comparison; alternative names score a little below preferred ones. */
    record Name(String normalised, boolean alternative) {}

    /** A scored candidate. */
    record Candidate(Entry entry, int score) {}

    private final List<Entry> entries;

    private ReconcileIndex(List<Entry> entries) { this.entries = entries; }

    static ReconcileIndex of(DatasetGraph dsg) {
        Map<String, Entry> found = new LinkedHashMap<>();
        Map<String, Map<String, String>> labels = new HashMap<>();
        Map<String, Set<Name>> names = new HashMap<>();
        Txn.executeRead(dsg, () -> {
            for (Kind k : KINDS) {
                for (Binding b : Sparql.select(dsg, NAMES, Map.of("type", Vocab.nqpf(k.type)), null)) {
                    String x = Sparql.str(b, "x");
                    Node label = b.get("label");
                    if (!label.isLiteral()) continue;
                    boolean alt = "true".equals(Sparql.str(b, "alt"));
                    found.computeIfAbsent(x, i -> new Entry(k, Sparql.id(i), i, new LinkedHashMap<>(), new ArrayList<>()));
                    if (!alt) Items.putLabel(labels, x, label);
                    String n = normalise(label.getLiteralLexicalForm());
                    if (!n.isEmpty()) names.computeIfAbsent(x, i -> new HashSet<>()).add(new Name(n, alt));
                }
            }
        });
        List<Entry> entries = new ArrayList<>();
        found.forEach((iri, e) -> {
            // A name that is both preferred and alternative counts as preferred.
            Set<String> preferred = new HashSet<>();
            names.getOrDefault(iri, Set.of()).forEach(n -> { if (!n.alternative()) preferred.add(n.normalised()); });
            List<Name> kept = names.getOrDefault(iri, Set.of()).stream()
                    .filter(n -> !n.alternative() || !preferred.contains(n.normalised())).sorted(Comparator.comparing(Name::normalised)).toList();
            entries.add(new Entry(e.kind(), e.slug(), iri, Items.label(labels.get(iri)), kept));
        });
        return new ReconcileIndex(List.copyOf(entries));
    }

    int size() { return entries.size(); }

    /** The best {@code limit} candidates of the given kinds (all when empty), best first, then by id. */
    List<Candidate> match(String query, Collection<Kind> kinds, int limit) {
        String q = normalise(query);
        if (q.isEmpty()) return List.of();
        List<Candidate> out = new ArrayList<>();
        for (Entry e : entries) {
            if (!kinds.isEmpty() && !kinds.contains(e.kind())) continue;
            int best = 0;
            for (Name n : e.names()) best = Math.max(best, score(q, n));
            if (best >= MIN_SCORE) out.add(new Candidate(e, best));
        }
        out.sort(Comparator.comparingInt((Candidate c) -> -c.score()).thenComparing(c -> c.entry().id()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /**
     * 100 for the preferred name itself, 95 for an alternative one; a name inside the other scores by how much of
     * the longer it covers (华为 in 华为技术有限公司); otherwise the overlap of character pairs (Dice), which
     * tolerates a changed or missing character in a Chinese name as well as in an English one.
     */
    static int score(String q, Name name) {
        String n = name.normalised();
        if (q.equals(n)) return name.alternative() ? EXACT : 100;
        int cap = EXACT - 5;
        if (n.contains(q) || q.contains(n)) {
            double cover = (double) Math.min(q.length(), n.length()) / Math.max(q.length(), n.length());
            return (int) Math.round(50 + 40 * cover);
        }
        return (int) Math.round(Math.min(cap, 100 * dice(q, n)));
    }

    private static double dice(String a, String b) {
        if (a.length() < 2 || b.length() < 2) return 0;
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i + 1 < a.length(); i++) pairs.merge(a.substring(i, i + 2), 1, Integer::sum);
        int common = 0;
        for (int i = 0; i + 1 < b.length(); i++) {
            Integer left = pairs.get(b.substring(i, i + 2));
            if (left != null && left > 0) {
                common++;
                pairs.put(b.substring(i, i + 2), left - 1);
            }
        }
        return 2.0 * common / (a.length() - 1 + b.length() - 1);
    }

    /** NFKC (full-width letters and digits become ASCII), lower case, no spaces or punctuation. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }
}
