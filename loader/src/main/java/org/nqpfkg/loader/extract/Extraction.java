package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nqpfkg.loader.text.Section;
import org.nqpfkg.loader.text.Sentence;

/** What the rules found in one document: things, links between them, and the evidence of each. */
public final class Extraction {
    /** A text span that supports a finding, and the rule that read it there. UTF-16 offsets. */
    public record Evidence(int start, int end, Section section, String rule) {
        public static Evidence of(Sentence s, String rule) { return new Evidence(s.start(), s.end(), s.section(), rule); }
    }

    /** Something the document names: a mechanism, path, organisation, policy ... (kind is the ontology class). */
    public static final class Thing {
        public final String kind;
        public final String label;
        public final String iri;  // set for reference terms (levels, lenses, horizons); minted for the rest
        public final Set<String> variants = new LinkedHashSet<>();
        public final List<Evidence> evidence = new ArrayList<>();
        /** A mechanism or path that may stand without a level: one stated in a genre that often names none (see StatedRules). */
        public boolean levelMayBeUnstated;

        Thing(String kind, String label, String iri) {
            this.kind = kind;
            this.label = label;
            this.iri = iri;
        }

        public boolean isReference() { return iri != null; }

        @Override
        public String toString() { return kind + ":" + label; }
    }

    public record Link(Thing subject, String predicate, Thing object, Evidence evidence) {}

    /**
     * A dated target the document sets: the year it names, the figure as written (or null), the clause that
     * states it (its evidence) and, when the document's date is known, the horizon it lies at (else null).
     */
    public record Target(int year, String value, Evidence evidence, Thing horizon) {}

    private final Map<String, Thing> things = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Set<String> candidates = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private String documentDate;

    public Thing thing(String kind, String label, Evidence evidence) {
        Thing t = things.computeIfAbsent(kind + "\u0000" + label, k -> new Thing(kind, label, null));
        if (evidence != null && !t.evidence.contains(evidence)) t.evidence.add(evidence);
        return t;
    }

    public Thing reference(String kind, String label, String iri) {
        return things.computeIfAbsent(kind + "\u0000" + iri, k -> new Thing(kind, label, iri));
    }

    public Thing find(String kind, String label) { return things.get(kind + "\u0000" + label); }

    public List<Thing> things(String kind) {
        return things.values().stream().filter(t -> t.kind.equals(kind)).toList();
    }

    public List<Thing> things() { return List.copyOf(things.values()); }

    public void remove(Thing t) {
        things.values().remove(t);
        links.removeIf(l -> l.subject() == t || l.object() == t);
    }

    public void link(Thing s, String predicate, Thing o, Evidence evidence) {
        Link l = new Link(s, predicate, o, evidence);
        if (!links.contains(l)) links.add(l);
    }

    public List<Link> links() { return links; }

    public List<Link> links(Thing s, String predicate) {
        return links.stream().filter(l -> l.subject() == s && l.predicate().equals(predicate)).toList();
    }

    public void unlink(Thing s, String predicate, Thing o) {
        links.removeIf(l -> l.subject() == s && l.predicate().equals(predicate) && l.object() == o);
    }

    public void candidate(String term) { candidates.add(term); }
    public List<String> candidates() { return List.copyOf(candidates); }

    public void warn(String message) { warnings.add(message); }
    public List<String> warnings() { return warnings; }

    public void target(Target t) { targets.add(t); }
    /** The document's targets in the order the text states them. */
    public List<Target> targets() { return List.copyOf(targets); }

    /** The date the text itself gives for the document (YYYY-MM-DD), when it gives one. */
    public void documentDate(String isoDate) { documentDate = isoDate; }
    public String documentDate() { return documentDate; }
}
