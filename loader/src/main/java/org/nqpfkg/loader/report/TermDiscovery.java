package org.nqpfkg.loader.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import org.nqpfkg.loader.OntologyFiles;

/**
 * Terms that are frequent in a document, or in a whole load, and that the graph has no name for: what an
 * analyst may add to the vocabulary as aliases. Documents come as sentences; what the graph already names
 * is a predicate, so the caller decides which graphs count (the store's, or only the vocabulary's).
 *
 * <p>In a document a term's score is its count there × ln(1 + N / df), where N is the number of documents
 * (those reported on, plus the {@link Background}'s) and df how many of them use it: a word every document
 * uses ranks below one this document is about. The 1 + keeps the score above zero when N = df, so one
 * document alone is still ranked, by frequency. In the load as a whole a term's score is its total count ×
 * the number of documents using it: what recurs across the load first.
 */
public final class TermDiscovery {
    public static final int DEFAULT_LIMIT = 20;
    /** A word seen once is not frequent anywhere: it is left out of every list. */
    public static final int MIN_COUNT = 2;

    /** A document to report on: its name for the report and its sentences in order. */
    public record Document(String name, List<String> sentences) {}

    /** The terms of each document (in the order given) and of all of them together, best first. */
    public record Report(Map<String, List<DiscoveredTerm>> documents, List<DiscoveredTerm> corpus) {}

    /** Best first; equal scores by count, then alphabetically, so a report is the same every time. */
    private static final Comparator<DiscoveredTerm> BEST_FIRST = Comparator.comparingDouble(DiscoveredTerm::score).reversed()
            .thenComparing(Comparator.comparingInt(DiscoveredTerm::count).reversed()).thenComparing(DiscoveredTerm::term);

    private final Predicate<String> known;
    private final TermFilter filter;

    /**
     * @param known   true for the words of every name the graph has (labels and aliases)
     * @param generic words too general to be a term on their own
     * @param stop    words that are no term and begin or end none
     */
    public TermDiscovery(Predicate<String> known, java.util.Collection<String> generic, java.util.Collection<String> stop) {
        this.known = known;
        this.filter = new TermFilter(known, generic, stop);
    }

    /** With the word lists of the ontology folder: generic-words.txt and report-stopwords.txt. */
    public static TermDiscovery of(OntologyFiles ontology, Predicate<String> known) {
        return new TermDiscovery(known, ontology.words("generic-words.txt"), ontology.words("report-stopwords.txt"));
    }

    public Report discover(List<Document> documents, Background background, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1: " + limit);
        Map<String, TermTally> tallies = new LinkedHashMap<>();
        TermTally all = new TermTally();
        Map<String, Integer> usedBy = new HashMap<>();
        for (Document d : documents) {
            TermTally t = tally(d);
            tallies.merge(d.name(), t, (a, b) -> { a.addAll(b); return a; });
            all.addAll(t);
        }
        for (TermTally t : tallies.values())
            for (String text : t.used()) usedBy.merge(text, 1, Integer::sum);
        int n = tallies.size() + background.documents();
        Map<String, Integer> stored = new HashMap<>();
        Map<String, List<DiscoveredTerm>> byDocument = new LinkedHashMap<>();
        tallies.forEach((name, t) -> byDocument.put(name, rank(t, usedBy, n, background, stored, limit)));
        List<DiscoveredTerm> corpus = new ArrayList<>();
        for (TermTally.Entry e : all.candidates(MIN_COUNT)) {
            int docs = usedBy.getOrDefault(e.text, 0);
            corpus.add(term(e, (double) e.count * docs, docs));
        }
        corpus.sort(BEST_FIRST);
        return new Report(byDocument, List.copyOf(corpus.subList(0, Math.min(limit, corpus.size()))));
    }

    private TermTally tally(Document d) {
        TermTally t = new TermTally();
        for (String sentence : d.sentences())
            for (NounCompounds.Compound c : NounCompounds.of(sentence, known)) t.add(c, filter.verdict(c), sentence);
        return t;
    }

    /**
     * The top terms of one document. The background is asked only about terms that could still make the
     * list: a term's score with no stored document using it is an upper bound, so terms are taken in
     * order of that bound and the search stops when the bound falls below the list's last score.
     */
    private static List<DiscoveredTerm> rank(TermTally t, Map<String, Integer> usedBy, int n, Background background,
            Map<String, Integer> stored, int limit) {
        List<TermTally.Entry> candidates = new ArrayList<>(t.candidates(MIN_COUNT));
        Map<TermTally.Entry, Double> bound = new HashMap<>();
        for (TermTally.Entry e : candidates) bound.put(e, e.count * idf(n, usedBy.getOrDefault(e.text, 1)));
        candidates.sort(Comparator.comparingDouble((TermTally.Entry e) -> bound.get(e)).reversed()
                .thenComparing(Comparator.comparingInt((TermTally.Entry e) -> e.count).reversed()).thenComparing(e -> e.text));
        PriorityQueue<DiscoveredTerm> top = new PriorityQueue<>(BEST_FIRST.reversed());
        for (TermTally.Entry e : candidates) {
            if (top.size() == limit && top.peek().score() > bound.get(e)) break;
            int elsewhere = background.documents() == 0 ? 0 : stored.computeIfAbsent(e.text, background::documentsContaining);
            int df = usedBy.getOrDefault(e.text, 1) + elsewhere;
            top.add(term(e, e.count * idf(n, df), usedBy.getOrDefault(e.text, 1)));
            if (top.size() > limit) top.poll();
        }
        List<DiscoveredTerm> out = new ArrayList<>(top);
        out.sort(BEST_FIRST);
        return List.copyOf(out);
    }

    private static double idf(int n, int df) { return Math.log(1.0 + (double) n / Math.max(1, df)); }

    private static DiscoveredTerm term(TermTally.Entry e, double score, int documents) {
        return new DiscoveredTerm(e.text, e.count, score, documents, Excerpt.around(e.example, e.at, e.text.length()));
    }
}
