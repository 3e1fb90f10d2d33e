package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;

/** GET /api/targets: dated policy targets (到2027年…), filtered by document, year and horizon, paged. */
final class TargetRoutes {
    private static final Set<String> HORIZONS = Set.of("short", "medium", "long");
    private static final String WHERE = """
              ?x a nqpf:Target ; nqpf:targetYear ?year ; nqpf:evidence/nif:referenceContext ?d .
              ?d nqpf:slug ?doc .
              OPTIONAL { ?x nqpf:horizon ?horizon }
              FILTER(?anyYear || STR(?year) = ?yearText)
            """;
    private static final String PAGE = """
            SELECT DISTINCT ?x ?year ?doc ?horizon WHERE {
            """ + WHERE + """
            } ORDER BY ?doc ?year ?x LIMIT %d OFFSET %d
            """;
    private static final String COUNT = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {" + WHERE + "}";
    private static final String DETAILS = """
            SELECT ?x ?label ?value WHERE { OPTIONAL { ?x rdfs:label ?label } OPTIONAL { ?x nqpf:targetValue ?value } }
            """;

    private final KnowledgeStore store;
    private final ResponseCache cache;

    TargetRoutes(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    void list(Context ctx) {
        String document = Params.slug(ctx, "document");
        String horizon = Params.slug(ctx, "horizon");
        if (horizon != null && !HORIZONS.contains(horizon)) throw Problem.badRequest("horizon must be one of " + HORIZONS + ", not " + horizon);
        Integer year = ctx.queryParam("year") == null ? null : Params.integer(ctx, "year", 0, 1900, 2200);
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
        String key = "targets " + document + " " + horizon + " " + year + " " + limit + " " + offset;
        Responses.send(ctx, cache.get(key, () -> Txn.calculateRead(store.datasetGraph(), () -> page(document, horizon, year, limit, offset))));
    }

    private ResponseCache.Entry page(String document, String horizon, Integer year, int limit, int offset) {
        var dsg = store.datasetGraph();
        Map<String, Node> bind = new HashMap<>();
        if (document != null) bind.put("d", Vocab.iri(Kind.DOCUMENTS.iri(document)));
        if (horizon != null) bind.put("horizon", Vocab.iri(Vocab.ID + "horizon/" + horizon));
        bind.put("anyYear", NodeFactory.createLiteralByValue(year == null));
        bind.put("yearText", NodeFactory.createLiteralString(year == null ? "" : String.format("%04d", year)));
        List<Binding> rows = Sparql.select(dsg, PAGE.formatted(limit, offset), bind, null);
        List<String> iris = rows.stream().map(b -> Sparql.str(b, "x")).toList();
        Map<String, String[]> details = new HashMap<>();
        if (!iris.isEmpty())
            for (Binding b : Sparql.select(dsg, DETAILS, Map.of(), iris))
                details.putIfAbsent(Sparql.str(b, "x"), new String[] {Sparql.str(b, "label"), Sparql.str(b, "value")});
        Map<String, List<Map<String, Object>>> evidence = new Items(dsg).evidenceOf(iris);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Binding b : rows) {
            String x = Sparql.str(b, "x");
            String[] d = details.getOrDefault(x, new String[2]);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", Sparql.id(x));
            item.put("iri", x);
            item.put("year", Integer.valueOf(Sparql.str(b, "year").substring(0, 4)));
            item.put("label", d[0]);
            item.put("value", d[1]);
            item.put("horizon", b.get("horizon") == null ? null : Sparql.id(Sparql.str(b, "horizon")));
            item.put("document", Sparql.str(b, "doc"));
            item.put("evidence", evidence.getOrDefault(x, List.of()));
            items.add(item);
        }
        return Responses.page(items, Sparql.integer(Sparql.select(dsg, COUNT, bind, null).get(0), "n"), limit, offset);
    }
}
