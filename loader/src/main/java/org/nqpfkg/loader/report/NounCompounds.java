package org.nqpfkg.loader.report;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The noun words and noun compounds of a sentence, as HanLP's part-of-speech segmenter sees them: the
 * surfaces a vocabulary alias could be. Adjacent nouns are joined into compounds of up to
 * {@link #MAX_PIECES} pieces (数据 + 要素 → 数据要素), and every shorter run inside a longer one is offered
 * too, so that 数据要素 is counted where 数据要素市场 stands.
 *
 * <p>A dictionary segmenter cuts a word it does not know into single characters (算/v 力/n, 具/vg 身/ng),
 * and new words are exactly what this is for, so a run of such characters is taken back together as one
 * piece, and a lone noun-like character sticks to the noun beside it (大 + 模型, 产业 + 链).
 *
 * <p>A name the graph already knows is one piece, so its parts are not offered on their own (新质 of
 * 新质生产力); {@code known} is asked about runs of pieces only, never about the segmentation itself.
 */
public final class NounCompounds {
    private NounCompounds() {}

    /** Longest compound, in pieces: longer runs are descriptions, not names. */
    public static final int MAX_PIECES = 3;
    /** Longest known name looked for in a run, in pieces. */
    private static final int MAX_KNOWN_PIECES = 4;

    /**
     * One compound of a sentence.
     *
     * @param text   its words, exactly as they stand in the sentence
     * @param pieces the words it is made of, in order
     * @param start  UTF-16 offset in the sentence
     * @param action whether it ends in a verbal noun (算力网络建设): it says what is done to a thing, so the
     *               thing's name (算力网络) is a term of its own even where it never stands without it
     */
    public record Compound(String text, List<String> pieces, int start, boolean action) {}

    /** What a piece may be in a compound. */
    private enum Role {
        /** a noun: anywhere, or alone */
        NOUN,
        /** a verbal noun (调整, 预测): names an action, so a term only with a noun before it (市场化配置) */
        ACTION,
        /** a distinguishing word (新型, 公共): never alone; in front of a noun, or after one (数字孪生) */
        MODIFIER
    }

    /** A piece of a noun run: UTF-16 span in the sentence. */
    private record Piece(int start, int end, Role role) {}

    /** Per-thread, as in {@link org.nqpfkg.loader.link.WordBoundaries}: HanLP segments keep state per call. */
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() ->
            HanLP.newSegment().enableOffset(true).enablePartOfSpeechTagging(true).enableNameRecognize(false)
                    .enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false).enablePlaceRecognize(false)
                    .enableOrganizationRecognize(false));

    /** Every compound of one to {@link #MAX_PIECES} pieces, in sentence order. */
    public static List<Compound> of(String sentence, Predicate<String> known) {
        List<Compound> out = new ArrayList<>();
        if (sentence.isBlank()) return out;
        for (List<Piece> run : runs(sentence, SEGMENT.get().seg(sentence))) {
            run = joinKnown(sentence, run, known);
            for (int i = 0; i < run.size(); i++)
                for (int j = i + 1; j <= Math.min(run.size(), i + MAX_PIECES); j++) {
                    Piece last = run.get(j - 1);
                    if (j == i + 1 && last.role() != Role.NOUN) continue;
                    List<String> pieces = run.subList(i, j).stream().map(p -> text(sentence, p)).toList();
                    out.add(new Compound(sentence.substring(run.get(i).start(), last.end()), pieces, run.get(i).start(),
                            last.role() == Role.ACTION));
                }
        }
        return out;
    }

    /** Pieces that together spell a known name become one piece, longest first. */
    private static List<Piece> joinKnown(String sentence, List<Piece> run, Predicate<String> known) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < run.size()) {
            int joined = 1;
            for (int j = Math.min(run.size(), i + MAX_KNOWN_PIECES); j > i + 1; j--)
                if (known.test(sentence.substring(run.get(i).start(), run.get(j - 1).end()))) {
                    joined = j - i;
                    break;
                }
            out.add(joined == 1 ? run.get(i) : new Piece(run.get(i).start(), run.get(i + joined - 1).end(), Role.NOUN));
            i += joined;
        }
        return out;
    }

    /** The maximal runs of adjacent noun pieces. */
    private static List<List<Piece>> runs(String sentence, List<Term> terms) {
        List<List<Piece>> runs = new ArrayList<>();
        List<Piece> run = new ArrayList<>();
        int i = 0;
        while (i < terms.size()) {
            Term t = terms.get(i);
            int fragments = fragmentRun(sentence, terms, i);
            Piece prev = run.isEmpty() ? null : run.get(run.size() - 1);
            if (fragments >= 2 && nounLike(terms, i, fragments)) {
                // Characters of a word the dictionary does not know: one piece.
                Term last = terms.get(i + fragments - 1);
                run.add(new Piece(t.offset, end(last), Role.NOUN));
                i += fragments;
                continue;
            }
            Role role = role(sentence, t);
            if (role != null && (prev == null || prev.end() == t.offset)) {
                run.add(new Piece(t.offset, end(t), role));
            } else if (fragments == 1 && isPrefix(t) && i + 1 < terms.size() && role(sentence, terms.get(i + 1)) == Role.NOUN
                    && end(t) == terms.get(i + 1).offset) {
                // 大 + 模型: a lone modifier character is part of the noun it stands before.
                if (prev != null && prev.end() != t.offset) run = close(runs, run);
                run.add(new Piece(t.offset, end(terms.get(i + 1)), Role.NOUN));
                i += 2;
                continue;
            } else if (fragments == 1 && isSuffix(t) && prev != null && prev.role() == Role.NOUN && prev.end() == t.offset) {
                // 产业 + 链: a lone noun character after a noun ends that noun.
                run.set(run.size() - 1, new Piece(prev.start(), end(t), Role.NOUN));
            } else {
                run = close(runs, run);
                if (role != null) run.add(new Piece(t.offset, end(t), role));
            }
            i++;
        }
        close(runs, run);
        return runs;
    }

    private static List<Piece> close(List<List<Piece>> runs, List<Piece> run) {
        if (!run.isEmpty()) runs.add(run);
        return new ArrayList<>();
    }

    private static int end(Term t) { return t.offset + t.word.length(); }

    private static String text(String sentence, Piece p) { return sentence.substring(p.start(), p.end()); }

    /** How many single content characters stand in a row from {@code i}, each right after the other. */
    private static int fragmentRun(String sentence, List<Term> terms, int i) {
        int n = 0;
        while (i + n < terms.size() && isFragment(sentence, terms.get(i + n))
                && (n == 0 || end(terms.get(i + n - 1)) == terms.get(i + n).offset)) n++;
        return n;
    }

    /** A run of characters is a word's pieces only if one of them is noun-like; 能 + 使 are two verbs. */
    private static boolean nounLike(List<Term> terms, int i, int n) {
        for (int k = i; k < i + n; k++) {
            String nature = nature(terms.get(k));
            if (nature.startsWith("n") || nature.startsWith("g") || nature.equals("vg") || nature.equals("ag")) return true;
        }
        return false;
    }

    /** One Han character of a content word (not a particle, preposition, pronoun, number, measure or adverb). */
    private static boolean isFragment(String sentence, Term t) {
        if (!inside(sentence, t) || t.word.codePointCount(0, t.word.length()) != 1) return false;
        if (Character.UnicodeScript.of(t.word.codePointAt(0)) != Character.UnicodeScript.HAN) return false;
        String n = nature(t);
        return n.startsWith("n") || n.startsWith("g") || n.startsWith("a") || n.equals("b")
                || (n.startsWith("v") && !n.equals("vshi") && !n.equals("vyou") && !n.equals("vf"));
    }

    /**
     * The role of a word of two or more characters in a compound, or null when it cannot be in one. Person
     * names are not vocabulary; numbers are not nouns. A verbal noun in -化 (数字化, 智能化) names a state
     * reached, as a noun does; other verbal nouns name actions.
     */
    private static Role role(String sentence, Term t) {
        if (!inside(sentence, t) || t.word.codePointCount(0, t.word.length()) < 2) return null;
        String n = nature(t);
        if (n.startsWith("nr")) return null;
        if (n.equals("vn")) return t.word.endsWith("化") ? Role.NOUN : Role.ACTION;
        if (n.equals("b")) return Role.MODIFIER;
        if (n.startsWith("n") || n.startsWith("g")) return Role.NOUN;
        return null;
    }

    private static boolean isPrefix(Term t) {
        String n = nature(t);
        return n.startsWith("n") || n.equals("a") || n.equals("ag") || n.equals("b") || n.equals("vg");
    }

    private static boolean isSuffix(Term t) {
        String n = nature(t);
        return n.equals("n") || n.equals("ng");
    }

    private static boolean inside(String sentence, Term t) {
        return t.offset >= 0 && t.offset + t.word.length() <= sentence.length();
    }

    private static String nature(Term t) { return t.nature == null ? "" : t.nature.toString(); }
}
