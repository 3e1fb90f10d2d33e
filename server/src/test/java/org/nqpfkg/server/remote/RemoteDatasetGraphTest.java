package org.nqpfkg.server.remote;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transaction semantics of the remote dataset, against a real Fuseki process: a write is seen by its own
 * thread before commit and by nobody else; commit lands it (and raises the version) in one request; abort leaves
 * the store as it was; dropping a graph and writing it again in one transaction replaces it.
 */
class RemoteDatasetGraphTest {
    @TempDir static Path dir;
    static FusekiProcess fuseki;
    static RemoteDatasetGraph dsg;

    static final Node G = NodeFactory.createURI("urn:test:g");
    static final Node S = NodeFactory.createURI("urn:test:s");
    static final Node P = NodeFactory.createURI("urn:test:p");

    @BeforeAll
    static void start() throws Exception {
        fuseki = FusekiProcess.start(dir, null);
        dsg = new RemoteDatasetGraph(new RemoteEndpoints(fuseki.dataset(), null, null, null, 30_000));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fuseki != null) fuseki.close();
    }

    static Node lit(int i) { return NodeFactory.createLiteralString("v" + i); }

    static long count(Node g) {
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            for (var it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); it.next()) n++;
            return n;
        });
    }

    @Test
    void writesAreSeenByTheirOwnThreadOnlyUntilCommitted() throws Exception {
        long version = dsg.version().current();
        dsg.begin(ReadWrite.WRITE);
        try {
            dsg.removeGraph(G);
            for (int i = 0; i < 3; i++) dsg.add(G, S, P, lit(i));
            assertEquals(3, iterSize(dsg.find(G, Node.ANY, Node.ANY, Node.ANY)), "read your own writes");
            assertTrue(dsg.hasPendingChanges());
            // A query in this transaction must see them too: evaluated here, not sent to the store.
            try (QueryExec qe = QueryExec.dataset(dsg).query("SELECT (COUNT(*) AS ?n) { ?s <urn:test:p> ?o }").build()) {
                assertEquals("3", qe.select().next().get("n").getLiteralLexicalForm());
            }
            long seenElsewhere = CompletableFuture.supplyAsync(() -> count(G)).get();
            assertEquals(0, seenElsewhere, "another thread sees the committed store only");
            dsg.commit();
        } finally {
            dsg.end();
        }
        assertEquals(3, count(G));
        assertEquals(version + 1, dsg.version().current(), "one commit, one version");

        // Replace the graph in one transaction: drop it, write one quad.
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(G, Node.ANY, Node.ANY, Node.ANY);
            dsg.add(G, S, P, lit(9));
        });
        assertEquals(1, count(G));
        assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(G, S, P, lit(9))));
    }

    @Test
    void anAbortedWriteLeavesNoTrace() {
        Node g = NodeFactory.createURI("urn:test:aborted");
        long version = dsg.version().current();
        dsg.begin(ReadWrite.WRITE);
        dsg.add(g, S, P, lit(1));
        dsg.abort();
        dsg.end();
        assertEquals(0, count(g));
        assertFalse(Txn.calculateRead(dsg, () -> dsg.containsGraph(g)));
        assertEquals(version, dsg.version().current());
    }

    @Test
    void theDefaultGraphIsTheUnionAndIsNotWritten() {
        Node g2 = NodeFactory.createURI("urn:test:g2");
        Txn.executeWrite(dsg, () -> {
            dsg.add(g2, S, P, lit(42));
            assertThrows(UnsupportedOperationException.class, () -> dsg.add(Quad.defaultGraphIRI, S, P, lit(43)));
        });
        assertTrue(Txn.calculateRead(dsg, () -> dsg.getDefaultGraph().contains(S, P, lit(42))));
        List<Node> graphs = Txn.calculateRead(dsg, () -> { var l = new java.util.ArrayList<Node>(); dsg.listGraphNodes().forEachRemaining(l::add); return l; });
        assertTrue(graphs.contains(g2), graphs.toString());
    }

    @Test
    void aGraphStoreEndpointFetchesWholeGraphsWithTheSameAnswer() {
        Node g3 = NodeFactory.createURI("urn:test:g3");
        Txn.executeWrite(dsg, () -> { for (int i = 0; i < 5; i++) dsg.add(g3, S, P, lit(i)); });
        RemoteDatasetGraph withGsp = new RemoteDatasetGraph(new RemoteEndpoints(fuseki.dataset(), null, fuseki.dataset(), null, 30_000));
        long viaGsp = Txn.calculateRead(withGsp, () -> iterSize(withGsp.find(g3, Node.ANY, Node.ANY, Node.ANY)));
        assertEquals(5, viaGsp);
        assertEquals(0, Txn.calculateRead(withGsp, () -> iterSize(withGsp.find(NodeFactory.createURI("urn:test:none"), Node.ANY, Node.ANY, Node.ANY))));
    }

    static long iterSize(java.util.Iterator<?> it) {
        long n = 0;
        while (it.hasNext()) { it.next(); n++; }
        return n;
    }

    /**
     * Blank nodes travel as skolem IRIs (some stores refuse them in INSERT DATA, none lets DELETE DATA name one):
     * they come back as the same blank nodes, a pattern naming one finds it, and it can be deleted. A commit of
     * more quads than one data operation holds still lands whole.
     */
    @Test
    void blankNodesAndLargeCommitsRoundTrip() {
        Node g = NodeFactory.createURI("urn:test:bnodes");
        Node b = NodeFactory.createBlankNode("list-1");
        Node P = NodeFactory.createURI("urn:test:bnode-p");   // not the other tests' predicate: they count it store-wide
        Txn.executeWrite(dsg, () -> {
            dsg.add(g, S, P, b);
            dsg.add(g, b, P, lit(0));
            for (int i = 0; i < RemoteDatasetGraph.QUADS_PER_OPERATION + 500; i++) dsg.add(g, NodeFactory.createURI("urn:test:many/" + i), P, lit(i));
        });
        assertEquals(RemoteDatasetGraph.QUADS_PER_OPERATION + 502, count(g));
        Txn.executeRead(dsg, () -> {
            Quad q = dsg.find(g, S, P, Node.ANY).next();
            assertEquals(b, q.getObject(), "the same blank node back");
            assertEquals(1, iterSize(dsg.find(g, b, Node.ANY, Node.ANY)), "a pattern naming the blank node finds it");
        });
        Txn.executeWrite(dsg, () -> dsg.delete(g, b, P, lit(0)));
        Txn.executeRead(dsg, () -> assertFalse(dsg.find(g, b, Node.ANY, Node.ANY).hasNext(), "deleted"));
        Txn.executeRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query("SELECT ?o { GRAPH <urn:test:bnodes> { <urn:test:s> ?p ?o } }").build()) {
                Node stored = qe.select().next().get("o");
                assertTrue(stored.isURI() && stored.getURI().startsWith(Skolem.PREFIX), "stored as a skolem IRI: " + stored);
            }
        });
        Txn.executeWrite(dsg, () -> dsg.removeGraph(g));
    }
}
