package org.nqpfkg.loader.extract;

import java.util.List;
import java.util.Set;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Sentence;

/**
 * Organisations named anywhere in a text of any genre but a study of paths and mechanisms (see
 * {@link Genre}), each with the sentences that name it as evidence. Organisations the case rules typed
 * keep the evidence those rules gave them.
 */
final class OrganizationRules extends RuleSet {
    private final Segmenter segmenter;
    private final OrganizationNames names;

    OrganizationRules(Context ctx, Extraction ex, Scope scope, Segmenter segmenter, Set<String> knownLabels) {
        super(ctx, ex, scope);
        this.segmenter = segmenter;
        this.names = new OrganizationNames(ctx.lexicon, knownLabels);
    }

    @Override
    void apply() {
        if (Genre.studiesPathsAndMechanisms(ctx)) return;
        List<Thing> before = ex.things("Organization");
        for (Sentence s : sentences()) {
            if (s.section() != null && "references".equals(s.section().kind)) continue;
            for (OrganizationNames.Found f : names.find(s.text(), segmenter.tokens(s), segmenter.guesses(s.text()))) {
                Thing known = ex.find("Organization", ctx.lexicon.canonical(f.label()));
                if (known != null && before.contains(known)) continue;
                thing("Organization", f.label(), Evidence.of(s, f.rule()));
            }
        }
    }
}
