package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.query.QueryCancelledException;
import org.nqpfkg.server.queries.BadParameter;
import org.nqpfkg.server.queries.NamedQueries;
import org.nqpfkg.server.queries.NamedQuery;
import org.nqpfkg.server.store.KnowledgeStore;

/** GET /api/queries (what there is) and GET /api/queries/{name}?param=… (run one, parameters bound as RDF terms). */
final class QueryRoutes {
    private static final List<String> PAGING = List.of("limit", "offset");

    private final KnowledgeStore store;
    private final NamedQueries queries;
    private final ResponseCache cache;

    QueryRoutes(KnowledgeStore store, NamedQueries queries, ResponseCache cache) {
        this.store = store;
        this.queries = queries;
        this.cache = cache;
    }

    void list(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", queries.describe());
        body.put("total", queries.all().size());
        Responses.send(ctx, cache.get("queries", () -> Responses.json(body)));
    }

    void run(Context ctx) {
        String name = ctx.pathParam("name");
        NamedQuery query = queries.get(name).orElseThrow(() -> Problem.notFound("no named query " + Params.abbreviate(name)
                + "; GET /api/queries lists them"));
        int limit = Params.integer(ctx, "limit", query.pagination() == null ? NamedQuery.DEFAULT_PAGE : query.pagination(), 1, NamedQuery.MAX_PAGE);
        int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
        Map<String, String> raw = new TreeMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (PAGING.contains(k)) return;
            if (v.size() != 1) throw Problem.badRequest("parameter " + Params.abbreviate(k) + " is given " + v.size() + " times");
            raw.put(k, v.get(0));
        });
        String format = format(ctx.header("Accept"));
        String key = "query " + name + " " + raw + " " + limit + " " + offset + " " + format;
        Responses.send(ctx, cache.get(key, () -> render(query, raw, limit, offset, format)));
    }

    private ResponseCache.Entry render(NamedQuery query, Map<String, String> raw, int limit, int offset, String format) {
        NamedQuery.Result result;
        try {
            result = query.run(store.datasetGraph(), raw, limit, offset, NamedQuery.DEFAULT_TIMEOUT_MILLIS);
        } catch (BadParameter e) {
            throw Problem.badRequest(e.getMessage());
        } catch (QueryCancelledException e) {
            throw new Problem(503, "Query timed out", "the query " + query.name() + " ran past its time limit; narrow it with parameters");
        }
        if (format.equals("json-rows")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", result.rowValues());
            body.put("total", total(query, raw, result));
            body.put("limit", result.limit());
            body.put("offset", result.offset());
            body.put("hasMore", result.hasMore());
            return Responses.json(body);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.write(out, format);
        return Responses.entry(200, NamedQuery.Result.mediaType(format), out.toByteArray());
    }

    /** Rows of the whole answer: known from the page itself unless more rows follow or the page lies past the end. */
    private long total(NamedQuery query, Map<String, String> raw, NamedQuery.Result page) {
        if (!page.hasMore() && (!page.rows().isEmpty() || page.offset() == 0)) return page.offset() + page.rows().size();
        try {
            return query.count(store.datasetGraph(), raw, NamedQuery.DEFAULT_TIMEOUT_MILLIS);
        } catch (QueryCancelledException e) {
            throw new Problem(503, "Query timed out", "counting the rows of " + query.name() + " ran past its time limit; narrow it with parameters");
        }
    }

    /** Plain JSON rows by default; SPARQL JSON, CSV or TSV when the client asks for them. */
    static String format(String accept) {
        String a = accept == null || accept.isBlank() ? "*/*" : accept;
        if (a.contains("application/sparql-results+json")) return "sparql-json";
        if (a.contains("text/csv")) return "csv";
        if (a.contains("text/tab-separated-values")) return "tsv";
        if (a.contains("application/json") || a.contains("*/*") || a.contains("application/*")) return "json-rows";
        throw new Problem(406, "Not acceptable", "named queries answer application/json, application/sparql-results+json, "
                + "text/csv or text/tab-separated-values, not " + Params.abbreviate(a));
    }
}
