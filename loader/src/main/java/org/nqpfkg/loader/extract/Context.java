package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.text.Section;
import org.nqpfkg.loader.text.Sentence;
import org.nqpfkg.loader.text.Structure;

/**
 * Where a sentence stands: the level, horizon and topic (paths, mechanisms, policies) that its section
 * headings name, and the level or horizon the sentence names itself. Levels and horizons are
 * recognised by the vocabulary's labels for them.
 */
public final class Context {
    public enum Role { PATHS, MECHANISMS, POLICIES, NONE }

    /** A reference term found in text: which one, and where (UTF-16 offsets into the sentence or heading). */
    public record Mention(Lexicon.Reference ref, int start, int end) {}

    final Structure structure;
    final Lexicon lexicon;
    private final Map<Section, Mention> sectionLevels = new HashMap<>();
    private final Pattern levelPattern;
    private final Map<String, Lexicon.Reference> levelByLabel = new HashMap<>();

    Context(Structure structure, Lexicon lexicon) {
        this.structure = structure;
        this.lexicon = lexicon;
        List<String> alternatives = new ArrayList<>();
        for (Lexicon.Reference level : lexicon.references("Level"))
            for (String label : level.labels()) {
                // "员工层面" names the level; so does a short label followed by 层面 or by the subject of study.
                String stem = label.endsWith("层面") ? label.substring(0, label.length() - 2) : label;
                if (stem.length() < 2) continue;
                levelByLabel.putIfAbsent(stem, level);
                alternatives.add(Pattern.quote(stem));
            }
        alternatives.sort((a, b) -> b.length() - a.length());
        levelPattern = Pattern.compile("(" + String.join("|", alternatives) + ")(?:层面|层次|新质生产力|个体)");
    }

    /** Every level named in a piece of text, in order. */
    public List<Mention> levels(String text) {
        List<Mention> out = new ArrayList<>();
        Matcher m = levelPattern.matcher(text);
        while (m.find()) {
            // "员工、企业和产业层面" names three levels: walk back over the enumeration before the match.
            int left = m.start();
            List<Mention> enumerated = new ArrayList<>();
            boolean more = true;
            while (more && left > 0 && "、和及与".indexOf(text.charAt(left - 1)) >= 0) {
                more = false;
                for (Map.Entry<String, Lexicon.Reference> e : levelByLabel.entrySet()) {
                    String stem = e.getKey();
                    int at = left - 1 - stem.length();
                    if (at >= 0 && text.startsWith(stem, at)) {
                        enumerated.add(0, new Mention(e.getValue(), at, left - 1));
                        left = at;
                        more = true;
                        break;
                    }
                }
            }
            out.addAll(enumerated);
            out.add(new Mention(levelByLabel.get(m.group(1)), m.start(), m.end()));
        }
        return out;
    }

    /** The level named last before {@code offset} in the sentence, when there is one. */
    public Mention levelBefore(String sentence, int offset) {
        Mention last = null;
        for (Mention m : levels(sentence)) if (m.start() < offset) last = m;
        return last;
    }

    /** The one level its headings name (innermost first); null when none or several. */
    public Mention sectionLevel(Section section) {
        if (section == null) return null;
        return sectionLevels.computeIfAbsent(section, s -> {
            for (Section h : s.lineage()) {
                if (h.runIn || !"body".equals(h.kind)) continue;
                List<Mention> found = levels(heading(h));
                long distinct = found.stream().map(Mention::ref).distinct().count();
                if (distinct == 1) return found.get(0);
                if (distinct > 1) return null;
            }
            return null;
        });
    }

    /** The sentence that opens a section (its heading, or a run-in's marker sentence), for evidence. */
    public Sentence headingSentence(Section section) {
        for (Sentence s : structure.sentences()) if (s.start() == section.titleStart) return s;
        return null;
    }

    static String heading(Section h) { return (h.title == null ? "" : h.title) + (h.subtitle == null ? "" : h.subtitle); }

    /** The topic of the innermost heading that names exactly one of paths, mechanisms or policies. */
    public Role role(Section section) {
        if (section == null) return Role.NONE;
        for (Section h : section.lineage()) {
            if (h.runIn) continue;
            if (!"body".equals(h.kind)) return Role.NONE;
            String t = heading(h);
            boolean paths = t.contains("路径");
            boolean mechanisms = t.contains("机制");
            boolean policies = t.contains("政策") || t.contains("对策") || t.contains("建议");
            int n = (paths ? 1 : 0) + (mechanisms ? 1 : 0) + (policies ? 1 : 0);
            if (n == 1) return paths ? Role.PATHS : mechanisms ? Role.MECHANISMS : Role.POLICIES;
            if (n > 1) return Role.NONE;
        }
        return Role.NONE;
    }

    /** The innermost non-run-in heading section. */
    public Section headingSection(Section section) {
        for (Section h = section; h != null; h = h.parent) if (!h.runIn) return h;
        return null;
    }

    /** Reference terms of a type (Horizon, Lens) named in text, longest label first, without overlaps. */
    public List<Mention> references(String type, String text) {
        List<Mention> out = new ArrayList<>();
        for (Lexicon.Reference ref : lexicon.references(type))
            for (String label : ref.labels()) {
                int i = text.indexOf(label);
                while (i >= 0) {
                    final int at = i;
                    if (out.stream().noneMatch(m -> at < m.end() && at + label.length() > m.start()))
                        out.add(new Mention(ref, i, i + label.length()));
                    i = text.indexOf(label, i + 1);
                }
            }
        out.sort((a, b) -> a.start() - b.start());
        return out;
    }

    /** The one horizon its headings name, innermost first. */
    public Mention sectionHorizon(Section section) {
        if (section == null) return null;
        for (Section h : section.lineage()) {
            if (h.runIn || !"body".equals(h.kind)) continue;
            List<Mention> found = references("Horizon", heading(h));
            if (found.stream().map(Mention::ref).distinct().count() == 1) return found.get(0);
        }
        return null;
    }
}
