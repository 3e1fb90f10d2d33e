package org.nqpfkg.loader.extract;

import org.nqpfkg.loader.text.Structure;

/** Runs the rules over a document's structure, in the order in which their findings build on each other. */
public final class Extractor {
    private final Lexicon lexicon;

    public Extractor(Lexicon lexicon) { this.lexicon = lexicon; }

    public Extraction extract(Structure structure) {
        Context ctx = new Context(structure, lexicon);
        Extraction ex = new Extraction();
        Scope scope = new Scope();
        new MechanismRules(ctx, ex, scope).apply();
        new PathRules(ctx, ex, scope).apply();
        Levels.resolve(ex, "Mechanism", "Path");
        new FamilyAndLensRules(ctx, ex, scope).apply();
        new CaseRules(ctx, ex, scope).apply();
        new PolicyRules(ctx, ex, scope).apply();
        new TermRules(ctx, ex, scope).apply();
        return ex;
    }
}
