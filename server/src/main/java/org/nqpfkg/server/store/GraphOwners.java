package org.nqpfkg.server.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.RdfFileSource;
import org.nqpfkg.loader.emit.GraphEmitter;

/**
 * Which file of a load writes which named graph. A document's graph is named after its file, so two files of
 * one name in different folders would silently replace each other: the second one to claim a graph is refused.
 * Kept for the whole load, across its batches (one short string per graph, not the graphs).
 */
final class GraphOwners {
    private final Map<String, Path> owners = new HashMap<>();

    /** Claims every graph a unit read from {@code file} writes. */
    void claim(LoadUnit unit, Path file) throws LoadException {
        for (String graph : unit.graphs().keySet()) claim(graph, file);
    }

    /**
     * Claims, from the names alone, the document graph each text file will be stored as: a clash is refused
     * before any file is read or any batch written. (An RDF file's graphs are known only once it is read.)
     */
    void claimNames(List<Path> files, LoadOptions options) throws LoadException {
        for (Path file : files)
            if (!RdfFileSource.accepts(file)) claim(documentGraph(file, options), file);
    }

    /** The graph a text file's document is stored in: named from the file name, whatever the file holds. */
    static String documentGraph(Path file, LoadOptions options) {
        return GraphEmitter.graphIri(options.base(), GraphEmitter.documentSlug(file.getFileName().toString()));
    }

    private void claim(String graph, Path file) throws LoadException {
        Path other = owners.putIfAbsent(graph, file);
        if (other != null && !other.equals(file))
            throw new LoadException(file + " and " + other + " would both be stored as " + graph + "; rename one of them");
    }
}
