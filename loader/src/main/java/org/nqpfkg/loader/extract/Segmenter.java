package org.nqpfkg.loader.extract;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nqpfkg.loader.text.Sentence;

/**
 * Words of a sentence with their part of speech, from HanLP's segmenter (dictionaries inside its jar, no
 * download), read twice: plainly, for word boundaries and word classes, and with HanLP's organisation
 * recogniser, whose guesses (nt: 金杜律师事务所, but also 联合青藤大学) count only where a suffix confirms
 * them. One per document; it remembers each sentence's words, which several rules read.
 */
final class Segmenter {
    /** A word: UTF-16 offsets into the sentence, and HanLP's part-of-speech tag (n, v, nt, nr, w …). */
    record Token(String word, String tag, int start, int end) {
        boolean tagged(String prefix) { return tag.startsWith(prefix); }
        /** Tagged as an organisation name (nt, ntc, ntu …) or an institution word (nis: 集团, 总局). */
        boolean organisationTag() { return tag.startsWith("nt") && !tag.equals("nnt") || tag.equals("nis"); }
        boolean verb() { return tag.startsWith("v") && !tag.equals("vn"); }
        boolean person() { return tag.startsWith("nr") && !tag.equals("nrf") || tag.equals("nnt") || tag.equals("nnd"); }
        boolean punctuation() { return tag.startsWith("w"); }
    }

    private final Segment plain = HanLP.newSegment().enableOffset(true);
    private final Segment guessing = HanLP.newSegment().enableOrganizationRecognize(true).enableOffset(true);
    private final Map<String, List<Token>> words = new HashMap<>();
    private final Map<String, List<Token>> guesses = new HashMap<>();

    List<Token> tokens(Sentence s) { return tokens(s.text()); }

    /** The sentence's words. */
    synchronized List<Token> tokens(String text) { return words.computeIfAbsent(text, t -> segment(plain, t)); }

    /** The sentence's words where the organisation recogniser has joined some into guessed names (nt). */
    synchronized List<Token> guesses(String text) { return guesses.computeIfAbsent(text, t -> segment(guessing, t)); }

    private static List<Token> segment(Segment segment, String t) {
        List<Token> out = new ArrayList<>();
        int at = 0;
        for (Term term : segment.seg(t)) {
            // HanLP gives offsets; fall back on the running position should one be missing.
            int start = term.offset >= at && t.startsWith(term.word, term.offset) ? term.offset : t.indexOf(term.word, at);
            if (start < 0) continue;
            out.add(new Token(term.word, term.nature == null ? "x" : term.nature.toString(), start, start + term.word.length()));
            at = start + term.word.length();
        }
        return List.copyOf(out);
    }

    /** The token that ends at {@code offset}, or null. */
    static Token endingAt(List<Token> tokens, int offset) {
        for (Token t : tokens) if (t.end() == offset) return t;
        return null;
    }

    /** The token that contains the character at {@code offset}, or null. */
    static Token at(List<Token> tokens, int offset) {
        for (Token t : tokens) if (t.start() <= offset && offset < t.end()) return t;
        return null;
    }

    /** Whether a word boundary falls at {@code offset}. */
    static boolean boundary(List<Token> tokens, int offset) {
        if (offset == 0) return true;
        for (Token t : tokens) {
            if (t.end() == offset || t.start() == offset) return true;
            if (t.start() > offset) break;
        }
        return false;
    }
}
