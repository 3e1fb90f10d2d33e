package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Enumerations.Item;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.extract.Segmenter.Token;
import org.nqpfkg.loader.text.Sentence;

/**
 * Paths and mechanisms as any genre states them, beside the paper's headings and enumerations:
 * "X是…的关键路径" (X is a path; also 基本, 重要 … or no qualifier), "X是…的核心机制" (X is a mechanism, a
 * qualifier required: a bare "…的机制" is too often an institution), "A、B和C等具体路径" (each item a path),
 * "通过X的路径" (X is a path). The level is the one the sentence or its heading names, else the one the
 * wording around the item implies (see {@link LevelCues}); where there is none the thing is kept without
 * a level. A path or mechanism another rule typed keeps the evidence that rule gave it.
 */
final class StatedRules extends RuleSet {
    /** "是…的(qualifier)路径|机制": the qualifier a few characters, no 的. */
    private static final Pattern IS_THE = Pattern.compile("是([^,;:。!?]{1,30}?)的([\\p{IsHan}&&[^的]]{0,4})(路径|机制)");
    private static final Pattern ETC_PATHS = Pattern.compile("等([\\p{IsHan}&&[^的]]{0,4})路径");
    private static final Pattern THROUGH = Pattern.compile("通过([^,;:。!?的]{2,16})的路径");
    private static final Set<String> MECHANISM_QUALIFIERS = Set.of("关键", "核心", "内在", "重要", "主要", "基本", "有效", "根本", "作用", "传导");
    private static final int MAX_SUBJECT = 16;
    private static final int MAX_ITEM = 10;

    private final Segmenter segmenter;
    private final LevelCues cues;
    private final List<Thing> before = new ArrayList<>();

    StatedRules(Context ctx, Extraction ex, Scope scope, Segmenter segmenter) {
        super(ctx, ex, scope);
        this.segmenter = segmenter;
        this.cues = new LevelCues(ctx.lexicon);
    }

    @Override
    void apply() {
        before.addAll(ex.things("Path"));
        before.addAll(ex.things("Mechanism"));
        for (Sentence s : sentences()) {
            if (s.section() != null && "references".equals(s.section().kind)) continue;
            isThe(s);
            etcPaths(s);
            through(s);
        }
    }

    /** "X是…的关键路径": X is the subject of its clause, from the clause's start to 是. */
    private void isThe(Sentence s) {
        Matcher m = IS_THE.matcher(s.text());
        while (m.find()) {
            List<Token> tokens = segmenter.tokens(s);
            Token is = Segmenter.at(tokens, m.start());
            if (is == null || !is.word().equals("是")) continue;  // 但是, 于是, 是否
            String kind = m.group(3).equals("路径") ? "Path" : "Mechanism";
            if (kind.equals("Mechanism") && !MECHANISM_QUALIFIERS.contains(m.group(2))) {
                ex.candidate(s.text().substring(m.start(), m.end()) + " (mechanism wording without a qualifier)");
                continue;
            }
            int clause = clauseStart(s.text(), m.start());
            int[] span = trim(s.text(), tokens, clause, m.start());
            if (span == null) continue;
            String subject = s.text().substring(span[0], span[1]);
            if (kind.equals("Mechanism") && MechanismRules.GENERIC.stream().anyMatch(subject::endsWith)) {
                ex.candidate(subject + " (generic mechanism word)");
                continue;
            }
            String label = Patterns.unquote(subject);
            stated(kind, label.endsWith(m.group(3)) ? label : label + m.group(3), s, span[0], label, "stated-" + kind.toLowerCase());
        }
    }

    /** "通过A、B和C等具体路径": each item is a path. */
    private void etcPaths(Sentence s) {
        Matcher m = ETC_PATHS.matcher(s.text());
        while (m.find()) {
            List<Token> tokens = segmenter.tokens(s);
            Token etc = Segmenter.at(tokens, m.start());
            if (etc == null || !etc.word().equals("等")) continue;
            List<Item> items = Enumerations.before(s.text(), tokens, m.start(), true);
            if (items.size() < 2) continue;
            for (Item item : items) {
                String label = Patterns.unquote(item.text());
                // "推动技术赋能、数据驱动等路径": the verb that opens the list is not part of its first path.
                if (item == items.get(0)) label = MechanismRules.LEADING_VERB.matcher(label).replaceFirst("");
                if (label.length() < 2 || label.length() > MAX_ITEM) continue;  // a clause read as an item, no term
                if (ctx.lexicon.words().isTechnology(label)) {
                    ex.candidate(label + " (technology enumerated before 路径, not taken as a path)");
                    continue;
                }
                stated("Path", label + "路径", s, item.start(), label, "stated-path-enumeration");
            }
        }
    }

    /** "通过X的路径": X is a path. */
    private void through(Sentence s) {
        Matcher m = THROUGH.matcher(s.text());
        while (m.find()) {
            List<Token> tokens = segmenter.tokens(s);
            int[] span = trim(s.text(), tokens, m.start(1), m.end(1));
            if (span == null) continue;
            String label = Patterns.unquote(s.text().substring(span[0], span[1]));
            stated("Path", label + "路径", s, span[0], label, "stated-path-through");
        }
    }

    private void stated(String kind, String label, Sentence s, int offset, String item, String rule) {
        Thing existing = ex.find(kind, ctx.lexicon.canonical(label));
        if (existing != null && before.contains(existing)) return;
        Thing t = thing(kind, label, Evidence.of(s, rule));
        t.levelMayBeUnstated = true;
        if (!ex.links(t, "level").isEmpty()) return;
        if (placeAtLevel(t, s, offset, rule)) return;
        // The words around the item: the item itself, then its clause, then the sentence.
        String clause = s.text().substring(clauseStart(s.text(), offset), clauseEnd(s.text(), offset));
        for (String around : List.of(item, clause, s.text())) {
            Lexicon.Reference level = cues.in(around);
            if (level != null) {
                ex.link(t, "level", reference(level), Evidence.of(s, "level-cue"));
                return;
            }
            if (cues.count(around) > 0) return;  // cues that disagree: a wider look would only guess
        }
    }

    /** The subject's words between the clause start and 是: leading conjunctions, adverbs and verbs cut, trailing adverbs too. */
    private int[] trim(String text, List<Token> tokens, int from, int to) {
        int start = from;
        int end = to;
        for (Token t : tokens) {
            if (t.end() <= start || t.start() >= end) continue;
            if (t.start() == start && (t.tagged("c") || t.tagged("d") || t.tagged("p") || t.tagged("u") || t.punctuation())) start = t.end();
        }
        // "推动人工智能与实体经济深度融合是…": the verb that opens the clause is not part of the path's name.
        Matcher verb = MechanismRules.LEADING_VERB.matcher(text.substring(start, end));
        if (verb.find()) start += verb.end();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.end() == end && t.start() >= start && (t.tagged("d") || t.tagged("u"))) end = t.start();
        }
        if (end - start < 2 || end - start > MAX_SUBJECT) return null;
        Token first = Segmenter.at(tokens, start);
        if (first == null || first.tagged("r")) return null;  // 这, 该, 其: a reference back, not a name
        return new int[] {start, end};
    }

    private static int clauseStart(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) if (",;:,;:。!?".indexOf(text.charAt(i)) >= 0) return i + 1;
        return 0;
    }

    private static int clauseEnd(String text, int offset) {
        for (int i = offset; i < text.length(); i++) if (",;:,;:。!?".indexOf(text.charAt(i)) >= 0) return i;
        return text.length();
    }
}
