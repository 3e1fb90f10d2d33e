package org.nqpfkg.server.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.search.TextIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a facade's own full-text index in step with a remote store that other facades write too. The index
 * records, with each Lucene commit, which store it follows and up to which {@link StoreVersion}; when the store's
 * version moves on, the graphs marked as changed since ({@code nqpf:changedInVersion}) are read again — their
 * sentences' {@code nif:anchorOf}, nothing else — and only those graphs are reindexed. A new or foreign index
 * folder is rebuilt from every sentence in the store. The work follows the changes, not the corpus.
 */
public final class IndexFollower {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    static final String STORE_KEY = "nqpf-kg.store";
    static final String VERSION_KEY = "nqpf-kg.version";
    /** Graphs read back per query when catching up: a bounded VALUES block. */
    private static final int GRAPHS_PER_QUERY = 200;

    private final RemoteEndpoints endpoints;
    private final TextIndex index;
    private long indexed = -1;

    public IndexFollower(RemoteEndpoints endpoints, TextIndex index) {
        this.endpoints = endpoints;
        this.index = index;
    }

    /** Brings the index to {@code storeVersion}: from where it left off if it follows this store, else whole. */
    public synchronized void open(long storeVersion) {
        Map<String, String> data = index.commitData();
        if (endpoints.queryEndpoint().equals(data.get(STORE_KEY)) && data.get(VERSION_KEY) != null
                && Long.parseLong(data.get(VERSION_KEY)) <= storeVersion) {
            indexed = Long.parseLong(data.get(VERSION_KEY));
            catchUp(storeVersion);
        } else {
            rebuild(storeVersion);
        }
    }

    /** The store version the index is in step with. */
    public synchronized long indexedVersion() { return indexed; }

    /** Reads every sentence of the store into a cleared index. */
    private void rebuild(long storeVersion) {
        long t0 = System.nanoTime();
        Map<Node, List<Quad>> anchors = anchors("");
        index.replaceGraphs(anchors, true, commitData(storeVersion));
        indexed = storeVersion;
        LOG.info("text index built from {}: {} sentence(s) in {} graph(s), {} ms", endpoints.queryEndpoint(),
                anchors.values().stream().mapToInt(List::size).sum(), anchors.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Reindexes the graphs changed after the version the index has; a no-op when it is already there. */
    public synchronized void catchUp(long storeVersion) {
        if (indexed < 0) throw new IllegalStateException("open() first");
        if (storeVersion <= indexed) return;
        List<Node> changed = changedSince(indexed);
        Map<Node, List<Quad>> anchors = new LinkedHashMap<>();
        for (int i = 0; i < changed.size(); i += GRAPHS_PER_QUERY) {
            List<Node> part = changed.subList(i, Math.min(changed.size(), i + GRAPHS_PER_QUERY));
            StringBuilder values = new StringBuilder("VALUES ?g {");
            part.forEach(g -> values.append(' ').append(NodeFmtLib.strNT(g)));
            anchors.putAll(anchors(values.append(" }").toString()));
            part.forEach(g -> anchors.putIfAbsent(g, List.of()));  // gone, or without sentences now
        }
        index.replaceGraphs(anchors, false, commitData(storeVersion));
        indexed = storeVersion;
    }

    private Map<String, String> commitData(long version) {
        return Map.of(STORE_KEY, endpoints.queryEndpoint(), VERSION_KEY, Long.toString(version));
    }

    private List<Node> changedSince(long version) {
        Query q = QueryFactory.create("SELECT DISTINCT ?g { GRAPH " + NodeFmtLib.strNT(StoreVersion.SYSTEM) + " { ?g "
                + NodeFmtLib.strNT(StoreVersion.CHANGED_IN) + " ?v } FILTER(?v > " + version + ") }");
        List<Node> graphs = new ArrayList<>();
        try (QueryExec exec = endpoints.query(q, 0)) {
            exec.select().forEachRemaining(b -> graphs.add(b.get("g")));
        }
        return graphs;
    }

    /** The {@code nif:anchorOf} quads of the graphs {@code values} names (all graphs when empty), by graph. */
    private Map<Node, List<Quad>> anchors(String values) {
        Query q = QueryFactory.create("SELECT ?g ?s ?text { " + values + " GRAPH ?g { ?s "
                + NodeFmtLib.strNT(Vocab.nif("anchorOf")) + " ?text } }");
        Map<Node, List<Quad>> byGraph = new LinkedHashMap<>();
        try (QueryExec exec = endpoints.query(q, 0)) {
            RowSet rows = exec.select();
            rows.forEachRemaining(b -> {
                Quad quad = Quad.create(b.get("g"), b.get("s"), TextIndex.ANCHOR_OF, b.get("text"));
                if (TextIndex.indexes(quad.getSubject())) byGraph.computeIfAbsent(quad.getGraph(), g -> new ArrayList<>()).add(quad);
            });
        }
        return byGraph;
    }
}
