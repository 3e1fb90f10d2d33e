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

    /**
     * SERVICE anywhere in the query text, as a keyword: a conservative test (a literal that reads "service ?x" also
     * keeps the query here, which is only slower). Walking the syntax alone would miss a SERVICE inside an
     * expression's EXISTS, and a missed one would make the store fetch the URL.
     */
    private static final java.util.regex.Pattern SERVICE_KEYWORD = java.util.regex.Pattern.compile(
            "(?i)\\bSERVICE\\s+(SILENT\\s+)?(<|\\?|\\$|[A-Za-z_][\\w.-]*:|:)");

    static QueryShape of(Query query) {
        if (query.getQueryPattern() == null) return new QueryShape(false, 0, false);
        boolean[] service = {SERVICE_KEYWORD.matcher(query.serialize()).find()};
        int[] text = {0};
        walk(query.getQueryPattern(), service, text);
        // Expressions outside the pattern (projection, HAVING, ORDER BY) may hold EXISTS too.
        query.getProject().getExprs().values().forEach(e -> walkExpr(e, service, text));
        query.getHavingExprs().forEach(e -> walkExpr(e, service, text));
        if (query.hasOrderBy()) query.getOrderBy().forEach(c -> walkExpr(c.getExpression(), service, text));
        return new QueryShape(service[0], text[0], text[0] == 1 && firstTextCall(query) != null);
    }

    private static void walk(Element e, boolean[] service, int[] text) {
        ElementWalker.walk(e, new ElementVisitorBase() {
            @Override public void visit(ElementService el) { service[0] = true; }
            @Override public void visit(ElementPathBlock el) { el.getPattern().forEach(tp -> { if (isText(tp.getPredicate())) text[0]++; }); }
            @Override public void visit(ElementTriplesBlock el) { el.getPattern().forEach(t -> { if (isText(t.getPredicate())) text[0]++; }); }
            // The walker enters neither subqueries nor the patterns of EXISTS in expressions on its own.
            @Override public void visit(ElementSubQuery el) {
                QueryShape inner = of(el.getQuery());
                service[0] |= inner.service;
                text[0] += inner.textCalls;
            }
            @Override public void visit(org.apache.jena.sparql.syntax.ElementFilter el) { walkExpr(el.getExpr(), service, text); }
            @Override public void visit(org.apache.jena.sparql.syntax.ElementBind el) { walkExpr(el.getExpr(), service, text); }
        });
    }

    /** Every EXISTS / NOT EXISTS pattern inside {@code expr}, at any depth. */
    private static void walkExpr(org.apache.jena.sparql.expr.Expr expr, boolean[] service, int[] text) {
        if (expr == null) return;
        org.apache.jena.sparql.algebra.walker.Walker.walk(expr, new org.apache.jena.sparql.expr.ExprVisitorBase() {
            @Override public void visit(org.apache.jena.sparql.expr.ExprFunctionOp op) {
                if (op.getElement() != null) walk(op.getElement(), service, text);
            }
        });
    }

    private static boolean isText(Node predicate) {
        return predicate != null && predicate.isURI() && predicate.getURI().startsWith(TEXT_NS);
    }

    /** Whether the store may answer it (whole, or after its first-pattern text call is done here). */
    boolean remote() { return !service && (textCalls == 0 || textFirst); }

    /** Whether a text call must be done here first. */
    boolean textFirst() { return textFirst; }

    /**
     * The triples of the text call in the query's first element, when that element is a basic graph pattern with one:
     * the {@code text:} triple and the rdf:first/rdf:rest triples of its argument lists ({@code (?s ?score)
     * text:query (...)} parses into such lists). Null when there is none. Within a basic graph pattern the order of
     * triples does not matter, so the call may stand anywhere in that first element.
     */
    static List<TriplePath> firstTextCall(Query query) {
        if (!(query.getQueryPattern() instanceof ElementGroup group) || group.isEmpty()) return null;
        if (!(group.get(0) instanceof ElementPathBlock block)) return null;
        List<TriplePath> all = block.getPattern().getList();
        TriplePath text = all.stream().filter(tp -> isText(tp.getPredicate())).findFirst().orElse(null);
        if (text == null) return null;
        List<TriplePath> call = new java.util.ArrayList<>();
        call.add(text);
        addList(all, text.getSubject(), call);
        addList(all, text.getObject(), call);
        return call;
    }

    /**
     * The rdf:first/rdf:rest triples of the list that starts at {@code head}: nothing unless it is a blank node, which
     * the parser has already made an unnamed variable.
     */
    private static void addList(List<TriplePath> all, Node head, List<TriplePath> out) {
        for (Node node = head; node != null && (node.isBlank() || node.isVariable() && !Var.isNamedVar(node)); ) {
            Node next = null;
            for (TriplePath tp : all) {
                if (!node.equals(tp.getSubject()) || tp.getPredicate() == null) continue;
                if (tp.getPredicate().equals(org.apache.jena.vocabulary.RDF.Nodes.first)) out.add(tp);
                else if (tp.getPredicate().equals(org.apache.jena.vocabulary.RDF.Nodes.rest)) {
                    out.add(tp);
                    next = tp.getObject();
                }
            }
            node = next;
        }
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

    /** A copy of {@code query} with its text call ({@link #firstTextCall}) replaced by these rows of its variables. */
    static Query withHits(Query query, List<TriplePath> call, List<Var> vars, List<Binding> rows) {
        Query copy = query.cloneQuery();
        ElementGroup group = (ElementGroup) copy.getQueryPattern();
        ElementPathBlock block = (ElementPathBlock) group.get(0);
        block.getPattern().getList().removeAll(call);
        if (block.getPattern().isEmpty()) group.getElements().remove(0);
        group.getElements().add(0, new ElementData(vars, rows));
        return copy;
    }
}
