package org.nqpfkg.server.doors;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.util.Context;

/**
 * {@code SERVICE} turns a query into an HTTP request made by the server: to an internal port, it maps the
 * network behind the server. It is refused unless the endpoint is on the operator's allow-list. Queries are
 * checked before they run (a clear 400), and the dataset's service executor refuses again at run time, for
 * updates and for anything that reaches the engine another way. Allowed calls get the query timeout.
 */
public final class ServiceDoor {
    private final List<String> allowed;

    public ServiceDoor(List<String> allowed) { this.allowed = List.copyOf(allowed); }

    /** Puts the run-time check and the timeout in the dataset's context. */
    public void install(Context context, long timeoutMillis) {
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.chooseRegistry(context).copy();
        registry.addBulkLink((op, input, cxt, chain) -> {
            String refused = refusal(op.getService());
            if (refused != null) throw new QueryExecException(refused);
            return chain.createExecution(op, input, cxt);
        });
        ServiceExecutorRegistry.set(context, registry);
        context.set(Service.httpQueryTimeout, Long.toString(timeoutMillis));
    }

    /** Why this query may not run, or null if it may. */
    public String check(Query query) {
        String[] refused = {null};
        if (query.getQueryPattern() == null) return null;
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementService el) {
                if (refused[0] == null) refused[0] = refusal(el.getServiceNode());
            }
        });
        return refused[0];
    }

    private String refusal(Node service) {
        if (service.isURI() && allowed.contains(service.getURI())) return null;
        return allowed.isEmpty()
                ? "SERVICE is not allowed on this server: a query may not make it fetch " + (service.isURI() ? "<" + service.getURI() + ">" : "a URL")
                : "SERVICE may call only " + allowed + ", not " + (service.isURI() ? "<" + service.getURI() + ">" : "a variable endpoint");
    }
}
