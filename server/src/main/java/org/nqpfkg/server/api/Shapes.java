package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fills an item with the fields its kind has (DESIGN.md "Interfaces"), from the item's evidenced links. */
final class Shapes {
    private final Kind kind;
    private final String id;
    private final Collection<Items.Link> links;
    private final Items.Ends ends;
    private final List<String> sameAs;

    Shapes(Kind kind, String id, Collection<Items.Link> links, Items.Ends ends, List<String> sameAs) {
        this.kind = kind;
        this.id = id;
        this.links = links;
        this.ends = ends;
        this.sameAs = sameAs;
    }

    /** Most references a nested list carries; {@code totals} says how many there are. */
    static final int MAX_REFS = 20;

    private final Map<String, Integer> totals = new java.util.TreeMap<>();

    void fill(Map<String, Object> item) {
        fillFields(item);
        item.put("totals", totals);
    }

    private void fillFields(Map<String, Object> item) {
        switch (kind) {
            case MECHANISMS -> {
                Map<String, Object> level = one("out", "level");
                Map<String, Object> family = one("out", "family");
                item.put("level", level);
                item.put("family", family);
                item.put("lens", lensOf(family, level));
                item.put("paths", capped("paths", refs("out", "viaPath")));
                List<Map<String, Object>> examples = refs("in", "exampleOf");
                examples.forEach(e -> e.put("type", "Sector".equals(ends.types.get(e.get("iri"))) ? "Sector" : "Organization"));
                item.put("examples", capped("examples", examples));
                List<Map<String, Object>> policies = refs("in", "addresses");
                policies.forEach(p -> p.put("horizon", ends.horizons.get(p.get("iri"))));
                item.put("policies", capped("policies", policies));
            }
            case PATHS -> {
                item.put("level", one("out", "level"));
                item.put("parent", one("out", "parentPath"));
                item.put("children", capped("children", refs("in", "parentPath")));
                item.put("cases", capped("cases", refs("in", "caseOf")));
                item.put("mechanisms", capped("mechanisms", refs("in", "viaPath")));
            }
            case POLICIES -> {
                Map<String, Object> horizon = one("out", "horizon");
                item.put("horizon", horizon == null ? null : horizon.get("id"));
                item.put("level", one("out", "level"));
                item.put("mechanisms", capped("mechanisms", refs("out", "addresses")));
                item.put("measures", capped("measures", refs("out", "hasMeasure")));
            }
            case ORGANIZATIONS -> {
                item.put("paths", capped("paths", refs("out", "caseOf")));
                item.put("mechanisms", capped("mechanisms", refs("out", "exampleOf")));
                item.put("levels", capped("levels", refs("out", "level")));
                item.put("sameAs", sameAs);
            }
            case SECTORS -> item.put("mechanisms", capped("mechanisms", refs("out", "exampleOf")));
            case LEVELS -> {
                item.put("lens", one("out", "lens"));
                item.put("mechanisms", capped("mechanisms", typed(refs("in", "level"), "Mechanism")));
                item.put("paths", capped("paths", typed(refs("in", "level"), "Path")));
                item.put("risks", capped("risks", typed(refs("in", "level"), "AIRisk")));
            }
            default -> { }
        }
    }

    /**
     * The {@value #MAX_REFS} references with most evidence (then by id), so that an item stays the same size however many
     * documents link to it; the number of all of them goes into {@code totals}.
     */
    private List<Map<String, Object>> capped(String field, List<Map<String, Object>> refs) {
        totals.put(field, refs.size());
        if (refs.size() <= MAX_REFS) return refs;
        List<Map<String, Object>> sorted = new ArrayList<>(refs);
        sorted.sort(java.util.Comparator.comparingInt((Map<String, Object> r) -> -evidenceCount(r))
                .thenComparing(r -> (String) r.get("id")));
        List<Map<String, Object>> kept = new ArrayList<>(sorted.subList(0, MAX_REFS));
        kept.sort(java.util.Comparator.comparing(r -> (String) r.get("id")));
        return kept;
    }

    private static int evidenceCount(Map<String, Object> ref) {
        return ref.get("evidence") instanceof Map<?, ?> m && m.get("count") instanceof Integer n ? n : 0;
    }

    private List<Map<String, Object>> typed(List<Map<String, Object>> refs, String type) {
        return refs.stream().filter(r -> type.equals(ends.types.get(r.get("iri")))).toList();
    }

    private Map<String, Object> lensOf(Map<String, Object> family, Map<String, Object> level) {
        String lens = family != null ? ends.lenses.get(family.get("iri")) : null;
        if (lens == null && level != null) lens = ends.lenses.get(level.get("iri"));
        if (lens == null) return null;
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("id", Sparql.id(lens));
        ref.put("iri", lens);
        ref.put("label", Items.label(ends.labels.get(lens)));
        return ref;
    }

    private Map<String, Object> one(String dir, String predicate) {
        List<Map<String, Object>> all = refs(dir, predicate);
        return all.isEmpty() ? null : all.get(0);
    }

    /** References over one predicate: {id, iri, label} and the evidence summary of the extracted link. */
    private List<Map<String, Object>> refs(String dir, String predicate) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Items.Link l : links) {
            if (!l.dir.equals(dir) || !l.predicate.equals(predicate)) continue;
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("id", Sparql.id(l.other));
            ref.put("iri", l.other);
            ref.put("label", Items.label(ends.labels.get(l.other)));
            ref.put("evidence", EvidenceSummary.of(l.evidence, EvidenceRoutes.href(kind, id, predicate, Sparql.id(l.other))));
            out.add(ref);
        }
        out.sort((a, b) -> ((String) a.get("id")).compareTo((String) b.get("id")));
        return out;
    }
}
