package org.nqpfkg.server.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * One write transaction's changes over the committed remote store, with read-your-writes: graphs dropped, quads
 * deleted, quads added, kept as their net effect so that they can be sent as one update, in that order (DROP
 * SILENT GRAPH, DELETE DATA, INSERT DATA). Dropping a graph is kept as a drop, not as a delete of each of its quads:
 * replacing a document sends its new quads and one DROP, not its old quads back. (Jena's BufferingDatasetGraph
 * would turn the drop into per-quad deletes and shares one buffer across threads; this one belongs to one writer.)
 *
 * <p>The default graph is the union of the named graphs, as in the store: it is read, never written.
 */
final class ChangeBuffer extends DatasetGraphBaseFind {
    private final DatasetGraph base;
    private final Set<Node> dropped = new LinkedHashSet<>();
    private final Set<Quad> deleted = new LinkedHashSet<>();
    private final Set<Quad> added = new LinkedHashSet<>();

    /**
     * Named graphs as the store held them when this transaction first read them, each fetched whole, once: a write
     * reads the graphs it touches many times over (concept names, SHACL checks, relinking), and one request per
     * graph instead of one per pattern is what makes a load over HTTP bearable.
     */
    private final java.util.Map<Node, List<Quad>> stored = new java.util.HashMap<>();

    ChangeBuffer(DatasetGraph base) { this.base = base; }

    private List<Quad> stored(Node g) {
        return stored.computeIfAbsent(g, name -> {
            List<Quad> quads = new ArrayList<>();
            base.find(name, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
            return quads;
        });
    }

    boolean unchanged() { return dropped.isEmpty() && deleted.isEmpty() && added.isEmpty(); }
    Set<Node> dropped() { return dropped; }
    Set<Quad> deleted() { return deleted; }
    Set<Quad> added() { return added; }

    /** Every graph this transaction changes. */
    Set<Node> changedGraphs() {
        Set<Node> graphs = new LinkedHashSet<>(dropped);
        deleted.forEach(q -> graphs.add(q.getGraph()));
        added.forEach(q -> graphs.add(q.getGraph()));
        return graphs;
    }

    @Override public void add(Quad q) { add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }
    @Override public void delete(Quad q) { delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }
    @Override
    public void add(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(named(g), s, p, o);
        deleted.remove(q);
        added.add(q);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(named(g), s, p, o);
        added.remove(q);
        if (!dropped.contains(q.getGraph())) deleted.add(q);
    }

    @Override
    public void removeGraph(Node graphName) {
        Node g = named(graphName);
        dropped.add(g);
        added.removeIf(q -> q.getGraph().equals(g));
        deleted.removeIf(q -> q.getGraph().equals(g));
    }

    /** Deleting everything in one named graph is dropping it: one DROP instead of a DELETE of each quad. */
    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (!RemoteQuads.isAny(g) && !Quad.isDefaultGraph(g) && !Quad.isUnionGraph(g)
                && RemoteQuads.isAny(s) && RemoteQuads.isAny(p) && RemoteQuads.isAny(o)) {
            removeGraph(g);
            return;
        }
        super.deleteAny(g, s, p, o);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        removeGraph(graphName);
        graph.find().forEachRemaining(t -> add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    private static Node named(Node g) {
        if (g == null || Quad.isDefaultGraph(g) || Quad.isUnionGraph(g) || Node.ANY.equals(g))
            throw new UnsupportedOperationException("the default graph is the union of the named graphs: write to a named graph");
        return g;
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        List<Quad> out = new ArrayList<>();
        if (!dropped.contains(g)) for (Quad q : stored(g)) if (matches(q, s, p, o) && visible(q)) out.add(q);
        added.forEach(q -> { if (q.getGraph().equals(g) && matches(q, s, p, o)) out.add(q); });
        return out.iterator();
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        List<Quad> out = new ArrayList<>();
        base.find(Node.ANY, s, p, o).forEachRemaining(q -> { if (!dropped.contains(q.getGraph()) && visible(q)) out.add(q); });
        added.forEach(q -> { if (matches(q, s, p, o)) out.add(q); });
        return out.iterator();
    }

    /** Every quad: those of the named graphs. The default graph is their union, not a graph of its own. */
    @Override
    protected Iterator<Quad> findAny(Node s, Node p, Node o) { return findInAnyNamedGraphs(s, p, o); }

    /** The union of the named graphs as they are in this transaction: each triple once. */
    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        Set<Triple> triples = new LinkedHashSet<>();
        findInAnyNamedGraphs(s, p, o).forEachRemaining(q -> triples.add(q.asTriple()));
        return triples.stream().map(t -> Quad.create(Quad.defaultGraphIRI, t)).iterator();
    }

    /** Null and ANY both match anything (callers pass either). */
    private static boolean matches(Quad q, Node s, Node p, Node o) {
        return (RemoteQuads.isAny(s) || s.equals(q.getSubject())) && (RemoteQuads.isAny(p) || p.equals(q.getPredicate()))
                && (RemoteQuads.isAny(o) || o.equals(q.getObject()));
    }

    private boolean visible(Quad q) { return !deleted.contains(q) && !added.contains(q); }

    @Override
    public Iterator<Node> listGraphNodes() {
        Set<Node> graphs = new LinkedHashSet<>();
        base.listGraphNodes().forEachRemaining(g -> { if (!dropped.contains(g)) graphs.add(g); });
        added.forEach(q -> graphs.add(q.getGraph()));
        return graphs.iterator();
    }

    @Override
    public boolean containsGraph(Node g) {
        for (Quad q : added) if (q.getGraph().equals(g)) return true;
        if (dropped.contains(g)) return false;
        return base.containsGraph(g);
    }

    @Override public Graph getDefaultGraph() { return GraphView.createDefaultGraph(this); }
    @Override public Graph getGraph(Node graphNode) { return GraphView.createNamedGraph(this, graphNode); }
    @Override public Graph getUnionGraph() { return GraphView.createUnionGraph(this); }

    @Override public org.apache.jena.riot.system.PrefixMap prefixes() { return base.prefixes(); }
    @Override public boolean supportsTransactions() { return false; }
    @Override public void begin(org.apache.jena.query.TxnType type) {}
    @Override public void begin(org.apache.jena.query.ReadWrite readWrite) {}
    @Override public boolean promote(Promote mode) { return false; }
    @Override public void commit() {}
    @Override public void abort() {}
    @Override public void end() {}
    @Override public org.apache.jena.query.ReadWrite transactionMode() { return null; }
    @Override public org.apache.jena.query.TxnType transactionType() { return null; }
    @Override public boolean isInTransaction() { return false; }
}
