package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nqpfkg.loader.extract.Segmenter.Token;

/**
 * The items of an enumeration that closes at a given offset (在A、B和C等领域: the items before 等), read
 * leftwards word by word: 、 and the conjunctions 和, 及, 与, 以及, 或 (as words of their own, so 和利时 is
 * no separator) part the items; punctuation, prepositions, verbs and other function words end the
 * enumeration, so its first item starts at a word boundary (推动 / 制造、物流与医疗).
 */
final class Enumerations {
    private Enumerations() {}

    /** An item: its text and UTF-16 offsets into the sentence; {@code tags} are its words' parts of speech. */
    record Item(String text, int start, int end, List<String> tags) {}

    private static final Set<String> CONJUNCTIONS = Set.of("和", "及", "与", "以及", "或", "或者");

    /**
     * Items (in order) that end at {@code end}; a word straddling {@code end} counts with its part before
     * it (教育行业: 教育). A verb right after 、 opens an item that contains it (its tags say so); any other
     * verb stands before the enumeration and ends it.
     */
    static List<Item> before(String text, List<Token> tokens, int end) { return before(text, tokens, end, false); }

    /** As {@link #before(String, List, int)}; with {@code verbsInside} verbs belong to the items (paths are actions: 预测维护). */
    static List<Item> before(String text, List<Token> tokens, int end, boolean verbsInside) {
        List<Item> items = new ArrayList<>();
        int itemEnd = end;
        int itemStart = end;
        List<String> tags = new ArrayList<>();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.start() >= end) continue;
            boolean separator = t.word().equals("、") || CONJUNCTIONS.contains(t.word());
            // "员工、企业和产业层面": a separator right at the end means the closing word is the last item, not a head.
            if (separator && t.end() == end && items.isEmpty() && itemStart == itemEnd) return List.of();
            if (separator) {
                if (itemStart < itemEnd) items.add(0, new Item(text.substring(itemStart, itemEnd), itemStart, itemEnd, List.copyOf(tags)));
                itemEnd = t.start();
                itemStart = t.start();
                tags = new ArrayList<>();
                continue;
            }
            boolean opensItem = t.verb() && (verbsInside && !t.tag().equals("vshi") || i > 0 && tokens.get(i - 1).word().equals("、"));
            if (ends(t) && !opensItem) break;
            itemStart = t.start();
            tags.add(0, t.tag());
        }
        if (itemStart < itemEnd) items.add(0, new Item(text.substring(itemStart, itemEnd), itemStart, itemEnd, List.copyOf(tags)));
        return items;
    }

    /** A word that cannot stand inside an item: punctuation, prepositions, verbs, adverbs, pronouns, particles, person names. */
    static boolean ends(Token t) {
        String tag = t.tag();
        if (t.punctuation()) return true;
        if (t.verb() || t.person()) return true;
        return tag.startsWith("p") || tag.startsWith("c") || tag.startsWith("u") || tag.startsWith("d") || tag.startsWith("r")
                || tag.startsWith("y") || tag.startsWith("e") || tag.startsWith("o") || tag.equals("f") || tag.startsWith("t")
                || tag.startsWith("q");
    }
}
