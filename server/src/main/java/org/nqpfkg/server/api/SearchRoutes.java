package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nqpfkg.server.search.SentenceSearch;
import org.nqpfkg.server.store.KnowledgeStore;

/** GET /api/search?q=…: ranked sentences of all documents, with offsets, a highlighted snippet and the things they mention. */
final class SearchRoutes {
    private final SentenceSearch search;
    private final ResponseCache cache;

    SearchRoutes(KnowledgeStore store, ResponseCache cache) {
        this.search = new SentenceSearch(store);
        this.cache = cache;
    }

    void search(Context ctx) {
        String q = Params.text(ctx, "q");
        if (q == null || q.isBlank()) throw Problem.badRequest("q is required: the words to find, e.g. q=能力整合");
        if (q.length() > SentenceSearch.MAX_QUERY_LENGTH)
            throw Problem.badRequest("q is longer than " + SentenceSearch.MAX_QUERY_LENGTH + " characters");
        int limit = Params.integer(ctx, "limit", 20, 1, SentenceSearch.MAX_LIMIT);
        int offset = Params.integer(ctx, "offset", 0, 0, SentenceSearch.MAX_HITS);
        Responses.send(ctx, cache.get("search " + q + " " + limit + " " + offset, () -> {
            SentenceSearch.SearchResult result;
            try {
                result = search.search(q, limit, offset);
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(e.getMessage());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", result.hits().stream().map(SearchRoutes::hit).toList());
            body.put("total", result.total());
            body.put("limit", limit);
            body.put("offset", offset);
            return Responses.json(body);
        }));
    }

    private static Map<String, Object> hit(SentenceSearch.Hit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        // Ids in the lists' form, the IRI's last segment (Sparql.id): the sentence's number within its document.
        m.put("sentence", Sparql.id(h.sentenceIri()));
        m.put("iri", h.sentenceIri());
        m.put("text", h.text());
        m.put("snippet", h.snippet());
        m.put("document", h.documentId());
        m.put("section", h.sectionTitle());
        m.put("start", h.start());
        m.put("end", h.end());
        m.put("score", h.score());
        List<Map<String, Object>> mentions = h.mentions().stream().map(x -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", Sparql.id(x.iri()));
            r.put("kind", MentionRoutes.kindOf(x.iri()));
            r.put("iri", x.iri());
            r.put("label", x.label());
            r.put("type", x.type());
            return r;
        }).toList();
        m.put("mentions", mentions);
        return m;
    }
}
