package org.nqpfkg.loader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * An RDF file as a load unit. Triples go into a named graph of the file's own; a quad format's
 * named graphs are kept as the file names them, and its default-graph triples join the file's graph.
 */
public final class RdfFileSource {
    private RdfFileSource() {}

    public static boolean accepts(Path file) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        return lang != null && !lang.equals(Lang.RDFNULL) && !file.getFileName().toString().endsWith(".meta.ttl");
    }

    public static String graphIriFor(Path file) {
        return Vocab.GRAPH + "file/" + Slugs.ascii(file.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    /** Reads an RDF file of at most {@code maxBytes} (the limit text files have). */
    public static LoadUnit read(Path file, long maxBytes) throws LoadException {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        if (lang == null) throw new LoadException(file + ": not a known RDF file type (use .ttl, .trig, .nt, .nq or .jsonld)");
        try {
            long size = java.nio.file.Files.size(file);
            if (size > maxBytes)
                throw new LoadException(file + ": is " + size + " bytes, over the size limit of " + maxBytes + " bytes (raise it with --max-size)");
        } catch (java.io.IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage(), e);
        }
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        try {
            RDFParser.source(file).lang(lang).base(Vocab.BASE).context(JsonLdContexts.offline())
                    .errorHandler(org.apache.jena.riot.system.ErrorHandlerFactory.errorHandlerNoLogging).parse(dsg);
        } catch (RiotException e) {
            throw new LoadException(file + ": does not parse as " + lang.getLabel() + ": " + e.getMessage(), e);
        }
        Map<String, Graph> graphs = new LinkedHashMap<>();
        Graph own = GraphFactory.createDefaultGraph();
        dsg.getDefaultGraph().find().forEach(own::add);
        if (!own.isEmpty() || !RDFLanguages.isQuads(lang)) graphs.put(graphIriFor(file), own);
        dsg.listGraphNodes().forEachRemaining(n -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.getGraph(n).find().forEach(g::add);
            graphs.put(n.getURI(), g);
        });
        return new LoadUnit(file.toString(), graphs, List.of("RDF " + lang.getLabel() + ", " + graphs.size() + " graph(s)"));
    }
}
