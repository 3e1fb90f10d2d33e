package org.nqpfkg.server.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementPathBlock;

/**
 * The remote store as it is committed, read pattern by pattern: every {@code find} is one SELECT (or, for a whole
 * named graph with a Graph Store endpoint configured, one GET). The store's default graph must be the union of its
 * named graphs, as the local TDB2 store's is; writes go through {@link ChangeBuffer}, never here.
 *
 * <p>Answers are read whole before they are returned: callers of {@code find} do not close iterators, and an
 * abandoned HTTP response would hold a connection. Whole-store scans belong in SPARQL (COUNT, GROUP BY), which
 * {@link RemoteQueryEngine} sends to the store in one piece.
 */
final class RemoteQuads extends DatasetGraphBaseFind {
    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final RemoteEndpoints endpoints;

    RemoteQuads(RemoteEndpoints endpoints) { this.endpoints = endpoints; }

    RemoteEndpoints endpoints() { return endpoints; }

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) { return select(null, s, p, o); }

    /** The store's default graph is the union: the same answer. */
    @Override
    public Iterator<Triple> findInUnionGraph(Node s, Node p, Node o) {
        List<Triple> out = new ArrayList<>();
        select(null, s, p, o).forEachRemaining(q -> out.add(q.asTriple()));
        return out.iterator();
    }

    @Override
    public Iterator<Quad> findQuadsInUnionGraph(Node s, Node p, Node o) {
        List<Quad> out = new ArrayList<>();
        findInUnionGraph(s, p, o).forEachRemaining(t -> out.add(Quad.create(Quad.unionGraph, t)));
        return out.iterator();
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        if (endpoints.gspEndpoint() != null && isAny(s) && isAny(p) && isAny(o)) {
            List<Quad> quads = new ArrayList<>();
            try {
                endpoints.graph(g).find().forEachRemaining(t -> quads.add(Skolem.unskolemize(Quad.create(g, t))));
            } catch (org.apache.jena.atlas.web.HttpException e) {
                if (e.getStatusCode() != 404) throw e;  // no such graph: no quads
            }
            return quads.iterator();
        }
        return select(g, s, p, o);
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) { return select(Node.ANY, s, p, o); }

    /** Every quad: those of the named graphs. The default graph is their union, not a graph of its own. */
    @Override
    protected Iterator<Quad> findAny(Node s, Node p, Node o) { return findInAnyNamedGraphs(s, p, o); }

    /** {@code graph} null: the default graph; ANY: every named graph. */
    private Iterator<Quad> select(Node graph, Node s, Node p, Node o) {
        Query q = pattern(graph, s, p, o);
        List<Quad> quads = new ArrayList<>();
        try (QueryExec exec = endpoints.query(q, 0)) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                Node g = graph == null ? Quad.defaultGraphIRI : value(row, G, graph);
                quads.add(Skolem.unskolemize(Quad.create(g, value(row, S, s), value(row, P, p), value(row, O, o))));
            }
        }
        return quads.iterator();
    }

    /** A SELECT of the variables standing for the pattern's ANY positions; built with the syntax API, never as text. */
    static Query pattern(Node graph, Node s, Node p, Node o) {
        Query q = new Query();
        q.setQuerySelectType();
        ElementPathBlock block = new ElementPathBlock();
        block.addTriple(Triple.create(term(s, S), term(p, P), term(o, O)));
        ElementGroup group = new ElementGroup();
        if (graph == null) group.addElement(block);
        else group.addElement(new ElementNamedGraph(term(graph, G), block));
        q.setQueryPattern(group);
        Var[] vars = {G, S, P, O};
        Node[] nodes = {graph == null ? Quad.defaultGraphIRI : graph, s, p, o};
        boolean any = false;
        for (int i = 0; i < vars.length; i++)
            if (isAny(nodes[i])) {
                q.addResultVar(vars[i]);
                any = true;
            }
        if (!any) q.setQueryResultStar(true);
        return q;
    }

    /** A pattern's blank node is the stored skolem IRI, not a variable. */
    private static Node term(Node n, Var v) { return isAny(n) ? v : Skolem.skolemize(n); }

    private static Node value(Binding row, Var v, Node fixed) { return isAny(fixed) ? row.get(v) : fixed; }

    static boolean isAny(Node n) { return n == null || Node.ANY.equals(n); }

    @Override
    public Iterator<Node> listGraphNodes() {
        // GRAPH ?g {} matches every named graph (SPARQL 1.1, 18.6) without reading its triples. Virtuoso 7 answers it
        // with one row and ?g unbound instead: there, the graphs are those that hold a triple the user may read
        // (counted: a DISTINCT ?g also names Virtuoso's own graphs, whose triples the user may not read).
        List<Node> graphs = graphs("SELECT ?g { GRAPH ?g {} }");
        if (graphs.contains(null)) graphs = graphs("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
        return graphs.iterator();
    }

    private List<Node> graphs(String select) {
        List<Node> graphs = new ArrayList<>();
        try (QueryExec exec = endpoints.query(org.apache.jena.query.QueryFactory.create(select), 0)) {
            exec.select().forEachRemaining(b -> graphs.add(b.get(G)));
        }
        return graphs;
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        Query q = pattern(graphNode, Node.ANY, Node.ANY, Node.ANY);
        q.setQueryAskType();
        try (QueryExec exec = endpoints.query(q, 0)) {
            return exec.ask();
        }
    }

    @Override public Graph getDefaultGraph() { return GraphView.createDefaultGraph(this); }
    @Override public Graph getGraph(Node graphNode) { return GraphView.createNamedGraph(this, graphNode); }
    @Override public Graph getUnionGraph() { return GraphView.createUnionGraph(this); }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the committed remote store is read here; writes go inside a write transaction");
    }

    @Override public void addGraph(Node graphName, Graph graph) { throw readOnly(); }
    @Override public void removeGraph(Node graphName) { throw readOnly(); }
    @Override public void add(Node g, Node s, Node p, Node o) { throw readOnly(); }
    @Override public void delete(Node g, Node s, Node p, Node o) { throw readOnly(); }

    @Override public org.apache.jena.riot.system.PrefixMap prefixes() { return org.apache.jena.riot.system.PrefixMapFactory.create(); }
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
