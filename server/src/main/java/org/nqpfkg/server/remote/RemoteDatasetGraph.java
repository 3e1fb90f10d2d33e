package org.nqpfkg.server.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.UpdateRequest;

/**
 * A remote SPARQL 1.1 store as a Jena {@link DatasetGraph}, so that the code written for the local TDB2 store
 * (transactions, {@code find}, {@code QueryExec.dataset(dsg)}) runs unchanged over it.
 *
 * <ul>
 * <li>READ transactions cost nothing: every read sees the store as committed ({@link RemoteQuads}), and whole
 *     queries go to the store in one request ({@link RemoteQueryEngine}).
 * <li>One WRITE transaction at a time per facade (as TDB2 has): its changes are buffered ({@link ChangeBuffer}),
 *     visible to its own thread only, and COMMIT sends them as ONE SPARQL Update request (DROP SILENT GRAPH,
 *     DELETE DATA, INSERT DATA, then the {@link StoreVersion} bump). A SPARQL 1.1 store runs one update request
 *     as one transaction, so a commit lands whole or not at all. ABORT drops the buffer; the store never saw it.
 *     A request is never split: a store that refuses the size refuses the commit, and the store is unchanged.
 * </ul>
 *
 * Not guarded across facades: two facades may each check that a document is new and both write it; the later
 * write wins. Writes made to the store around the facades (not through one) do not raise the version, so the
 * facades' caches and text indexes do not see them until the next write through a facade.
 */
public final class RemoteDatasetGraph extends DatasetGraphBaseFind {
    static { RemoteQueryEngine.register(); }

    private final RemoteQuads committed;
    private final StoreVersion version;
    private final Context context = Context.create();
    private final ReentrantLock writer = new ReentrantLock(true);
    private final ThreadLocal<Txn> txn = new ThreadLocal<>();

    /** This thread's transaction: its type, and for a write its buffer. */
    private static final class Txn {
        final TxnType type;
        ReadWrite mode;
        ChangeBuffer buffer;
        boolean finished;

        Txn(TxnType type, ReadWrite mode) {
            this.type = type;
            this.mode = mode;
        }
    }

    public RemoteDatasetGraph(RemoteEndpoints endpoints) {
        this.committed = new RemoteQuads(endpoints);
        this.version = new StoreVersion(endpoints);
    }

    public RemoteEndpoints endpoints() { return committed.endpoints(); }
    public StoreVersion version() { return version; }

    /** The remote dataset under {@code dsg} (through wrappers such as the SHACL-checked one), or null. */
    public static RemoteDatasetGraph under(DatasetGraph dsg) {
        for (int depth = 0; dsg != null && depth < 16; depth++) {
            if (dsg instanceof RemoteDatasetGraph r) return r;
            if (!(dsg instanceof DatasetGraphWrapper w)) return null;
            dsg = w.getWrapped();
        }
        return null;
    }

    /**
     * Fails, saying what to do, unless the store's default graph is the union of its named graphs (as the local
     * TDB2 store's is, and as every query here assumes): a triple of some named graph must be in the default graph.
     * A store with no named graph yet passes.
     */
    public void checkUnionDefaultGraph() {
        var endpoints = committed.endpoints();
        try (var exec = endpoints.query(org.apache.jena.query.QueryFactory.create(
                "SELECT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && !isBlank(?o)) } LIMIT 1"), 0)) {
            var rows = exec.select();
            if (!rows.hasNext()) return;
            var b = rows.next();
            var ask = RemoteQuads.pattern(null, b.get("s"), b.get("p"), b.get("o"));
            ask.setQueryAskType();
            try (var check = endpoints.query(ask, 0)) {
                if (check.ask()) return;
            }
        }
        throw new IllegalStateException("the store at " + endpoints.queryEndpoint() + " does not answer queries on the union of its named "
                + "graphs: make its default graph the union (Fuseki: tdb2:unionDefaultGraph true in the configuration, or "
                + "--set=tdb:unionDefaultGraph=true on the command line; Virtuoso and GraphDB do so by default)");
    }

    /** Whether this thread is in a write transaction with changes not yet committed: its reads must see them. */
    public boolean hasPendingChanges() {
        Txn t = txn.get();
        return t != null && t.buffer != null && !t.buffer.unchanged();
    }

    /** What this thread reads: its own buffer inside a write transaction, else the committed store. */
    private DatasetGraph view() {
        Txn t = txn.get();
        return t != null && t.buffer != null ? t.buffer : committed;
    }

    private ChangeBuffer buffer() {
        Txn t = txn.get();
        if (t == null || t.buffer == null) throw new JenaTransactionException("not in a write transaction");
        return t.buffer;
    }

    // ---- reads: the thread's view

