package org.nqpfkg.server.lod;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.system.Txn;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * Gzipped dumps of every quad of the store (TriG and N-Quads), written once per store version to files in the
 * store's folder and streamed from there: neither writing nor serving holds the dataset in memory. A dump is
 * written when first asked for after a change, in one read transaction, so it is one consistent version.
 */
public final class Dumps {
    private final KnowledgeStore store;
    private final Path folder;

    public Dumps(KnowledgeStore store) {
        this.store = store;
        this.folder = store.dir().resolve("dumps");
    }

    /** The dump file for the current store version, written now if it is missing; {@code name} is one of {@link VoidDescription#DUMPS}. */
    public synchronized Path file(String name) {
        RDFFormat format = switch (name) {
            case "nqpf-kg.trig.gz" -> RDFFormat.TRIG_BLOCKS;
            case "nqpf-kg.nq.gz" -> RDFFormat.NQUADS;
            default -> throw new IllegalArgumentException("no dump named " + name);
        };
        long version = store.version();
        Path file = folder.resolve(version + "-" + name);
        if (Files.isRegularFile(file)) return file;
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(file.getFileName() + ".partial");
            try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)), 1 << 16)) {
                write(out, format);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOlder(name, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dump " + name + " in " + folder, e);
        }
    }

    /** Every quad, streamed: a graph's quads come together from the store's indexes, so TriG blocks stay whole. */
    private void write(OutputStream out, RDFFormat format) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format);
        stream.start();
        if (format != RDFFormat.NQUADS) {
            var pm = new org.apache.jena.shared.impl.PrefixMappingImpl();
            Representations.usualPrefixes(pm);
            pm.getNsPrefixMap().forEach(stream::prefix);
        }
        Txn.executeRead(store.datasetGraph(), () -> store.datasetGraph().find().forEachRemaining(stream::quad));
        stream.finish();
    }

    private void removeOlder(String name, Path keep) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith("-" + name) && !p.equals(keep)).toList())
                Files.deleteIfExists(p);
        }
    }
}
