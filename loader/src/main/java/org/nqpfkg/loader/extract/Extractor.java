package org.nqpfkg.loader.extract;

import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.text.Structure;

/** Runs the rules over a document's structure, in the order in which their findings build on each other. */
public final class Extractor {
    private final Lexicon lexicon;
    private final WordLists words;

    /** With the word lists of the bundled ontology files. */
    public Extractor(Lexicon lexicon) { this(lexicon, WordLists.of(OntologyFiles.bundled())); }

    public Extractor(Lexicon lexicon, WordLists words) {
        this.lexicon = lexicon;
        this.words = words;
    }

    public Extraction extract(Structure structure) { return extract(structure, null); }

    /** {@code documentDate}: the date the document's metadata gives (ISO, or at least its year first), or null. */
    public Extraction extract(Structure structure, String documentDate) {
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
        new CitedWorkRules(ctx, ex, scope, words).apply();
        new TargetRules(ctx, ex, scope, words, documentDate).apply();
        return ex;
    }
}
