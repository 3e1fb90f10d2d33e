package org.nqpfkg.loader.extract;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The level that the wording around an item implies where the text names none outright: 劳动者, 岗位, 技能
 * speak of employees, 企业 of enterprises, 产业, 行业, …链 and 集群 of industries (level-cues.txt). A level
 * is inferred only where the cues agree; technology words are masked first (区块链 is no 链).
 */
final class LevelCues {
    private final Lexicon lexicon;
    private final Map<String, Lexicon.Reference> levelByCue = new HashMap<>();

    LevelCues(Lexicon lexicon) {
        this.lexicon = lexicon;
        Map<String, Lexicon.Reference> bySlug = new HashMap<>();
        for (Lexicon.Reference level : lexicon.references("Level"))
            bySlug.put(level.iri().substring(level.iri().lastIndexOf('/') + 1), level);
        WordList cues = lexicon.words().levelCues;
        for (String cue : cues.entries()) {
            Lexicon.Reference level = bySlug.get(cues.kind(cue));
            if (level == null) throw new IllegalStateException("level-cues.txt: " + cue + " points to no level of the vocabulary: " + cues.kind(cue));
            levelByCue.put(cue, level);
        }
    }

    /** The one level the cues in {@code text} point to; null when they point to none or to several. */
    Lexicon.Reference in(String text) {
        Set<Lexicon.Reference> found = levels(text);
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** How many levels the cues in {@code text} point to. */
    int count(String text) { return levels(text).size(); }

    private Set<Lexicon.Reference> levels(String text) {
        String masked = mask(text);
        Set<Lexicon.Reference> found = new LinkedHashSet<>();
        for (Map.Entry<String, Lexicon.Reference> e : levelByCue.entrySet())
            if (masked.contains(e.getKey())) found.add(e.getValue());
        return found;
    }

    private String mask(String text) {
        String out = text;
        for (String t : lexicon.words().technologies.entries())
            if (out.contains(t)) out = out.replace(t, " ".repeat(t.length()));
        return out;
    }
}
