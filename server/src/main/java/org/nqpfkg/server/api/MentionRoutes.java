package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;

/** GET /api/documents/{id}/mentions: the concepts a document names, where, and how each name matched. */
final class MentionRoutes {
    /** Concept kinds, as the first segment of their IRIs under /id/ (or "term" for vocabulary terms). */
    static final Set<String> KINDS = Set.of("level", "lens", "horizon", "manifestation", "productivity-element", "productivity-dimension",
            "ai-characteristic", "ai-risk", "path", "mechanism", "mechanism-family", "organization", "sector", "policy", "theory",
            "policy-document", "term");
    static final String TERMS = Vocab.BASE + "vocab/term/";
    private static final String WHERE = """
              ?m nif:referenceContext ?d ; itsrdf:taIdentRef ?c .
              FILTER(?prefix = "" || STRSTARTS(STR(?c), ?prefix))
            """;
    /**
     * The page is cut from the mentions' offsets alone, and only its rows are joined to their quotes and
     * sections: a document that names more concepts as the corpus grows costs more only in the sort.
     */
    private static final String PAGE = """
            SELECT ?m ?c ?quote ?b ?e ?match ?secNum ?secTitle WHERE {
              { SELECT ?m ?c ?b ?e WHERE {
            """ + WHERE + """
                  ?m nif:beginIndex ?b ; nif:endIndex ?e .
                } ORDER BY ?b ?e STR(?c) LIMIT %d OFFSET %d }
              ?m nif:anchorOf ?quote ; nqpf:matchKind ?match .
              OPTIONAL { ?m nif:sentence/nqpf:section ?sec .
                         OPTIONAL { ?sec nqpf:sectionNumber ?secNum } OPTIONAL { ?sec dcterms:title ?secTitle } }
            } ORDER BY ?b ?e STR(?c)
            """;
    private static final String COUNT = "SELECT (COUNT(?m) AS ?n) WHERE {" + WHERE + "}";
    private static final String LABELS = "SELECT ?x ?label WHERE { ?x rdfs:label|skos:prefLabel ?label }";

    private final KnowledgeStore store;
    private final ResponseCache cache;

    MentionRoutes(KnowledgeStore store, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
    }

    void mentions(Context ctx) {
        String id = Params.slug("id", ctx.pathParam("id"));
        String kind = Params.slug(ctx, "kind");
        if (kind != null && !KINDS.contains(kind)) throw Problem.badRequest("kind must be one of " + new java.util.TreeSet<>(KINDS) + ", not " + kind);
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
        String key = "mentions " + id + " " + kind + " " + limit + " " + offset;
        ResponseCache.Entry e = cache.get(key, () -> Txn.calculateRead(store.datasetGraph(), () -> page(id, kind, limit, offset)));
        if (e == null) throw Problem.notFound("no document with id " + id);
        Responses.send(ctx, e);
    }

    private ResponseCache.Entry page(String id, String kind, int limit, int offset) {
        var dsg = store.datasetGraph();
        Node doc = Vocab.iri(Kind.DOCUMENTS.iri(id));
        if (Sparql.select(dsg, "SELECT ?x WHERE { ?x a nqpf:Document }", Map.of(), List.of(doc.getURI())).isEmpty()) return null;
        Map<String, Node> bind = Map.of("d", doc, "prefix", NodeFactory.createLiteralString(prefix(kind)));
        List<Binding> rows = Sparql.select(dsg, PAGE.formatted(limit, offset), bind, null);
        Set<String> concepts = new LinkedHashSet<>();
        rows.forEach(b -> concepts.add(Sparql.str(b, "c")));
        Map<String, Map<String, String>> labels = new HashMap<>();
        if (!concepts.isEmpty())
            for (Binding b : Sparql.select(dsg, LABELS, Map.of(), concepts)) Items.putLabel(labels, Sparql.str(b, "x"), b.get("label"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Binding b : rows) {
            String c = Sparql.str(b, "c");
            Map<String, Object> concept = new LinkedHashMap<>();
            concept.put("kind", kindOf(c));
            concept.put("id", Sparql.id(c));
            concept.put("iri", c);
            concept.put("label", Items.label(labels.get(c)));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("concept", concept);
            item.put("quote", Sparql.str(b, "quote"));
            item.put("start", Sparql.integer(b, "b"));
            item.put("end", Sparql.integer(b, "e"));
            item.put("section", Items.evidence(b).get("section"));
            item.put("match", Sparql.str(b, "match"));
            items.add(item);
        }
        return Responses.page(items, Sparql.integer(Sparql.select(dsg, COUNT, bind, null).get(0), "n"), limit, offset);
    }

    static String prefix(String kind) {
        if (kind == null) return "";
        return kind.equals("term") ? TERMS : Vocab.ID + kind + "/";
    }

    static String kindOf(String iri) {
        if (iri.startsWith(TERMS)) return "term";
        if (!iri.startsWith(Vocab.ID)) return "term";
        String rest = iri.substring(Vocab.ID.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
