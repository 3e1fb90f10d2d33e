package org.nqpfkg.loader.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Enumerations.Item;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.extract.Segmenter.Token;
import org.nqpfkg.loader.text.Sentence;

/**
 * Sectors: the items of an enumeration closed by 领域, 行业 or 产业 (在A、B和C等领域, A、B及C行业, A、B等新兴产业),
 * in a text of any genre but a study of paths and mechanisms (whose sectors are the examples the case
 * rules type). Technologies (人工智能、大数据等领域: technology-words.txt) are not sectors; nor is an item
 * longer than a sector's name, one with a verb, or a list of kinds of industry (传统产业和新兴产业).
 */
final class SectorRules extends RuleSet {
    private static final Pattern HEAD = Pattern.compile("领域|行业|产业|赛道");
    /** What may stand between 等 and the head: a short qualifier (等重点领域, 等战略性新兴产业), no separator. */
    private static final Pattern QUALIFIER = Pattern.compile("[\\p{IsHan}]{0,6}");
    private static final int MAX_ITEM = 8;

    private final Segmenter segmenter;

    SectorRules(Context ctx, Extraction ex, Scope scope, Segmenter segmenter) {
        super(ctx, ex, scope);
        this.segmenter = segmenter;
    }

    @Override
    void apply() {
        if (Genre.studiesPathsAndMechanisms(ctx)) return;
        List<Thing> before = ex.things("Sector");
        for (Sentence s : sentences()) {
            Matcher m = HEAD.matcher(s.text());
            while (m.find()) {
                List<Token> tokens = segmenter.tokens(s);
                // The head ends a word (产业链, 行业性 are other words) and follows the enumeration or its 等.
                if (!Segmenter.boundary(tokens, m.end())) continue;
                int end = etc(s.text(), tokens, m.start());
                List<Item> items = Enumerations.before(s.text(), tokens, end);
                if (items.size() < 2 || items.stream().anyMatch(i -> HEAD.matcher(i.text()).find())) continue;
                for (Item item : items) sector(item, s, before);
            }
        }
    }

    /** Where the enumeration before a head ends: at its 等 (a word of its own), else at the head. */
    private static int etc(String text, List<Token> tokens, int head) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.end() > head) continue;
            if (head - t.end() > 6) break;
            if (t.word().equals("等") && QUALIFIER.matcher(text.substring(t.end(), head)).matches()
                    && !text.substring(t.end(), head).matches(".*[和及与或].*")) return t.start();
        }
        return head;
    }

    private void sector(Item item, Sentence s, List<Thing> before) {
        String label = Patterns.unquote(item.text());
        if (label.length() < 2 || label.length() > MAX_ITEM) return;  // a clause read as an item, no term
        if (ctx.lexicon.words().isTechnology(label) || item.tags().stream().anyMatch(t -> t.startsWith("v") && !t.equals("vn"))
                || item.tags().stream().allMatch(t -> t.startsWith("a") || t.startsWith("b") || t.startsWith("m"))) {
            ex.candidate(label + " (enumerated before a sector word, not taken as a sector)");
            return;
        }
        Thing known = ex.find("Sector", ctx.lexicon.canonical(label));
        if (known != null && before.contains(known)) return;
        thing("Sector", label, Extraction.Evidence.of(s, "sector-enumeration"));
    }
}
