package org.nqpfkg.server.remote;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpNull;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.PlanOp;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIteratorBase;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;

/**
 * Sends a whole query to the remote store when the dataset is (or wraps) a {@link RemoteDatasetGraph}: one HTTP
 * request instead of one per pattern, so every {@code QueryExec.dataset(dsg)} in the code stays as fast as the
 * store. Not when this thread's write transaction has changes the store has not seen (the query must see them:
 * Jena's own engine then evaluates it over {@code find}), nor when {@link QueryShape} says the query needs the
 * facade (text index, SERVICE door).
 *
 * <p>CONSTRUCT and DESCRIBE send their WHERE clause as a SELECT; the template (or description) is built here from
 * the rows, as Jena does for any dataset. Timeouts: the caller's timeout cancels the iterator, which aborts the
 * HTTP exchange once the store has started answering; a request still waiting for the store's first byte is
 * bounded by the dataset's query timeout ({@link ARQ#queryTimeout} in its context: the endpoint's
 * {@code --query-timeout}) and by the endpoints' own limit (60 s).
 */
public final class RemoteQueryEngine implements QueryEngineFactory {
    private static final RemoteQueryEngine INSTANCE = new RemoteQueryEngine();
    private static boolean registered;
    /** Set while this thread evaluates part of a query here, on purpose. */
    private static final ThreadLocal<Boolean> LOCAL = new ThreadLocal<>();

    static synchronized void register() {
        if (!registered) {
            QueryEngineRegistry.addFactory(INSTANCE);
            registered = true;
        }
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        if (LOCAL.get() != null) return false;
        RemoteDatasetGraph remote = RemoteDatasetGraph.under(dataset);
        return remote != null && !remote.hasPendingChanges() && QueryShape.of(query).remote()
                && QueryShape.portable(query) != null;
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding inputBinding, Context context) {
        RemoteDatasetGraph remote = RemoteDatasetGraph.under(dataset);
        Query q = inputBinding == null || inputBinding.isEmpty() ? query : QueryTransformOps.transform(query, asMap(inputBinding));
        if (QueryShape.of(q).textFirst()) q = textDoneHere(q, dataset);
        Query portable = QueryShape.portable(q);
        if (portable != null) q = portable;
        long timeout = timeoutMillis(context);
        QueryIterator rows;
        if (q.isAskType()) rows = new Ask(remote.endpoints(), q, timeout);
        else if (q.getQueryPattern() == null) rows = new Rows(List.of(BindingFactory.empty()));
        else rows = new Select(remote.endpoints(), asSelect(q), timeout);
        return new PlanOp(OpNull.create(), rows::close, rows);
    }

    private static java.util.Map<Var, Node> asMap(Binding b) {
        java.util.Map<Var, Node> map = new java.util.HashMap<>();
        b.forEach(map::put);
        return map;
    }

    /** Runs the query's first-pattern text call on the local index; the rest, with its hits in a VALUES block, goes remote. */
    private static Query textDoneHere(Query q, DatasetGraph dataset) {
        List<TriplePath> call = QueryShape.firstTextCall(q);
        Query textOnly = new Query();
        textOnly.setPrefixMapping(q.getPrefixMapping());
        textOnly.setQuerySelectType();
        textOnly.setQueryResultStar(true);
        org.apache.jena.sparql.syntax.ElementPathBlock block = new org.apache.jena.sparql.syntax.ElementPathBlock();
        call.forEach(block::addTriplePath);
        org.apache.jena.sparql.syntax.ElementGroup group = new org.apache.jena.sparql.syntax.ElementGroup();
        group.addElement(block);
        textOnly.setQueryPattern(group);
        Set<Var> vars = new LinkedHashSet<>();
        List<Binding> hits = new ArrayList<>();
        // By Jena's own engine, with the index from the dataset's context: this factory stands aside meanwhile.
        LOCAL.set(true);
        try (QueryExec exec = QueryExec.dataset(dataset).query(textOnly).build()) {
            RowSet rs = exec.select();
            rs.getResultVars().stream().filter(v -> Var.isNamedVar(v)).forEach(vars::add);
            rs.forEachRemaining(b -> {
                var row = BindingFactory.builder();
                vars.forEach(v -> { if (b.get(v) != null) row.add(v, b.get(v)); });
                hits.add(row.build());
            });
        } finally {
            LOCAL.remove();
        }
        return QueryShape.withHits(q, call, new ArrayList<>(vars), hits);
    }

