package org.nqpfkg.server.remote;

import java.util.concurrent.CompletableFuture;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.nqpfkg.loader.Vocab;

/**
 * The store version every facade over one remote store can read: a counter in the store's system graph
 * ({@code <system> nqpf:storeVersion N}), raised by the same update request that carries a commit's changes, with
 * each changed graph marked {@code <g> nqpf:changedInVersion N} so that a facade can tell which graphs to bring
 * its text index up to date on. Caches key on it: a facade reads it once per request and so never serves an
 * answer older than a write another facade has finished.
 *
 * <p>Reads coalesce: a caller is answered by a read that started after it asked (never by an older one, which
 * might predate a write it knows of), but callers that arrive while a read is in flight share the next one.
 */
public final class StoreVersion {
    static final Node SYSTEM = NodeFactory.createURI(Vocab.SYSTEM_GRAPH);
    public static final Node VERSION = Vocab.nqpf("storeVersion");
    public static final Node CHANGED_IN = Vocab.nqpf("changedInVersion");

    private static final Query READ = QueryFactory.create("SELECT (MAX(?v) AS ?version) { GRAPH " + iri(SYSTEM) + " { "
            + iri(SYSTEM) + " " + iri(VERSION) + " ?v } }");

    private final RemoteEndpoints endpoints;
    private final Object lock = new Object();
    private boolean reading;
    private CompletableFuture<Long> next;

    StoreVersion(RemoteEndpoints endpoints) { this.endpoints = endpoints; }

    /** The version as the store holds it now (0 for a store no facade has written). */
    public long current() {
        CompletableFuture<Long> mine;
        boolean leader;
        synchronized (lock) {
            if (next == null) next = new CompletableFuture<>();
            mine = next;
            leader = !reading;
            if (leader) {
                reading = true;
                next = null;
            }
        }
        if (!leader) return result(mine);
        // Those who ask during a read wait for the next one, which this thread then makes for all of them.
        CompletableFuture<Long> batch = mine;
        while (batch != null) {
            try {
                batch.complete(readNow());
            } catch (RuntimeException e) {
                batch.completeExceptionally(e);
            }
            synchronized (lock) {
                batch = next;
                next = null;
                if (batch == null) reading = false;
            }
        }
        return result(mine);
    }

    /** The read's value, or its own exception (not wrapped): callers report what the store said. */
    private static long result(CompletableFuture<Long> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private long readNow() {
        try (QueryExec exec = endpoints.query(READ, 0)) {
            RowSet rows = exec.select();
            if (!rows.hasNext()) return 0;
            Node v = rows.next().get("version");
            return v == null ? 0 : Long.parseLong(v.getLiteralLexicalForm());
        }
    }

    /** The operations that raise the version and mark {@code graphs} as changed in it; appended to a commit's update. */
    static void appendBump(UpdateRequest request, java.util.Collection<Node> graphs) {
        String sys = iri(SYSTEM);
        StringBuilder u = new StringBuilder();
        // An aggregate, not OPTIONAL + COALESCE: Virtuoso 7 answers that WHERE clause in a SELECT but inserts nothing
        // from it in an update, so the first version was never written there.
        u.append("DELETE { GRAPH ").append(sys).append(" { ").append(sys).append(' ').append(iri(VERSION)).append(" ?v } }\n")
         .append("INSERT { GRAPH ").append(sys).append(" { ").append(sys).append(' ').append(iri(VERSION)).append(" ?n } }\n")
         .append("WHERE { { SELECT (COUNT(?old) AS ?count) (MAX(?old) AS ?v) WHERE { GRAPH ").append(sys).append(" { ").append(sys).append(' ')
         .append(iri(VERSION)).append(" ?old } } }\n")
         .append("        BIND(IF(?count > 0, ?v + 1, 1) AS ?n) }");
        if (!graphs.isEmpty()) {
            u.append(" ;\nDELETE { GRAPH ").append(sys).append(" { ?g ").append(iri(CHANGED_IN)).append(" ?old } }\n")
             .append("INSERT { GRAPH ").append(sys).append(" { ?g ").append(iri(CHANGED_IN)).append(" ?n } }\n")
             .append("WHERE { GRAPH ").append(sys).append(" { ").append(sys).append(' ').append(iri(VERSION)).append(" ?n }\n")
             .append("        VALUES ?g {");
            for (Node g : graphs) u.append(' ').append(iri(g));
            u.append(" }\n        OPTIONAL { GRAPH ").append(sys).append(" { ?g ").append(iri(CHANGED_IN)).append(" ?old } } }");
        }
        UpdateFactory.parse(request, u.toString());
    }

    private static String iri(Node n) { return NodeFmtLib.strNT(n); }
}
