package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.nqpfkg.loader.Vocab;

/**
 * Read queries of the facade: fixed query text with the project's prefixes; values from requests are
 * bound as RDF terms (substitution, or a VALUES block built with the syntax API), never pasted in.
 */
final class Sparql {
    private Sparql() {}

    static final long TIMEOUT_MS = 10_000;

    /** Rows of a SELECT, with {@code bindings} substituted and {@code values} (if any) as a VALUES block for ?x. */
    static List<Binding> select(DatasetGraph dsg, String query, Map<String, Node> bindings, Collection<String> values) {
        Query q = QueryFactory.create(Vocab.PREFIXES + query);
        if (values != null) {
            // VALUES first inside WHERE, not after it: a trailing VALUES block is joined after the pattern has been
            // matched over the whole store, so every page would cost as much as the corpus is large.
            org.apache.jena.sparql.syntax.ElementData data = new org.apache.jena.sparql.syntax.ElementData();
            data.add(Var.alloc("x"));
            for (String iri : values) data.add(BindingFactory.binding(Var.alloc("x"), NodeFactory.createURI(iri)));
            org.apache.jena.sparql.syntax.ElementGroup group = new org.apache.jena.sparql.syntax.ElementGroup();
            group.addElement(data);
            if (q.getQueryPattern() instanceof org.apache.jena.sparql.syntax.ElementGroup g) g.getElements().forEach(group::addElement);
            else group.addElement(q.getQueryPattern());
            q.setQueryPattern(group);
        }
        QueryExecBuilder builder = QueryExec.dataset(dsg).query(q).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        for (Map.Entry<String, Node> e : bindings.entrySet()) builder = builder.substitution(Var.alloc(e.getKey()), e.getValue());
        try (QueryExec qe = builder.build()) {
            List<Binding> out = new ArrayList<>();
            qe.select().forEachRemaining(out::add);
            return out;
        }
    }

    static String str(Binding b, String var) {
        Node n = b.get(var);
        if (n == null) return null;
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    static Integer integer(Binding b, String var) {
        String s = str(b, var);
        return s == null ? null : Integer.valueOf(s);
    }

    /** The id of a resource: its IRI's last path segment (slugs are unique within a kind). */
    static String id(String iri) { return iri.substring(iri.lastIndexOf('/') + 1); }
}
