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

    void fill(Map<String, Object> item) {
        switch (kind) {
            case MECHANISMS -> {
                Map<String, Object> level = one("out", "level");
                Map<String, Object> family = one("out", "family");
                item.put("level", level);
                item.put("family", family);
                item.put("lens", lensOf(family, level));
                item.put("paths", refs("out", "viaPath"));
                List<Map<String, Object>> examples = refs("in", "exampleOf");
                examples.forEach(e -> e.put("type", "Sector".equals(ends.types.get(e.get("iri"))) ? "Sector" : "Organization"));
                item.put("examples", examples);
                List<Map<String, Object>> policies = refs("in", "addresses");
                policies.forEach(p -> p.put("horizon", ends.horizons.get(p.get("iri"))));
                item.put("policies", policies);
            }
            case PATHS -> {
                item.put("level", one("out", "level"));
                item.put("parent", one("out", "parentPath"));
                item.put("children", refs("in", "parentPath"));
                item.put("cases", refs("in", "caseOf"));
                item.put("mechanisms", refs("in", "viaPath"));
            }
            case POLICIES -> {
                Map<String, Object> horizon = one("out", "horizon");
                item.put("horizon", horizon == null ? null : horizon.get("id"));
                item.put("level", one("out", "level"));
                item.put("mechanisms", refs("out", "addresses"));
                item.put("measures", refs("out", "hasMeasure"));
            }
            case ORGANIZATIONS -> {
                item.put("paths", refs("out", "caseOf"));
                item.put("mechanisms", refs("out", "exampleOf"));
                item.put("levels", refs("out", "level"));
                item.put("sameAs", sameAs);
            }
            case SECTORS -> item.put("mechanisms", refs("out", "exampleOf"));
            case LEVELS -> {
                item.put("lens", one("out", "lens"));
                item.put("mechanisms", typed(refs("in", "level"), "Mechanism"));
                item.put("paths", typed(refs("in", "level"), "Path"));
                item.put("risks", typed(refs("in", "level"), "AIRisk"));
            }
            default -> { }
        }
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
