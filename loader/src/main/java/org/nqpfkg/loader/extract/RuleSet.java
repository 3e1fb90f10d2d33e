package org.nqpfkg.loader.extract;

import java.util.List;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Sentence;

/** What every family of rules shares: the document's context, the findings so far, and the scope of each passage. */
abstract class RuleSet {
    final Context ctx;
    final Extraction ex;
    final Scope scope;

    RuleSet(Context ctx, Extraction ex, Scope scope) {
        this.ctx = ctx;
        this.ex = ex;
        this.scope = scope;
    }

    abstract void apply();

    List<Sentence> sentences() { return ctx.structure.sentences(); }

    Thing reference(Lexicon.Reference ref) {
        String type = ref.type();
        return ex.reference(type, ref.labels().stream().filter(l -> l.length() > 1).findFirst().orElse(ref.labels().get(0)), ref.iri());
    }

    /** A named thing, under the vocabulary's canonical label, remembering the surface form used. */
    Thing thing(String kind, String surface, Evidence evidence) {
        String label = ctx.lexicon.canonical(surface);
        Thing t = ex.thing(kind, label, evidence);
        if (!surface.equals(label)) t.variants.add(surface);
        return t;
    }

    /**
     * Places a thing at the level the sentence names before {@code offset}, or else at its section's
     * level (with the heading as further evidence). Returns false when neither names one level.
     */
    boolean placeAtLevel(Thing t, Sentence s, int offset, String rule) {
        Context.Mention inSentence = ctx.levelBefore(s.text(), offset);
        if (inSentence == null) {
            // "人工智能通过A机制和B机制,促进企业层面…": a sentence that names one level names it for all it states.
            List<Context.Mention> named = ctx.levels(s.text());
            if (named.stream().map(Context.Mention::ref).distinct().count() == 1) inSentence = named.get(0);
        }
        if (inSentence != null) {
            ex.link(t, "level", reference(inSentence.ref()), Evidence.of(s, rule));
            return true;
        }
        Context.Mention bySection = ctx.sectionLevel(s.section());
        if (bySection == null) return false;
        ex.link(t, "level", reference(bySection.ref()), Evidence.of(s, rule));
        return true;
    }
}
