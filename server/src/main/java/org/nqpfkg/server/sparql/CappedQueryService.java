package org.nqpfkg.server.sparql;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.nqpfkg.server.doors.QueryLanes;
import org.nqpfkg.server.doors.ServiceDoor;

/**
 * Fuseki's query service behind the doors: a result cap (a query without LIMIT, or with a larger one, gets the
 * cap as its LIMIT, and the answer says so in {@value #CAP_HEADER}), no {@code SERVICE} outside the allow-list,
 * and the query lanes that keep expensive queries from taking every core.
 */
final class CappedQueryService extends SPARQL_QueryDataset {
    /** Response header naming the row cap when it replaced the query's own LIMIT: the answer may be cut there. */
    static final String CAP_HEADER = "X-Result-Cap";

    private final long cap;
    private final ServiceDoor services;
    private final QueryLanes lanes;
    /** The execution of the query this thread is answering, between its creation and the end of its answer. */
    private final ThreadLocal<QueryExec> current = new ThreadLocal<>();

    CappedQueryService(long cap, ServiceDoor services, QueryLanes lanes) {
        this.cap = cap;
        this.services = services;
        this.lanes = lanes;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        String refused = services.check(query);
        if (refused != null) ServletOps.errorBadRequest(refused);
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> decided = super.decideDataset(action, query, queryStringLog);
        Query q = decided.getRight();
        if (q.isAskType() || (q.hasLimit() && q.getLimit() <= cap)) return decided;
        Query capped = q.cloneQuery();
        capped.setLimit(cap);
        action.getResponse().setHeader(CAP_HEADER, Long.toString(cap));
        return Pair.create(decided.getLeft(), capped);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryExec exec = super.createQueryExec(action, query, dataset);
        try {
            lanes.start(exec);
        } catch (QueryLanes.Busy e) {
            exec.close();
            ServletOps.error(503, e.getMessage());
        }
        current.set(exec);
        return exec;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            super.execute(queryString, action);
        } catch (ActionErrorException e) {
            QueryExec exec = current.get();
            if (exec != null && lanes.finished(exec))
                throw new ActionErrorException(503, "the server is busy with other long queries: this one was stopped after "
                        + org.nqpfkg.server.doors.DoorSettings.LONG_QUERY_MILLIS + " ms; try again later, or narrow it", e);
            throw e;
        } finally {
            QueryExec exec = current.get();
            current.remove();
            if (exec != null) lanes.finished(exec);
        }
    }
}
