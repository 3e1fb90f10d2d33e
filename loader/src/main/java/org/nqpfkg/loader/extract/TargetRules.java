package org.nqpfkg.loader.extract;

import java.util.List;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Target;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Block;
import org.nqpfkg.loader.text.Sentence;

/**
 * Dated targets: each horizon phrase (到2027年, 2030年前, 到“十五五”末 … see YearPhrases) in a sentence of body
 * text states one target, in the clause around it. The clause starts where the phrase's comma-clause starts
 * (so 力争 and a subject before the phrase stay with it: 产业规模到2027年超过1000亿元) and runs to the next
 * semicolon or sentence end, or to where the next target's clause starts; 2030年前实现碳达峰、2060年前实现碳中和
 * states two. The figure is the first in the clause (see Figures).
 *
 * <p>The horizon counts years from the document's year (metadata date, else a dateline; see DocumentDate):
 * up to 3 years ahead is short term, up to 10 medium term, beyond that long term. A year before the
 * document's is no target (到2023年底,已建成… reports what was reached); without a date no horizon is given.
 * Headings, captions, tables and references are not read: they name targets, they do not set them.
 */
final class TargetRules extends RuleSet {
    static final int SHORT_TERM_YEARS = 3;
    static final int MEDIUM_TERM_YEARS = 10;
    private static final String CLAUSE_START = ",;:";
    private static final String CLAUSE_END = ";。!?";
    private static final String TRAILING = ",;:。!?、 ";

    private final Figures figures;
    private final String metadataDate;
    private Integer documentYear;

    TargetRules(Context ctx, Extraction ex, Scope scope, WordLists words, String metadataDate) {
        super(ctx, ex, scope);
        this.figures = new Figures(words);
        this.metadataDate = metadataDate;
    }

    @Override
    void apply() {
        String textDate = DocumentDate.inText(ctx.structure.text());
        if (textDate != null) ex.documentDate(textDate);
        Integer year = DocumentDate.year(metadataDate);
        documentYear = year != null ? year : DocumentDate.year(textDate);
        for (Sentence s : sentences()) {
            if (s.blockKind() != Block.Kind.PARAGRAPH || (s.section() != null && "references".equals(s.section().kind))) continue;
            List<YearPhrases.Phrase> phrases = YearPhrases.in(s.text());
            if (documentYear != null) phrases = phrases.stream().filter(p -> p.year() >= documentYear).toList();
            for (int i = 0; i < phrases.size(); i++) {
                YearPhrases.Phrase p = phrases.get(i);
                int start = clauseStart(s.text(), p, i == 0 ? null : phrases.get(i - 1));
                int end = i + 1 < phrases.size() ? clauseStart(s.text(), phrases.get(i + 1), p) : s.text().length();
                end = Math.min(end, clauseEnd(s.text(), p.end()));
                while (end > p.end() && TRAILING.indexOf(s.text().charAt(end - 1)) >= 0) end--;
                String after = s.text().substring(p.end(), end);
                String value = figures.first(after);
                if (value == null) value = figures.first(s.text().substring(start, p.start()));
                Evidence e = new Evidence(s.start() + start, s.start() + end, s.section(), "target-year");
                ex.target(new Target(p.year(), value, e, horizon(p.year())));
            }
        }
    }

    /** After the last comma, semicolon or colon before the phrase; at the phrase itself when an earlier target's phrase stands between. */
    private static int clauseStart(String text, YearPhrases.Phrase p, YearPhrases.Phrase previous) {
        int start = 0;
        for (int i = p.start() - 1; i >= 0; i--)
            if (CLAUSE_START.indexOf(text.charAt(i)) >= 0) { start = i + 1; break; }
        if (previous != null && previous.end() > start) start = p.start();
        return start;
    }

    private static int clauseEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) if (CLAUSE_END.indexOf(text.charAt(i)) >= 0) return i;
        return text.length();
    }

    private Thing horizon(int year) {
        if (documentYear == null) return null;
        int ahead = year - documentYear;
        String name = ahead <= SHORT_TERM_YEARS ? "short" : ahead <= MEDIUM_TERM_YEARS ? "medium" : "long";
        for (Lexicon.Reference h : ctx.lexicon.references("Horizon"))
            if (h.iri().endsWith("/" + name)) return reference(h);
        return null;
    }
}
