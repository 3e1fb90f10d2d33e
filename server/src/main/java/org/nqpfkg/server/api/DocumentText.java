package org.nqpfkg.server.api;

import io.javalin.http.Context;
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

    DocumentText(KnowledgeStore store) { this.store = store; }

    void text(Context ctx) {
        String id = Params.slug("document id", ctx.pathParam("id"));
        Node doc = Vocab.iri(Vocab.ID + "document/" + id);
        String text = Txn.calculateRead(store.datasetGraph(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.datasetGraph()).query(QUERY).substitution("doc", doc).build()) {
                RowSet rows = qe.select();
                return rows.hasNext() ? rows.next().get("text").getLiteralLexicalForm() : null;
            }
        });
        if (text == null) throw Problem.notFound("no document with id " + id);
        ctx.contentType("text/plain; charset=utf-8").result(text);
    }

}
