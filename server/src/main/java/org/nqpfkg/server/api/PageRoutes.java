package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.queries.NamedQueries;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The pages people use, as HTML: home (/), a page per resource (/page/{kind}/{id}, the same path as its IRI under
 * /id/), the document reader (/read/{document}?start=&end=#target), a class's members (/list/{Class}), the explorer
 * (/explorer) and the SPARQL query editor (/sparql). Server-rendered pages go through the response cache, so they
 * are rebuilt only when the store changes; scripts live in /static, never inline.
 */
final class PageRoutes {
    private static final Pattern REST = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+){1,4}");
    private static final Pattern CLASS = Pattern.compile("[A-Z][A-Za-z]{0,60}");

    private final KnowledgeStore store;
    private final NamedQueries queries;
    private final ResponseCache cache;
    private final IntSupplier sparqlPort;

    /** {@code sparqlPort} is read per request: the SPARQL server may pick its port after the facade is built. */
    PageRoutes(KnowledgeStore store, NamedQueries queries, ResponseCache cache, IntSupplier sparqlPort) {
        this.store = store;
        this.queries = queries;
        this.cache = cache;
        this.sparqlPort = sparqlPort;
    }

    void home(Context ctx) {
        Responses.send(ctx, cache.get("page home", () -> Html.entry(new HomePage(store.datasetGraph()).render())));
    }

    void resource(Context ctx) {
        String rest = ctx.pathParam("rest");
        if (!REST.matcher(rest).matches()) throw Problem.notFound("no page at /page/" + Params.abbreviate(rest));
        send(ctx, "page resource " + rest, () -> new ResourcePage(store.datasetGraph()).render(rest),
                "the graph says nothing about " + Html.iriOf(rest));
    }

    void reader(Context ctx) {
        String id = Params.slug("document id", ctx.pathParam("id"));
        boolean hasStart = ctx.queryParam("start") != null;
        if (hasStart != (ctx.queryParam("end") != null)) throw Problem.badRequest("give both start and end, or neither");
        Integer start = hasStart ? Params.integer(ctx, "start", 0, 0, Integer.MAX_VALUE / 2) : null;
        Integer end = hasStart ? Params.integer(ctx, "end", 0, 0, Integer.MAX_VALUE / 2) : null;
        send(ctx, "page reader " + id + " " + start + " " + end, () -> new ReaderPage(store.datasetGraph()).render(id, start, end),
                "no document with id " + id);
    }

    void list(Context ctx) {
        String name = ctx.pathParam("class");
        if (!CLASS.matcher(name).matches()) throw Problem.notFound("no class named " + Params.abbreviate(name));
        int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
        send(ctx, "page list " + name + " " + offset, () -> new ListPage(store.datasetGraph()).render(name, offset), "the graph has no " + name);
    }

    /** A page rendered once per store version; a null page is a 404 that says what is missing. */
    private void send(Context ctx, String key, java.util.function.Supplier<String> render, String missing) {
        ResponseCache.Entry e = cache.get(key, () -> {
            String html = render.get();
            return html == null ? null : Html.entry(html);
        });
        if (e == null) throw Problem.notFound(missing);
        Responses.send(ctx, e);
    }

    void explorer(Context ctx) {
        Responses.send(ctx, cache.get("page explorer", () -> Html.entry(Html.page("Explorer", """
                <div class="explorer">
                <div class="controls">
                  <span class="figures" role="tablist">
                    <button type="button" data-figure="levels" class="active">Levels · 层面</button>
                    <button type="button" data-figure="paths">Paths and cases · 路径与案例</button>
                    <button type="button" data-figure="policies">Policies · 政策</button>
                  </span>
                  <label>Document · 文献 <select id="document"><option value="">all documents</option></select></label>
                  <span id="status" class="status"></span>
                </div>
                <div id="graph" class="graph"></div>
                <p class="hint"><span class="key level">level 层面</span> <span class="key lens">lens 视域</span>
                  <span class="key mechanism">mechanism 机制</span> <span class="key path">path 路径</span>
                  <span class="key organization">case 案例</span> <span class="key policy">policy 政策</span> <span class="key horizon">horizon 期限</span>
                  · Click a node to open its page; drag to move, scroll to zoom.</p>
                </div>
                """, "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js", "/static/explorer.js"))));
    }

    /**
     * YASGUI against this server's SPARQL endpoint. The project's prefixes and the named queries travel in a JSON data
     * block, which a browser never executes, so the page needs no inline script.
     */
    void sparql(Context ctx) {
        int port = sparqlPort.getAsInt();
        Responses.send(ctx, cache.get("page sparql " + port, () -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("port", port);
            config.put("path", "/kg/sparql");
            config.put("prefixes", prefixes());
            List<Map<String, String>> examples = queries.all().stream().map(q -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("name", q.name());
                m.put("summary", q.summary());
                m.put("query", q.text());
                return m;
            }).toList();
            config.put("queries", examples);
            String json = new String(Json.bytes(config), java.nio.charset.StandardCharsets.UTF_8).replace("</", "<\\/");
            return Html.entry(Html.page("SPARQL", """
                    <link rel="stylesheet" href="/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.css">
                    <div class="sparql-head"><h1>SPARQL <small>查询</small></h1>
                    <p>Endpoint <code id="endpoint"></code>. The project's prefixes are declared in every new tab. Examples:
                    <select id="examples"><option value="">choose a named query…</option></select></p></div>
                    <div id="yasgui"></div>
                    <script type="application/json" id="sparql-config">""" + json + "</script>\n",
                    "/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js", "/static/sparql.js"));
        }));
    }

    /** The prefixes {@code kg query} predefines, from the one place they are declared. */
    static Map<String, String> prefixes() {
        Map<String, String> out = new LinkedHashMap<>();
        var m = java.util.regex.Pattern.compile("PREFIX\\s+(\\w*):\\s*<([^>]+)>").matcher(Vocab.PREFIXES);
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }
}
