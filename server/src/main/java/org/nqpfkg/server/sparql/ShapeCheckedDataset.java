package org.nqpfkg.server.sparql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.query.text.changes.DatasetGraphTextMonitor;
import org.apache.jena.query.text.changes.TextDatasetChanges;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.nqpfkg.loader.validate.ShaclGate;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The store as the SPARQL endpoint writes it: every write that arrives over HTTP — SPARQL Update, Graph Store
 * PUT/POST/DELETE, upload — passes the same SHACL gate as {@code kg load}, in the same transaction. The graphs
 * a write transaction changed are validated one by one (as a load validates each document's graph) just
 * before it commits; if one fails, nothing is committed and the client gets 422 with the report. The store's
 * reserved graphs (ontology, vocabulary, bookkeeping) are written by the store only.
 *
 * <p>Fuseki's services treat a failed commit in their own ways (SPARQL Update even answers 200 for some), so
 * the refusal is also kept for the request's thread, and the write services answer it with {@link #answer}.
 */
final class ShapeCheckedDataset extends DatasetGraphTextMonitor {
    private static final int REPORTED = 20;

    /** Why the last commit on this thread was refused, until the service answering the request reads it. */
    private static final ThreadLocal<Refusal> REFUSED = new ThreadLocal<>();

    /** A write the gate refused: 403 for the store's own graphs, 422 for a SHACL violation. */
    static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Runs one of Fuseki's write services; a refused commit becomes its status and report, whatever Fuseki made of it. */
    static void answer(Runnable fusekiWrite) {
        REFUSED.remove();
        try {
            fusekiWrite.run();
        } catch (ActionErrorException e) {
            rethrowRefusal();
            throw e;
        }
        rethrowRefusal();
    }

    private static void rethrowRefusal() {
        Refusal r = REFUSED.get();
        REFUSED.remove();
        if (r != null) throw new ActionErrorException(r.status, r.getMessage(), null);
    }

    private final KnowledgeStore store;
    private final ChangedGraphs changed;

    ShapeCheckedDataset(KnowledgeStore store) {
        this(store, new ChangedGraphs());
    }

    private ShapeCheckedDataset(KnowledgeStore store, ChangedGraphs changed) {
        super(store.datasetGraph(), changed, false);
        this.store = store;
        this.changed = changed;
    }

    @Override
    public void begin(TxnType type) {
        super.begin(type);
        changed.clear();
    }

    @Override
    public void begin(ReadWrite mode) {
        super.begin(mode);
        changed.clear();
    }

    @Override
    public void commit() {
        Set<Node> graphs = changed.take();
        if (!graphs.isEmpty()) {
            try {
                check(graphs);
            } catch (Refusal r) {
                REFUSED.set(r);
                throw r;
            }
        }
        super.commit();
        if (!graphs.isEmpty()) store.touched();
    }

    @Override
    public void abort() {
        changed.clear();
        super.abort();
    }

    private void check(Set<Node> graphs) {
        List<String> problems = new ArrayList<>();
        for (Node g : graphs) {
            if (g.isURI() && KnowledgeStore.isReserved(g.getURI()))
                throw new Refusal(403, "the graph <" + g.getURI() + "> is the store's own; it changes only with ontology/ on disk");
            if (g.isURI() && !getW().containsGraph(g)) continue;
            ShaclGate.Verdict verdict = store.gate().check(List.of(getW().getGraph(g)));
            if (!verdict.conforms()) verdict.problems().forEach(p -> problems.add("<" + g.getURI() + "> " + p));
        }
        if (problems.isEmpty()) return;
        throw new Refusal(422, "the write was refused and the store left unchanged: it fails SHACL validation ("
                + problems.size() + " problem(s)):\n  " + String.join("\n  ", problems.subList(0, Math.min(REPORTED, problems.size())))
                + (problems.size() > REPORTED ? "\n  ..." : ""));
    }

    /** Names of the graphs changed since the transaction began (the default graph is the union: not writable). */
    private static final class ChangedGraphs implements TextDatasetChanges {
        private final Set<Node> graphs = new LinkedHashSet<>();

        @Override public void start() {}
        @Override public void finish() {}
        @Override public void reset() {}

        @Override
        public synchronized void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
            graphs.add(g);
        }

        synchronized Set<Node> take() {
            Set<Node> out = new LinkedHashSet<>(graphs);
            graphs.clear();
            return out;
        }

        synchronized void clear() { graphs.clear(); }
    }
}
