package org.nqpfkg.loader.extract;

import java.util.HashMap;
import java.util.Map;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Section;
import org.nqpfkg.loader.text.Sentence;

/**
 * The path or mechanism a passage is about, as the rules establish it: a heading's subtitle names a
 * section's path, a run-in "(1)采购路径中" names its sub-path, a sentence that opens with a mechanism
 * ("首先,技能迁移机制强调…") makes the rest of its passage about that mechanism.
 */
final class Scope {
    private final Map<Section, Thing> pathOfSection = new HashMap<>();
    private final Map<Section, Thing> mechanismOfSection = new HashMap<>();
    private final Map<Integer, Thing> mechanismOfParagraph = new HashMap<>();
    /** Mechanisms a paragraph has enumerated so far, for an example that follows them ("…A机制和B机制…。以X为例"). */
    private final Map<Integer, java.util.List<Thing>> enumeratedInParagraph = new HashMap<>();

    void path(Section s, Thing path) { pathOfSection.put(s, path); }

    void mechanism(Sentence s, Thing mechanism) {
        if (s.section() != null && s.section().runIn && s.section().start == s.start()) mechanismOfSection.put(s.section(), mechanism);
        mechanismOfParagraph.put(s.paragraph(), mechanism);
    }

    void enumerated(Sentence s, Thing mechanism) {
        java.util.List<Thing> list = enumeratedInParagraph.computeIfAbsent(s.paragraph(), k -> new java.util.ArrayList<>());
        if (!list.contains(mechanism)) list.add(mechanism);
    }

    java.util.List<Thing> enumerated(Sentence s) { return enumeratedInParagraph.getOrDefault(s.paragraph(), java.util.List.of()); }

    Thing path(Sentence s) {
        for (Section h = s.section(); h != null; h = h.parent) if (pathOfSection.containsKey(h)) return pathOfSection.get(h);
        return null;
    }

    /** The path of the heading section itself (the parent path of its sub-paths). */
    Thing headingPath(Section heading) { return pathOfSection.get(heading); }

    Thing mechanism(Sentence s) {
        for (Section h = s.section(); h != null && h.runIn; h = h.parent)
            if (mechanismOfSection.containsKey(h)) return mechanismOfSection.get(h);
        return mechanismOfParagraph.get(s.paragraph());
    }
}
