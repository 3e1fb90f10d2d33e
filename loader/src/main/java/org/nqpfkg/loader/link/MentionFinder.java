package org.nqpfkg.loader.link;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Finds the concepts a sentence names: every entry whose words stand in it as whole words. */
public final class MentionFinder {
    private MentionFinder() {}

    /** A match in a sentence: UTF-16 offsets into the sentence, and the entry it matched. */
    public record Found(int start, int end, Entry entry) {}

    public static List<Found> find(String sentence, ConceptTable.Index index) {
        return find(sentence, index, iri -> true);
    }

    /** Matches of the concepts {@code concepts} accepts; a concept's match inside a longer match of its own is dropped. */
    public static List<Found> find(String sentence, ConceptTable.Index index, Predicate<String> concepts) {
        List<Found> found = new ArrayList<>();
        if (index.size() == 0 || sentence.isEmpty()) return found;
        BitSet cuts = WordBoundaries.of(sentence);
        int longest = index.longest();
        for (int i = cuts.nextSetBit(0); i >= 0 && i < sentence.length(); i = cuts.nextSetBit(i + 1))
            for (int j = cuts.nextSetBit(i + 1); j > 0 && j - i <= longest; j = j >= sentence.length() ? -1 : cuts.nextSetBit(j + 1))
                for (Entry e : index.bySurface(sentence.substring(i, j)))
                    if (concepts.test(e.concept())) found.add(new Found(i, j, e));
        List<int[]> titles = titles(sentence);
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            // A cited work's title is a name of its own: the words inside 《…》 are not mentions, the whole title may be.
            if (titles.stream().anyMatch(t -> f.start() >= t[0] && f.end() <= t[1] && (f.start() > t[0] || f.end() < t[1]))) continue;
            boolean inside = found.stream().anyMatch(o -> o != f && o.entry().concept().equals(f.entry().concept())
                    && o.start() <= f.start() && o.end() >= f.end() && o.end() - o.start() > f.end() - f.start());
            if (!inside) kept.add(f);
        }
        kept.sort(Comparator.comparingInt(Found::start).thenComparingInt(Found::end).thenComparing(f -> f.entry().concept()));
        return kept;
    }

    /** Spans of the text inside each 《…》 of a sentence (without the marks). */
    static List<int[]> titles(String sentence) {
        List<int[]> spans = new ArrayList<>();
        for (int open = sentence.indexOf('《'); open >= 0; open = sentence.indexOf('《', open + 1)) {
            int close = sentence.indexOf('》', open + 1);
            if (close < 0) break;
            spans.add(new int[] {open + 1, close});
        }
        return spans;
    }
}
