package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.lod.Dumps;
import org.nqpfkg.server.lod.HostHeader;
import org.nqpfkg.server.lod.Iris;
import org.nqpfkg.server.lod.RdfMedia;
import org.nqpfkg.server.lod.VoidDescription;
import org.nqpfkg.server.store.DatasetStats;
import org.nqpfkg.server.store.KnowledgeStore;

/** The dataset as a whole: its VoID/DCAT description at /.well-known/void and its gzipped dumps at /dumps/. */
final class DatasetRoutes {
    private final KnowledgeStore store;
    private final ResponseCache cache;
    /** Known once the SPARQL server has started (it may pick a free port). */
    private final java.util.function.IntSupplier sparqlPort;
    private final Dumps dumps;

    DatasetRoutes(KnowledgeStore store, ResponseCache cache, java.util.function.IntSupplier sparqlPort) {
        this.store = store;
        this.cache = cache;
        this.sparqlPort = sparqlPort;
        this.dumps = new Dumps(store);
    }

    void voidDescription(Context ctx) {
        RdfMedia media = Negotiation.choose(ctx, RdfMedia.ALL);
        String facade = ctx.scheme() + "://" + HostHeader.of(ctx.header("Host"));
        String endpoint = ctx.scheme() + "://" + HostHeader.name(ctx.header("Host")) + ":" + sparqlPort.getAsInt() + "/kg/sparql";
        Responses.send(ctx, cache.get("void " + media + " " + facade + " " + endpoint, () -> {
            DatasetStats.Counts counts = store.stats().current();
            return Negotiation.entry(VoidDescription.build(store.datasetGraph(), counts, endpoint, facade), media,
                    "nqpf-kg dataset description (VoID, DCAT)", List.of(Vocab.iri(Iris.DATASET)));
        }));
    }

    void dump(Context ctx) {
        String name = ctx.pathParam("file");
        if (!VoidDescription.DUMPS.containsKey(name))
            throw Problem.notFound("the dumps are " + String.join(" and ", VoidDescription.DUMPS.keySet().stream().sorted().toList()));
        Path file = dumps.file(name);
        String etag = "\"" + file.getFileName().toString().replace(".gz", "") + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        try {
            // Already gzip: compressing it again would only cost time.
            ctx.disableCompression();
            ctx.contentType("application/gzip");
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            ctx.header("Content-Length", Long.toString(Files.size(file)));
            if (ctx.method().toString().equals("HEAD")) return;
            ctx.result(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