    /** The WHERE clause of a CONSTRUCT or DESCRIBE as the SELECT whose rows Jena turns into triples. */
    private static Query asSelect(Query q) {
        if (q.isSelectType()) return q;
        Query s = q.cloneQuery();
        boolean describeVars = q.isDescribeType() && !q.isQueryResultStar();
        List<Var> described = describeVars ? q.getProjectVars() : List.of();
        s.setQuerySelectType();
        if (describeVars && !described.isEmpty()) {
            s.setQueryResultStar(false);
            described.forEach(s::addResultVar);
        } else {
            s.setQueryResultStar(true);
        }
        return s;
    }

    private static long timeoutMillis(Context context) {
        Object t = context == null ? null : context.get(ARQ.queryTimeout);
        if (t == null) return 0;
        try {
            String s = t.toString().split(",")[0].strip();
            return (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override public boolean accept(Op op, DatasetGraph dataset, Context context) { return false; }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding inputBinding, Context context) {
        throw new UnsupportedOperationException("algebra is evaluated by Jena's own engine");
    }

    /** The rows of a SELECT from the store, fetched when first asked for (so a timeout set after planning applies). */
    private static final class Select extends QueryIteratorBase {
        private final RemoteEndpoints endpoints;
        private final Query query;
        private final long timeout;
        /** Volatile: the timeout's alarm thread aborts it while the reader's thread may be blocked in it. */
        private volatile QueryExec exec;
        private RowSet rows;

        Select(RemoteEndpoints endpoints, Query query, long timeout) {
            this.endpoints = endpoints;
            this.query = query;
            this.timeout = timeout;
        }

        private synchronized RowSet rows() {
            if (rows == null) {
                exec = endpoints.query(query, timeout);
                rows = exec.select();
            }
            return rows;
        }

        @Override protected boolean hasNextBinding() { return rows().hasNext(); }
        @Override protected Binding moveToNextBinding() { return rows().next(); }

        @Override
        protected synchronized void closeIterator() {
            if (exec != null) exec.close();
        }

        /** Not synchronized: it must not wait for the request it is meant to stop. */
        @Override
        protected void requestCancel() {
            QueryExec e = exec;
            if (e != null) e.abort();
        }

        @Override
        public void output(IndentedWriter out, SerializationContext sCxt) { out.print("(remote " + query + ")"); }
    }

    /** ASK: one empty row when the store says true, none when false. */
    private static final class Ask extends QueryIteratorBase {
        private final RemoteEndpoints endpoints;
        private final Query query;
        private final long timeout;
        private Boolean answer;

        Ask(RemoteEndpoints endpoints, Query query, long timeout) {
            this.endpoints = endpoints;
            this.query = query;
            this.timeout = timeout;
        }

        @Override
        protected boolean hasNextBinding() {
            if (answer == null) {
                try (QueryExec exec = endpoints.query(query, timeout)) {
                    answer = exec.ask();
                }
            }
            return answer;
        }

        @Override
        protected Binding moveToNextBinding() {
            answer = false;
            return BindingFactory.empty();
        }

        @Override protected void closeIterator() {}
        @Override protected void requestCancel() {}
        @Override public void output(IndentedWriter out, SerializationContext sCxt) { out.print("(remote ask)"); }
    }

    /** Rows already known. */
    private static final class Rows extends QueryIteratorBase {
        private final java.util.Iterator<Binding> it;

        Rows(List<Binding> rows) { this.it = rows.iterator(); }

        @Override protected boolean hasNextBinding() { return it.hasNext(); }
        @Override protected Binding moveToNextBinding() { return it.next(); }
        @Override protected void closeIterator() {}
        @Override protected void requestCancel() {}
        @Override public void output(IndentedWriter out, SerializationContext sCxt) { out.print("(rows)"); }
    }
}
