package org.nqpfkg.loader.report;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides what a compound is for the report: a name the graph already has, a term worth showing an
 * analyst, or neither (a general word, a fragment, a number, or a known name with a general word added).
 */
public final class TermFilter {
    /** What a compound is. */
    public enum Verdict { KNOWN, CANDIDATE, NONE }

    private final Predicate<String> known;
    /** Words too general to name one concept (ontology/generic-words.txt): never a term alone. */
    private final Set<String> generic;
    /** Words of prose about anything (问题, 方面, 过程): never a term, nor at either end of one. */
    private final Set<String> stop;

    public TermFilter(Predicate<String> known, java.util.Collection<String> generic, java.util.Collection<String> stop) {
        this.known = known;
        this.generic = Set.copyOf(generic);
        this.stop = Set.copyOf(stop);
    }

    public Verdict verdict(NounCompounds.Compound c) {
        String text = c.text();
        if (known.test(text)) return Verdict.KNOWN;
        if (text.codePointCount(0, text.length()) < 2 || !wordLike(text)) return Verdict.NONE;
        if (generic.contains(text) || stop.contains(text)) return Verdict.NONE;
        var pieces = c.pieces();
        if (stop.contains(pieces.get(0)) || stop.contains(pieces.get(pieces.size() - 1))) return Verdict.NONE;
        // 人工智能技术, 人工智能产业链: the graph's own names with general words or each other, not new vocabulary.
        boolean anyKnown = pieces.stream().anyMatch(known);
        boolean allNamed = pieces.stream().allMatch(p -> known.test(p) || generic.contains(p) || stop.contains(p));
        return anyKnown && allNamed ? Verdict.NONE : Verdict.CANDIDATE;
    }

    /**
     * Has a Han character, or is a Latin acronym or product name (AI, AIGC, ChatGPT): a capital after the
     * first letter. Other Latin words in a Chinese text are mostly from cited titles and abstracts (the,
     * Abstract). Digits make a number or a date, not a term.
     */
    static boolean wordLike(String text) {
        if (text.codePoints().anyMatch(Character::isDigit)) return false;
        if (text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) return true;
        return text.codePoints().allMatch(Character::isLetter) && text.codePoints().skip(1).anyMatch(Character::isUpperCase);
    }
}
