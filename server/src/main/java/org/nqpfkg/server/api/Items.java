package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/**
 * Builds the facade's items (the JSON shapes of DESIGN.md) from the graph: one query lists the kind's
 * members, then three batched queries fetch a page's labels, evidence and evidenced links.
 */
public final class Items {
    private static final String EVIDENCE = """
            ?ev nif:referenceContext ?d ; nif:anchorOf ?quote ; nif:beginIndex ?b ; nif:endIndex ?e .
            ?d nqpf:slug ?doc .
            OPTIONAL { ?ev nqpf:section ?sec . OPTIONAL { ?sec nqpf:sectionNumber ?secNum } OPTIONAL { ?sec dcterms:title ?secTitle } }
            """;
    private static final String LABELS = """
            SELECT ?x ?label ?same WHERE { { ?x rdfs:label ?label } UNION { ?x owl:sameAs|skos:exactMatch ?same } }
            """;
    private static final String OWN_EVIDENCE = "SELECT ?x ?ev ?doc ?quote ?b ?e ?secNum ?secTitle WHERE { ?x nqpf:evidence ?ev . " + EVIDENCE + "}";
    private static final String LINKS = """
            SELECT ?x ?dir ?p ?o ?ev ?doc ?quote ?b ?e ?secNum ?secTitle WHERE {
              { ?st rdf:subject ?x ; rdf:predicate ?p ; rdf:object ?o . BIND("out" AS ?dir) }
              UNION
              { ?st rdf:object ?x ; rdf:predicate ?p ; rdf:subject ?o . BIND("in" AS ?dir) }
              ?st a nqpf:Statement ; nqpf:evidence ?ev .
            """ + EVIDENCE + "}";
    private static final String ENDS = """
            SELECT ?x ?label ?type ?horizon ?lens WHERE {
              ?x rdfs:label ?label .
              OPTIONAL { ?x a ?type FILTER(STRSTARTS(STR(?type), STR(nqpf:))) }
              OPTIONAL { ?x nqpf:horizon ?horizon }
              OPTIONAL { ?x nqpf:lens ?lens }
            }""";

    private final DatasetGraph dsg;
    /** Items and member lists already built; null to build every time. */
    private final ItemModel model;

    public Items(DatasetGraph dsg) { this(dsg, null); }

    Items(DatasetGraph dsg, ItemModel model) {
        this.dsg = dsg;
        this.model = model;
    }

    /** {"items": [...], "total": N} for one page of a kind, filtered. */
    public Map<String, Object> list(Kind kind, Map<String, String> filters, int limit, int offset) {
        long ticket = model == null ? 0 : model.ticket();
        return Txn.calculateRead(dsg, () -> {
            List<String> all = model == null ? members(kind, filters) : model.members(ticket, kind.path + " " + filters, () -> members(kind, filters));
            List<String> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
            return Responses.pageBody(items(ticket, kind, page), all.size(), limit, offset);
        });
    }

    /** One item, or null when the kind has no member with that id. */
    public Map<String, Object> get(Kind kind, String id) {
        long ticket = model == null ? 0 : model.ticket();
        return Txn.calculateRead(dsg, () -> {
            String iri = kind.iri(id);
            List<Binding> rows = Sparql.select(dsg, "SELECT ?x WHERE { ?x a ?type }", Map.of("type", Vocab.nqpf(kind.type)), List.of(iri));
            if (rows.isEmpty()) return null;
            return items(ticket, kind, List.of(iri)).get(0);
        });
    }

    private List<Map<String, Object>> items(long ticket, Kind kind, List<String> iris) {
        if (model == null) {
            List<Map<String, Object>> out = new ArrayList<>();
            Map<String, Map.Entry<Map<String, Object>, Set<String>>> built = build(kind, iris);
            for (String iri : iris) out.add(built.get(iri).getKey());
            return out;
        }
        return model.items(ticket, kind.path, iris, missing -> build(kind, missing));
    }

