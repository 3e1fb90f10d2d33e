package org.nqpfkg.loader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each compound stands in some text (a document, or a whole load), with the first sentence it
 * stands in. Known names are counted too: a candidate that only ever appears inside a longer name or
 * candidate (算力 inside 算力网络) is that longer word's part, not a term of its own.
 */
final class TermTally {
    /** One compound's count; the example is the first sentence it was seen in, and where in it. */
    static final class Entry {
        final String text;
        final List<String> pieces;
        final TermFilter.Verdict verdict;
        final boolean action;
        int count;
        String example;
        int at;

        Entry(String text, List<String> pieces, TermFilter.Verdict verdict, boolean action) {
            this.text = text;
            this.pieces = pieces;
            this.verdict = verdict;
            this.action = action;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    void add(NounCompounds.Compound c, TermFilter.Verdict verdict, String sentence) {
        if (verdict == TermFilter.Verdict.NONE) return;
        Entry e = entries.computeIfAbsent(c.text(), k -> new Entry(c.text(), c.pieces(), verdict, c.action()));
        if (e.count++ == 0) {
            e.example = sentence;
            e.at = c.start();
        }
    }

    /** Adds another tally's counts; examples already here are kept, so the first text's example wins. */
    void addAll(TermTally other) {
        for (Entry o : other.entries.values()) {
            Entry e = entries.computeIfAbsent(o.text, k -> new Entry(o.text, o.pieces, o.verdict, o.action));
            if (e.count == 0) {
                e.example = o.example;
                e.at = o.at;
            }
            e.count += o.count;
        }
    }

    /** The candidates that stand here at all, on their own or inside longer words. */
    List<String> used() {
        return entries.values().stream().filter(e -> e.verdict == TermFilter.Verdict.CANDIDATE).map(e -> e.text).toList();
    }

    /**
     * Candidates seen at least {@code min} times that stand on their own at least once: fewer times inside
     * any single longer name or candidate than in all. A compound ending in an action does not count as the
     * longer word: 算力网络 stays a term where it is only ever written as 算力网络建设.
     */
    List<Entry> candidates(int min) {
        Map<String, Integer> mostInside = new java.util.HashMap<>();
        for (Entry e : entries.values()) {
            if (e.action) continue;
            for (int i = 0; i < e.pieces.size(); i++)
                for (int j = i + 1; j <= e.pieces.size(); j++) {
                    if (j - i == e.pieces.size()) continue;
                    mostInside.merge(String.join("", e.pieces.subList(i, j)), e.count, Math::max);
                }
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values())
            if (e.verdict == TermFilter.Verdict.CANDIDATE && e.count >= min && mostInside.getOrDefault(e.text, 0) < e.count) out.add(e);
        return out;
    }
}
