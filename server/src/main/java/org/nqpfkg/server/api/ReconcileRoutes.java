package org.nqpfkg.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * /reconcile: the W3C Reconciliation Service API (version 0.2, as OpenRefine speaks it). Without {@code queries}
 * it answers the service manifest; with {@code queries} (a JSON object of named queries, in the query string or a
 * POSTed form) it answers, for each, the best-scored organisations, sectors, mechanisms, paths or policies.
 * Ids are {@code kind/slug} in the identifier space {@code https://w3id.org/nqpf-kg/id/}: the protocol wants one
 * identifier space for every type, and slugs are unique only within a kind.
 */
final class ReconcileRoutes {
    /** Most queries in one batch: OpenRefine sends ten at a time by default. */
    static final int MAX_QUERIES = 50;
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 25;
    static final int MAX_QUERY_LENGTH = 500;
    /** Largest form body: fifty queries of the longest text fit in it several times over. */
    static final int MAX_FORM_BYTES = 64 * 1024;

    private final KnowledgeStore store;
    private final ResponseCache cache;
    private ReconcileIndex index;
    private long indexVersion = Long.MIN_VALUE;

    ReconcileRoutes(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    void handle(Context ctx) {
        String raw = ctx.queryParam("queries");
        if (raw == null && "POST".equals(ctx.method().name())) {
            if (ctx.contentLength() > MAX_FORM_BYTES) {
                discardSmallBody(ctx);
                throw new Problem(413, "Content too large", "the reconciliation form is larger than " + MAX_FORM_BYTES / 1024 + " KiB");
            }
            raw = ctx.formParam("queries");
        }
        if (raw == null) {
            Responses.send(ctx, Responses.json(manifest(ctx)));
            return;
        }
        Map<String, Query> queries = parse(raw);
        String key = "reconcile " + queries;
        Responses.send(ctx, cache.get(key, () -> Responses.json(answer(queries))));
    }

    /**
     * Reads and drops a refused body of up to 1 MiB before the answer: a client still sending it would otherwise
     * find the connection closed under it and never read the 413. A larger one is left unread (the server closes).
     */
    private static void discardSmallBody(Context ctx) {
        if (ctx.contentLength() > 1 << 20) return;
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException gone) {
            // the client went away: nothing to answer
        }
    }

    /** One query of a batch: what to find, of which kinds (none: any), how many candidates. */
    record Query(String query, Set<Kind> kinds, int limit) {}

    private Map<String, Object> answer(Map<String, Query> queries) {
        ReconcileIndex idx = index();
        Map<String, Object> body = new LinkedHashMap<>();
        queries.forEach((key, q) -> {
            List<ReconcileIndex.Candidate> found = idx.match(q.query(), q.kinds(), q.limit());
            List<Map<String, Object>> result = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                ReconcileIndex.Candidate c = found.get(i);
                // Matched outright only when the name is the thing's own and no other candidate carries it too.
                boolean match = i == 0 && c.score() >= ReconcileIndex.EXACT
                        && (found.size() == 1 || found.get(1).score() < ReconcileIndex.EXACT);
                result.add(candidate(c, match));
            }
            body.put(key, Map.of("result", result));
        });
        return body;
    }

    private static Map<String, Object> candidate(ReconcileIndex.Candidate c, boolean match) {
        ReconcileIndex.Entry e = c.entry();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", e.id());
        String zh = e.label().get("zh");
        String en = e.label().get("en");
        r.put("name", zh != null ? zh : en != null ? en : e.slug());
        r.put("description", zh != null && en != null ? en : "");
        r.put("type", List.of(type(e.kind())));
        r.put("score", c.score());
        r.put("match", match);
        return r;
    }

    private synchronized ReconcileIndex index() {
        long v = store.version();
        if (index == null || v != indexVersion) {
            index = ReconcileIndex.of(store.datasetGraph());
            indexVersion = v;
        }
        return index;
    }

    private static Map<String, Object> manifest(Context ctx) {
        String base = ctx.scheme() + "://" + ctx.host();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("versions", List.of("0.2"));
        m.put("name", "nqpf-kg: organisations, sectors, mechanisms, paths and policies of AI and new quality productive forces");
        m.put("identifierSpace", Vocab.ID);
        m.put("schemaSpace", Vocab.NQPF);
        m.put("defaultTypes", ReconcileIndex.KINDS.stream().map(ReconcileRoutes::type).toList());
        m.put("view", Map.of("url", base + "/id/{{id}}"));
        m.put("batchSize", MAX_QUERIES);
        m.put("documentation", base + "/docs");
        return m;
    }

    static Map<String, Object> type(Kind k) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", k.type);
        t.put("name", k.segment);
        return t;
    }

    /** The batch, checked: a JSON object of at most {@value #MAX_QUERIES} queries, each with a query string. */
    static Map<String, Query> parse(String raw) {
        JsonNode batch;
        try {
            batch = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("queries must be a JSON object such as {\"q0\": {\"query\": \"华为\"}}: " + e.getOriginalMessage());
        }
        if (batch == null || !batch.isObject() || batch.isEmpty())
            throw Problem.badRequest("queries must be a non-empty JSON object such as {\"q0\": {\"query\": \"华为\"}}");
        if (batch.size() > MAX_QUERIES) throw Problem.badRequest("queries holds " + batch.size() + " queries; at most " + MAX_QUERIES + " at once");
        Map<String, Query> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : batch.properties()) out.put(e.getKey(), query(Params.abbreviate(e.getKey()), e.getValue()));
        return out;
    }

    private static Query query(String key, JsonNode q) {
        if (!q.isObject()) throw Problem.badRequest("query " + key + " must be an object with a \"query\" string");
        JsonNode text = q.get("query");
        if (text == null || !text.isTextual() || text.asText().isBlank()) throw Problem.badRequest("query " + key + " has no \"query\" string");
        if (text.asText().length() > MAX_QUERY_LENGTH)
            throw Problem.badRequest("query " + key + " is longer than " + MAX_QUERY_LENGTH + " characters");
        Set<Kind> kinds = new LinkedHashSet<>();
        JsonNode type = q.get("type");
        if (type != null && !type.isNull()) {
            List<JsonNode> types = new ArrayList<>();
            if (type.isArray()) type.forEach(types::add);
            else types.add(type);
            for (JsonNode t : types) kinds.add(kind(key, t));
        }
        int limit = DEFAULT_LIMIT;
        JsonNode l = q.get("limit");
        if (l != null && !l.isNull()) {
            if (!l.canConvertToInt() || !l.isIntegralNumber() || l.asInt() < 1 || l.asInt() > MAX_LIMIT)
                throw Problem.badRequest("query " + key + ": limit must be a whole number between 1 and " + MAX_LIMIT);
            limit = l.asInt();
        }
        return new Query(text.asText(), Set.copyOf(kinds), limit);
    }

    /** A type by its id (Organization) or its class IRI. */
    private static Kind kind(String key, JsonNode t) {
        String id = t.isTextual() ? t.asText() : t.isObject() && t.path("id").isTextual() ? t.path("id").asText() : "";
        String local = id.startsWith(Vocab.NQPF) ? id.substring(Vocab.NQPF.length()) : id;
        Optional<Kind> k = ReconcileIndex.KINDS.stream().filter(x -> x.type.equals(local)).findFirst();
        return k.orElseThrow(() -> Problem.badRequest("query " + key + ": type must be one of "
                + ReconcileIndex.KINDS.stream().map(x -> x.type).toList() + ", not \"" + Params.abbreviate(id) + "\""));
    }
}