    private List<String> members(Kind kind, Map<String, String> filters) {
        StringBuilder where = new StringBuilder("?x a ?type . ");
        Map<String, Node> bind = new HashMap<>();
        bind.put("type", Vocab.nqpf(kind.type));
        if (filters.containsKey("level")) {
            where.append(kind == Kind.SECTORS ? "?x nqpf:exampleOf/nqpf:level ?level . " : "?x nqpf:level ?level . ");
            bind.put("level", Vocab.iri(Kind.LEVELS.iri(filters.get("level"))));
        }
        if (filters.containsKey("horizon")) {
            where.append(kind == Kind.MECHANISMS ? "?pol nqpf:addresses ?x ; nqpf:horizon ?horizon . " : "?x nqpf:horizon ?horizon . ");
            bind.put("horizon", Vocab.iri(Vocab.ID + "horizon/" + filters.get("horizon")));
        }
        if (filters.containsKey("document") && (kind == Kind.ORGANIZATIONS || kind == Kind.SECTORS)) {
            // What a document names: what it states about the thing, or any mention of it.
            where.append("{ ?x nqpf:evidence/nif:referenceContext ?document } UNION { ?m itsrdf:taIdentRef ?x ; nif:referenceContext ?document } ");
            bind.put("document", Vocab.iri(Kind.DOCUMENTS.iri(filters.get("document"))));
        } else if (filters.containsKey("document")) {
            where.append("?x nqpf:evidence/nif:referenceContext ?document . ");
            bind.put("document", Vocab.iri(Kind.DOCUMENTS.iri(filters.get("document"))));
        }
        List<String> out = new ArrayList<>();
        for (Binding b : Sparql.select(dsg, "SELECT DISTINCT ?x WHERE { " + where + "} ORDER BY ?x", bind, null)) out.add(Sparql.str(b, "x"));
        return out;
    }

    /** Each item of {@code iris}, with the IRIs whose triples it was built from (see {@link ItemModel}). */
    private Map<String, Map.Entry<Map<String, Object>, Set<String>>> build(Kind kind, List<String> iris) {
        Map<String, Map.Entry<Map<String, Object>, Set<String>>> out = new HashMap<>();
        if (iris.isEmpty()) return out;
        Map<String, Set<String>> dependsOn = new HashMap<>();
        List<Map<String, Object>> items = kind == Kind.DOCUMENTS ? new Documents(dsg).build(iris) : things(kind, iris, dependsOn);
        Map<String, Map<String, Object>> mentioned = new Mentioned(dsg).of(iris);
        for (Map<String, Object> item : items) {
            String iri = (String) item.get("iri");
            item.put("mentionedIn", mentioned.get(iri));
            Set<String> deps = dependsOn.computeIfAbsent(iri, k -> new java.util.HashSet<>());
            deps.add(iri);
            out.put(iri, Map.entry(item, deps));
        }
        return out;
    }

    private List<Map<String, Object>> things(Kind kind, List<String> iris, Map<String, Set<String>> dependsOn) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        Map<String, List<String>> sameAs = new HashMap<>();
        for (Binding b : Sparql.select(dsg, LABELS, Map.of(), iris)) {
            String x = Sparql.str(b, "x");
            if (b.get("label") != null) putLabel(labels, x, b.get("label"));
            if (b.get("same") != null) sameAs.computeIfAbsent(x, k -> new ArrayList<>()).add(Sparql.str(b, "same"));
        }
        Map<String, List<Map<String, Object>>> evidence = evidenceOf(iris);
        Map<String, Map<String, Link>> links = new HashMap<>();
        Set<String> ends = new LinkedHashSet<>();
        for (Binding b : Sparql.select(dsg, LINKS, Map.of(), iris)) {
            String x = Sparql.str(b, "x");
            String key = Sparql.str(b, "dir") + " " + Sparql.str(b, "p") + " " + Sparql.str(b, "o");
            Link l = links.computeIfAbsent(x, k -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new Link(Sparql.str(b, "dir"), Sparql.str(b, "p").substring(Vocab.NQPF.length()), Sparql.str(b, "o")));
            Map<String, Object> ev = evidence(b);
            if (!l.evidence.contains(ev)) l.evidence.add(ev);
            ends.add(l.other);
        }
        Ends endInfo = ends(ends);
        List<Map<String, Object>> items = new ArrayList<>();
        for (String iri : iris) {
            // What the item shows of the things it links to (labels, type, horizon, lens) is theirs to change.
            Set<String> deps = dependsOn.computeIfAbsent(iri, k -> new java.util.HashSet<>());
            for (Link l : links.getOrDefault(iri, Map.of()).values()) {
                deps.add(l.other);
                String lens = endInfo.lenses.get(l.other);
                if (lens != null) deps.add(lens);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", Sparql.id(iri));
            item.put("iri", iri);
            item.put("label", label(labels.get(iri)));
            item.put("evidence", EvidenceSummary.of(evidence.getOrDefault(iri, List.of()), EvidenceRoutes.href(kind, Sparql.id(iri))));
            new Shapes(kind, Sparql.id(iri), links.getOrDefault(iri, Map.of()).values(), endInfo, sameAs.getOrDefault(iri, List.of())).fill(item);
            items.add(item);
        }
        return items;
    }

