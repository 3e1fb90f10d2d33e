package org.nqpfkg.server.remote;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * What decides where a query runs. A query may go to the remote store whole unless it calls a {@code text:}
 * property function (the full-text index is the facade's own) or has a {@code SERVICE} (the facade's SERVICE
 * door must decide that, not the store, which would fetch anything). One text call as the very first pattern
 * of the query — the shape of every search query here — is split off: it runs on the local index, and the rest
 * goes to the store with the hits as a VALUES block in its place, which is the same join in the same order.
 */
final class QueryShape {
    static final String TEXT_NS = "http://jena.apache.org/text#";

    private final boolean service;
    private final int textCalls;
    private final boolean textFirst;

    private QueryShape(boolean service, int textCalls, boolean textFirst) {
        this.service = service;
        this.textCalls = textCalls;
        this.textFirst = textFirst;
    }

    static QueryShape of(Query query) {
        if (query.getQueryPattern() == null) return new QueryShape(false, 0, false);
        boolean[] service = {false};
        int[] text = {0};
        walk(query.getQueryPattern(), service, text);
        return new QueryShape(service[0], text[0], text[0] == 1 && firstTextCall(query) != null);
    }

    private static void walk(Element e, boolean[] service, int[] text) {
        ElementWalker.walk(e, new ElementVisitorBase() {
            @Override public void visit(ElementService el) { service[0] = true; }
            @Override public void visit(ElementPathBlock el) { el.getPattern().forEach(tp -> { if (isText(tp.getPredicate())) text[0]++; }); }
            @Override public void visit(ElementTriplesBlock el) { el.getPattern().forEach(t -> { if (isText(t.getPredicate())) text[0]++; }); }
            // The walker does not enter subqueries on its own.
            @Override public void visit(ElementSubQuery el) { walk(el.getQuery().getQueryPattern(), service, text); }
        });
    }

    private static boolean isText(Node predicate) {
        return predicate != null && predicate.isURI() && predicate.getURI().startsWith(TEXT_NS);
    }

    /** Whether the store may answer it (whole, or after its first-pattern text call is done here). */
    boolean remote() { return !service && (textCalls == 0 || textFirst); }

    /** Whether a text call must be done here first. */
    boolean textFirst() { return textFirst; }

    /** The query's first pattern when it is a text call, or null. */
    static TriplePath firstTextCall(Query query) {
        if (!(query.getQueryPattern() instanceof ElementGroup group) || group.isEmpty()) return null;
        if (!(group.get(0) instanceof ElementPathBlock block) || block.getPattern().isEmpty()) return null;
        TriplePath first = block.getPattern().get(0);
        return isText(first.getPredicate()) ? first : null;
    }

    /**
     * The query as standard SPARQL 1.1 for the store, or null if it cannot be written so (it uses Jena's own
     * extensions: the facade answers it itself then). Jena's parameter substitution can leave a constant as an
     * ORDER BY key ({@code ORDER BY <iri>}), which sorts nothing and which SPARQL 1.1 does not allow: dropped.
     */
    static Query portable(Query query) {
        Query q = query;
        if (q.hasOrderBy() && q.getOrderBy().stream().anyMatch(c -> c.getExpression().isConstant())) {
            q = query.cloneQuery();
            q.getOrderBy().removeIf(c -> c.getExpression().isConstant());
        }
        try {
            org.apache.jena.query.QueryFactory.create(q.serialize(org.apache.jena.query.Syntax.syntaxSPARQL_11),
                    org.apache.jena.query.Syntax.syntaxSPARQL_11);
            return q;
        } catch (org.apache.jena.query.QueryParseException e) {
            return null;
        }
    }

    /** A copy of {@code query} with its first-pattern text call replaced by these rows of its variables. */
    static Query withHits(Query query, List<Var> vars, List<Binding> rows) {
        Query copy = query.cloneQuery();
        ElementGroup group = (ElementGroup) copy.getQueryPattern();
        ElementPathBlock block = (ElementPathBlock) group.get(0);
        block.getPattern().getList().remove(0);
        if (block.getPattern().isEmpty()) group.getElements().remove(0);
        ElementData data = new ElementData(vars, rows);
        group.getElements().add(0, data);
        return copy;
    }
}
