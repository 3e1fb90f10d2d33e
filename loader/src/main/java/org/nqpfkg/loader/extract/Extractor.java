package org.nqpfkg.loader.extract;

import java.util.Set;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.text.Structure;

/** Runs the rules over a document's structure, in the order in which their findings build on each other. */
public final class Extractor {
    private final Lexicon lexicon;
    private final WordLists words;
    private final Set<String> knownOrganizations;

    /** With the word lists of the bundled ontology files. */
    public Extractor(Lexicon lexicon) { this(lexicon, WordLists.of(OntologyFiles.bundled()), Set.of()); }

    /** With labels of organisations known beyond the vocabulary, recognised wherever a text writes them. */
    public Extractor(Lexicon lexicon, Set<String> knownOrganizations) {
        this(lexicon, WordLists.of(OntologyFiles.bundled()), knownOrganizations);
    }

    public Extractor(Lexicon lexicon, WordLists words, Set<String> knownOrganizations) {
        this.lexicon = lexicon;
        this.words = words;
        this.knownOrganizations = Set.copyOf(knownOrganizations);
    }

    public Extraction extract(Structure structure) { return extract(structure, null); }

    /** {@code documentDate}: the date the document's metadata gives (ISO, or at least its year first), or null. */
    public Extraction extract(Structure structure, String documentDate) {
        Context ctx = new Context(structure, lexicon);
        Extraction ex = new Extraction();
        Scope scope = new Scope();
        Segmenter segmenter = new Segmenter();
        new MechanismRules(ctx, ex, scope).apply();
        new PathRules(ctx, ex, scope).apply();
        Levels.resolve(ex, "Mechanism", "Path");
        // After the paper's own grammar has spoken: what other genres state, without overriding it.
        new StatedRules(ctx, ex, scope, segmenter).apply();
        new FamilyAndLensRules(ctx, ex, scope).apply();
        new CaseRules(ctx, ex, scope).apply();
        new OrganizationRules(ctx, ex, scope, segmenter, knownOrganizations).apply();
        new SectorRules(ctx, ex, scope, segmenter).apply();
        new PolicyRules(ctx, ex, scope).apply();
        new TermRules(ctx, ex, scope).apply();
        new CitedWorkRules(ctx, ex, scope, words).apply();
        new TargetRules(ctx, ex, scope, words, documentDate).apply();
        return ex;
    }
}
