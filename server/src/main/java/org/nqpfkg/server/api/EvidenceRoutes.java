package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The full evidence behind an item or one of its links, paged: GET /api/{kind}/{id}/evidence and
 * GET /api/{kind}/{id}/links/{rel}/{target}/evidence ({@code ?document=}, {@code limit}, {@code offset}).
 */
final class EvidenceRoutes {
    private static final Pattern REL = Pattern.compile("[a-zA-Z]{1,40}");
    private static final String OWN = "?x nqpf:evidence ?ev . ";
    private static final String LINK = """
            { ?st rdf:subject ?x ; rdf:object ?o } UNION { ?st rdf:object ?x ; rdf:subject ?o }
            ?st a nqpf:Statement ; rdf:predicate ?p ; nqpf:evidence ?ev .
            FILTER(STRENDS(STR(?o), ?suffix))
            """;
    private static final String SPAN = """
            ?ev nif:referenceContext ?d ; nif:anchorOf ?quote ; nif:beginIndex ?b ; nif:endIndex ?e .
            ?d nqpf:slug ?doc .
            OPTIONAL { ?ev nqpf:section ?sec . OPTIONAL { ?sec nqpf:sectionNumber ?secNum } OPTIONAL { ?sec dcterms:title ?secTitle } }
            """;

    private final KnowledgeStore store;
    private final ResponseCache cache;

    EvidenceRoutes(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    void own(Context ctx) {
        Kind kind = ResourceRoutes.kind(ctx);
        String id = Params.slug("id", ctx.pathParam("id"));
        page(ctx, kind, id, OWN, Map.of(), "evidence " + kind.path + " " + id, "no " + kind.segment + " with id " + id);
    }

    void link(Context ctx) {
        Kind kind = ResourceRoutes.kind(ctx);
        String id = Params.slug("id", ctx.pathParam("id"));
        String rel = ctx.pathParam("rel");
        if (!REL.matcher(rel).matches()) throw Problem.badRequest("rel must be a property name such as level, viaPath or exampleOf");
        String target = Params.slug("target", ctx.pathParam("target"));
        Map<String, Node> bind = Map.of("p", Vocab.nqpf(rel), "suffix", NodeFactory.createLiteralString("/" + target));
        page(ctx, kind, id, LINK, bind, "link-evidence " + kind.path + " " + id + " " + rel + " " + target,
                "no " + rel + " link between " + kind.segment + " " + id + " and " + target);
    }

    private void page(Context ctx, Kind kind, String id, String pattern, Map<String, Node> extra, String key, String missing) {
        String document = Params.slug(ctx, "document");
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
        String fullKey = key + " " + document + " " + limit + " " + offset;
        ResponseCache.Entry e = cache.get(fullKey, () -> Txn.calculateRead(store.datasetGraph(), () -> {
            var dsg = store.datasetGraph();
            Map<String, Node> bind = new HashMap<>(extra);
            bind.put("x", Vocab.iri(kind.iri(id)));
            long all = count(pattern, bind);
            // A thing with no evidence of its own (a level from the vocabulary) has an empty page; a missing thing or link has none.
            if (all == 0 && !(pattern.equals(OWN) && exists(kind, id))) return null;
            if (document != null) bind.put("d", Vocab.iri(Kind.DOCUMENTS.iri(document)));
            long total = document == null ? all : count(pattern + SPAN, bind);
            List<Map<String, Object>> items = new ArrayList<>();
            String query = "SELECT ?doc ?quote ?b ?e ?secNum ?secTitle WHERE { " + pattern + SPAN + "} ORDER BY ?doc ?b ?e ?ev LIMIT "
                    + limit + " OFFSET " + offset;
            for (Binding b : Sparql.select(dsg, query, bind, null)) items.add(Items.evidence(b));
            return Responses.page(items, total, limit, offset);
        }));
        if (e == null) throw Problem.notFound(missing);
        Responses.send(ctx, e);
    }

    private boolean exists(Kind kind, String id) {
        return !Sparql.select(store.datasetGraph(), "SELECT ?x WHERE { ?x a ?type }", Map.of("type", Vocab.nqpf(kind.type)), List.of(kind.iri(id))).isEmpty();
    }

    private long count(String pattern, Map<String, Node> bind) {
        List<Binding> rows = Sparql.select(store.datasetGraph(), "SELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }", bind, null);
        return rows.isEmpty() ? 0 : Long.parseLong(Sparql.str(rows.get(0), "n"));
    }

    /** The path that pages the evidence of an item. */
    static String href(Kind kind, String id) { return "/api/" + kind.path + "/" + id + "/evidence"; }

    /** The path that pages the evidence of one of an item's links. */
    static String href(Kind kind, String id, String rel, String target) {
        return "/api/" + kind.path + "/" + id + "/links/" + rel + "/" + target + "/evidence";
    }
}
