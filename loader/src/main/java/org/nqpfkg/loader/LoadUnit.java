package org.nqpfkg.loader;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;

/**
 * What one source file becomes: the named graphs it replaces in the store, all committed together or not at all.
 *
 * @param source     the file name as the user gave it, for messages
 * @param graphs     named graph IRI → its complete new content
 * @param summary    what the load found, one short line per fact, for the user
 * @param candidates terms seen in the text that no rule typed (for --report)
 */
public record LoadUnit(String source, Map<String, Graph> graphs, List<String> summary, List<String> candidates) {
    public LoadUnit(String source, Map<String, Graph> graphs, List<String> summary) {
        this(source, graphs, summary, List.of());
    }

    public long tripleCount() {
        return graphs.values().stream().mapToLong(Graph::size).sum();
    }
}
