package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;

/** Serves a document's normalised text: the string every evidence offset indexes into. */
final class DocumentText {
    private static final String QUERY = Vocab.PREFIXES + """
            SELECT ?text WHERE { ?doc a nqpf:Document ; nif:isString ?text } LIMIT 1
            """;

    private final KnowledgeStore store;
    private final ResponseCache cache;

    DocumentText(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    void text(Context ctx) {
        String id = Params.slug("document id", ctx.pathParam("id"));
        Node doc = Vocab.iri(Vocab.ID + "document/" + id);
        // Through the cache like every other answer: a text can be megabytes, so how many are built at once is bounded too.
        ResponseCache.Entry e = cache.get("text " + id, () -> {
            String text = Txn.calculateRead(store.datasetGraph(), () -> {
                try (QueryExec qe = QueryExec.dataset(store.datasetGraph()).query(QUERY).substitution("doc", doc).build()) {
                    RowSet rows = qe.select();
                    return rows.hasNext() ? rows.next().get("text").getLiteralLexicalForm() : null;
                }
            });
            return text == null ? null : Responses.entry(200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        });
        if (e == null) throw Problem.notFound("no document with id " + id);
        Responses.send(ctx, e);
    }

}
