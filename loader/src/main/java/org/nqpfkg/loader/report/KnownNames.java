package org.nqpfkg.loader.report;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.nqpfkg.loader.link.ConceptTable;

/**
 * "The graph has a name for this": the words are a Chinese label, alias or label head of a concept, as
 * the mention linker matches them ({@link ConceptTable}), so a term the report offers is one that would
 * link nothing today.
 */
public final class KnownNames {
    private KnownNames() {}

    /** Names given by {@code graphs} (the vocabulary, documents). */
    public static Predicate<String> of(Collection<Graph> graphs, Collection<String> generic) {
        return of(ConceptTable.of(generic, graphs).index());
    }

    /** Names of a table as it stood when {@code index} was taken. */
    public static Predicate<String> of(ConceptTable.Index index) {
        return surface -> !index.bySurface(surface).isEmpty();
    }
}
