package org.nqpfkg.server.sparql;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/** Fuseki's query service with a result cap: a query without LIMIT, or with a larger one, gets the cap as its LIMIT. */
final class CappedQueryService extends SPARQL_QueryDataset {
    private final long cap;

    CappedQueryService(long cap) { this.cap = cap; }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> decided = super.decideDataset(action, query, queryStringLog);
        Query q = decided.getRight();
        if (q.isAskType() || (q.hasLimit() && q.getLimit() <= cap)) return decided;
        Query capped = q.cloneQuery();
        capped.setLimit(cap);
        return Pair.create(decided.getLeft(), capped);
    }
}