    @Override public Iterator<Quad> find(Node g, Node s, Node p, Node o) { return view().find(g, s, p, o); }
    @Override public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) { return view().findNG(g, s, p, o); }
    @Override protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) { return view().find(Quad.defaultGraphIRI, s, p, o); }
    @Override protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) { return view().find(g, s, p, o); }
    @Override protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) { return view().find(Node.ANY, s, p, o); }
    @Override public Iterator<org.apache.jena.graph.Triple> findInUnionGraph(Node s, Node p, Node o) {
        return ((DatasetGraphBaseFind) view()).findInUnionGraph(s, p, o);
    }
    @Override public Iterator<Quad> findQuadsInUnionGraph(Node s, Node p, Node o) {
        return ((DatasetGraphBaseFind) view()).findQuadsInUnionGraph(s, p, o);
    }
    @Override public Iterator<Node> listGraphNodes() { return view().listGraphNodes(); }
    @Override public boolean containsGraph(Node graphNode) { return view().containsGraph(graphNode); }
    /**
     * The union graph, named so: the store's default graph is the union, and saying so lets Jena's own evaluation
     * (text:query among it) treat it as the union rather than filter on a default graph of its own.
     */
    @Override public Graph getDefaultGraph() { return GraphView.createUnionGraph(this); }
    @Override public Graph getGraph(Node graphNode) { return GraphView.createNamedGraph(this, graphNode); }
    @Override public Graph getUnionGraph() { return GraphView.createUnionGraph(this); }
    @Override public Context getContext() { return context; }
    @Override public org.apache.jena.riot.system.PrefixMap prefixes() { return committed.prefixes(); }

    // ---- writes: the thread's buffer

    @Override public void add(Quad q) { add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }
    @Override public void delete(Quad q) { delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }
    @Override public void add(Node g, Node s, Node p, Node o) { buffer().add(g, s, p, o); }
    @Override public void delete(Node g, Node s, Node p, Node o) { buffer().delete(g, s, p, o); }
    @Override public void deleteAny(Node g, Node s, Node p, Node o) { buffer().deleteAny(g, s, p, o); }
    @Override public void removeGraph(Node graphName) { buffer().removeGraph(graphName); }
    @Override public void addGraph(Node graphName, Graph graph) { buffer().addGraph(graphName, graph); }

    // ---- transactions

    @Override public boolean supportsTransactions() { return true; }
    @Override public boolean supportsTransactionAbort() { return true; }

    @Override
    public void begin(ReadWrite readWrite) { begin(TxnType.convert(readWrite)); }

    @Override
    public void begin(TxnType type) {
        if (txn.get() != null) throw new JenaTransactionException("already in a transaction");
        Txn t = new Txn(type, type == TxnType.WRITE ? ReadWrite.WRITE : ReadWrite.READ);
        if (t.mode == ReadWrite.WRITE) startWriting(t);
        txn.set(t);
    }

    private void startWriting(Txn t) {
        writer.lock();
        t.mode = ReadWrite.WRITE;
        t.buffer = new ChangeBuffer(committed);
    }

    @Override
    public boolean promote(Promote mode) {
        Txn t = txn.get();
        if (t == null) throw new JenaTransactionException("not in a transaction");
        if (t.mode == ReadWrite.WRITE) return true;
        if (t.type == TxnType.READ) return false;
        startWriting(t);
        return true;
    }

    @Override
    public void commit() {
        Txn t = txn.get();
        if (t == null) throw new JenaTransactionException("not in a transaction");
        if (t.finished) return;
        if (t.mode != ReadWrite.WRITE) {
            t.finished = true;
            return;
        }
        ChangeBuffer changes = t.buffer;
        try {
            if (!changes.unchanged()) send(changes);
        } finally {
            finishWrite(t);
        }
    }

    /**
     * One update request: the buffer's net effect in order, then the version bump. Blank nodes go as skolem IRIs
     * ({@link Skolem}); data goes in operations of at most {@value #QUADS_PER_OPERATION} quads, since some stores'
     * parsers give up on one large block (Virtuoso 7 near 5,000 triples), and all of them still run the request as
     * one transaction.
     */
    private void send(ChangeBuffer changes) {
        UpdateRequest request = new UpdateRequest();
        for (Node g : changes.dropped()) request.add(new UpdateDrop(g, true));
        for (List<Quad> part : parts(changes.deleted())) request.add(new UpdateDataDelete(new QuadDataAcc(part)));
        for (List<Quad> part : parts(changes.added())) request.add(new UpdateDataInsert(new QuadDataAcc(part)));
        StoreVersion.appendBump(request, changes.changedGraphs());
        committed.endpoints().update(request);
    }

    static final int QUADS_PER_OPERATION = 1000;

    private static List<List<Quad>> parts(java.util.Collection<Quad> quads) {
        List<List<Quad>> parts = new ArrayList<>();
        List<Quad> part = null;
        for (Quad q : quads) {
            if (part == null || part.size() == QUADS_PER_OPERATION) parts.add(part = new ArrayList<>(QUADS_PER_OPERATION));
            part.add(Skolem.skolemize(q));
        }
        return parts;
    }

    @Override
    public void abort() {
        Txn t = txn.get();
        if (t == null || t.finished) return;
        if (t.mode == ReadWrite.WRITE) finishWrite(t);
        else t.finished = true;
    }

    private void finishWrite(Txn t) {
        t.finished = true;
        t.buffer = null;
        writer.unlock();
    }

    @Override
    public void end() {
        Txn t = txn.get();
        if (t == null) return;
        if (!t.finished) abort();
        txn.remove();
    }

    @Override public boolean isInTransaction() { return txn.get() != null; }

    @Override
    public ReadWrite transactionMode() {
        Txn t = txn.get();
        return t == null ? null : t.mode;
    }

    @Override
    public TxnType transactionType() {
        Txn t = txn.get();
        return t == null ? null : t.type;
    }

    @Override
    public String toString() { return "remote store " + committed.endpoints(); }
}
