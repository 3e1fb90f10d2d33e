package org.nqpfkg.server.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Hashes;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.RdfFileSource;
import org.nqpfkg.loader.Sidecar;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.emit.GraphEmitter;

/**
 * Whether a text file is in the store already, exactly as this load would store it: the document graph its name
 * gives holds a document with the SHA-256 of the file's bytes, made by this loader version, and described as its
 * sidecar describes it now (a sidecar edited since, say to add a rights statement, makes the document load again). This is what lets an
 * interrupted load, run again, go on where it stopped. Each question costs a few index lookups and, only when a
 * hash is stored, one pass over the file; never a scan of the store. RDF files record no hash: never stored.
 */
final class StoredUnchanged {
    private static final Node SHA256 = Vocab.nqpf("sha256");
    private static final Node LOADER_VERSION = Vocab.nqpf("loaderVersion");
    private static final Node GENERATED_BY = NodeFactory.createURI(Vocab.PROV + "wasGeneratedBy");

    private final DatasetGraph dsg;
    private final LoadOptions options;

    StoredUnchanged(KnowledgeStore store, LoadOptions options) {
        this.dsg = store.datasetGraph();
        this.options = options;
    }

    boolean test(Path file) {
        if (RdfFileSource.accepts(file)) return false;
        String stored = storedHash(file);
        if (stored == null) return false;
        try {
            return stored.equals(Hashes.sha256(file)) && sidecarAsStored(file);
        } catch (IOException e) {
            // Not skipped: reading it in its batch reports why it cannot be read.
            return false;
        }
    }

    /** The hash the file's document graph records, if that document was made by this loader version; else null. */
    private String storedHash(Path file) {
        Node graph = NodeFactory.createURI(GraphOwners.documentGraph(file, options));
        Node doc = NodeFactory.createURI(GraphEmitter.documentIri(options.base(),
                GraphEmitter.documentSlug(file.getFileName().toString())));
        return Txn.calculateRead(dsg, () -> {
            String hash = object(graph, doc, SHA256);
            if (hash == null) return null;
            // A newer loader may read the same bytes differently: its documents are not the same as stored.
            for (Iterator<Quad> it = dsg.find(graph, doc, GENERATED_BY, Node.ANY); it.hasNext(); )
                if (options.loaderVersion().equals(object(graph, it.next().getObject(), LOADER_VERSION))) return hash;
            return null;
        });
    }

    /** The sidecar's title, date, source and rights are those the stored document carries. */
    private boolean sidecarAsStored(Path file) {
        Sidecar sidecar;
        try {
            sidecar = Sidecar.read(file);
        } catch (LoadException e) {
            return false;  // loaded in its batch, which reports why the sidecar cannot be read
        }
        Node graph = NodeFactory.createURI(GraphOwners.documentGraph(file, options));
        Node doc = NodeFactory.createURI(GraphEmitter.documentIri(options.base(), GraphEmitter.documentSlug(file.getFileName().toString())));
        return Txn.calculateRead(dsg, () -> {
            String rights = object(graph, doc, Vocab.dct("rights"));
            if (!java.util.Objects.equals(sidecar.rights(), rights)) return false;
            return same(sidecar.title(), object(graph, doc, Vocab.dct("title"))) && same(sidecar.date(), object(graph, doc, Vocab.dct("date")))
                    && same(sidecar.source(), object(graph, doc, Vocab.dct("source")));
        });
    }

    /** A field the sidecar leaves out is the loader's to fill: only a field it gives must match. */
    private static boolean same(String fromSidecar, String stored) {
        return fromSidecar == null || fromSidecar.equals(stored);
    }

    private String object(Node graph, Node subject, Node predicate) {
        Iterator<Quad> it = dsg.find(graph, subject, predicate, Node.ANY);
        if (!it.hasNext()) return null;
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