    /** The evidence of each thing, in the shape items carry it (call inside a read transaction). */
    Map<String, List<Map<String, Object>>> evidenceOf(Collection<String> iris) {
        Map<String, List<Map<String, Object>>> evidence = new HashMap<>();
        if (iris.isEmpty()) return evidence;
        for (Binding b : Sparql.select(dsg, OWN_EVIDENCE, Map.of(), iris))
            evidence.computeIfAbsent(Sparql.str(b, "x"), k -> new ArrayList<>()).add(evidence(b));
        return evidence;
    }

    private Ends ends(Set<String> iris) {
        Ends e = new Ends();
        if (iris.isEmpty()) return e;
        for (Binding b : Sparql.select(dsg, ENDS, Map.of(), iris)) {
            String x = Sparql.str(b, "x");
            putLabel(e.labels, x, b.get("label"));
            if (b.get("type") != null) e.types.put(x, Sparql.str(b, "type").substring(Vocab.NQPF.length()));
            if (b.get("horizon") != null) e.horizons.put(x, Sparql.id(Sparql.str(b, "horizon")));
            if (b.get("lens") != null) e.lenses.put(x, Sparql.str(b, "lens"));
        }
        Set<String> lenses = new LinkedHashSet<>(e.lenses.values());
        if (!lenses.isEmpty())
            for (Binding b : Sparql.select(dsg, "SELECT ?x ?label WHERE { ?x rdfs:label ?label }", Map.of(), lenses))
                putLabel(e.labels, Sparql.str(b, "x"), b.get("label"));
        return e;
    }

    static void putLabel(Map<String, Map<String, String>> labels, String iri, Node label) {
        if (label == null || !label.isLiteral()) return;
        String lang = label.getLiteralLanguage().isEmpty() ? "zh" : label.getLiteralLanguage().substring(0, 2);
        labels.computeIfAbsent(iri, k -> new LinkedHashMap<>()).putIfAbsent(lang, label.getLiteralLexicalForm());
    }

    static Map<String, String> label(Map<String, String> found) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("zh", found == null ? null : found.get("zh"));
        l.put("en", found == null ? null : found.get("en"));
        return l;
    }

    static Map<String, Object> evidence(Binding b) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("document", Sparql.str(b, "doc"));
        ev.put("quote", Sparql.str(b, "quote"));
        ev.put("start", Sparql.integer(b, "b"));
        ev.put("end", Sparql.integer(b, "e"));
        String num = Sparql.str(b, "secNum");
        String title = Sparql.str(b, "secTitle");
        ev.put("section", title == null ? num : (num == null ? title : num + title));
        return ev;
    }

    /** An evidenced link seen from one item: direction, predicate local name, the other end, its evidence. */
    static final class Link {
        final String dir;
        final String predicate;
        final String other;
        final List<Map<String, Object>> evidence = new ArrayList<>();

        Link(String dir, String predicate, String other) {
            this.dir = dir;
            this.predicate = predicate;
            this.other = other;
        }
    }

    /** What the page's items link to: labels, types, a policy's horizon, a family's or level's lens. */
    static final class Ends {
        final Map<String, Map<String, String>> labels = new HashMap<>();
        final Map<String, String> types = new HashMap<>();
        final Map<String, String> horizons = new HashMap<>();
        final Map<String, String> lenses = new HashMap<>();
    }
}
