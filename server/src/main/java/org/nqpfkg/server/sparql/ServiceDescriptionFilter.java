package org.nqpfkg.server.sparql;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.jena.graph.Node;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.lod.HostHeader;
import org.nqpfkg.server.lod.Iris;
import org.nqpfkg.server.lod.RdfMedia;
import org.nqpfkg.server.lod.Representations;
import org.nqpfkg.server.lod.ServiceDescription;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * Answers a GET (or HEAD) on the endpoint without a query with its SPARQL 1.1 Service Description, as the
 * recommendation asks; Fuseki itself answers 404 there. Every other request goes on to Fuseki.
 */
final class ServiceDescriptionFilter implements Filter {
    private final KnowledgeStore store;
    private final String dataset;
    private final BooleanSupplier writable;

    ServiceDescriptionFilter(KnowledgeStore store, String dataset, BooleanSupplier writable) {
        this.store = store;
        this.dataset = dataset;
        this.writable = writable;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (!isDescriptionRequest(req)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<RdfMedia> media = RdfMedia.choose(req.getHeader("Accept"), RdfMedia.ALL);
        res.setHeader("Vary", "Accept");
        if (media.isEmpty()) {
            String body = "{\"type\":\"about:blank\",\"title\":\"Not acceptable\",\"status\":406,\"detail\":\"the service description is available as "
                    + RdfMedia.offeredList(RdfMedia.ALL) + "\",\"instance\":\"" + req.getRequestURI() + "\"}";
            send(req, res, 406, "application/problem+json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String endpoint = req.getScheme() + "://" + HostHeader.of(req.getHeader("Host")) + req.getRequestURI();
        var graph = ServiceDescription.build(endpoint, writable.getAsBoolean(), store.stats().current());
        byte[] body = Representations.render(graph, media.get(), "nqpf-kg SPARQL service", List.<Node>of(Vocab.iri(endpoint), Vocab.iri(Iris.DATASET)));
        send(req, res, 200, media.get().contentType, body);
    }

    private boolean isDescriptionRequest(HttpServletRequest req) {
        String method = req.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) return false;
        String path = req.getRequestURI();
        boolean endpoint = path.equals(dataset) || path.equals(dataset + "/") || path.equals(dataset + "/sparql") || path.equals(dataset + "/query");
        return endpoint && req.getParameter("query") == null;
    }

    private static void send(HttpServletRequest req, HttpServletResponse res, int status, String type, byte[] body) throws IOException {
        res.setStatus(status);
        res.setContentType(type);
        res.setContentLength(body.length);
        if (!req.getMethod().equals("HEAD")) res.getOutputStream().write(body);
    }
}
