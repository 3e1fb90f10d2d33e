package org.nqpfkg.loader.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Section;
import org.nqpfkg.loader.text.Sentence;

/**
 * Mechanism families and lenses: a mechanisms section's subtitle (…涌现机制:协作机制) or "涉及F机制,包括A机制、B机制"
 * names a family and its members; "在能力观视域下" in a section places its level and family under a lens;
 * "分别基于A观、B观和C观视域…X、Y和Z层面" pairs lenses and levels in order; a level's mechanisms
 * act through the paths of the same level's section ("…层面…的路径和机制").
 */
final class FamilyAndLensRules extends RuleSet {
    private static final Pattern FAMILY_LIST = Pattern.compile(
            "(" + MechanismRules.MECH + "),?(?:包括|包含|涵盖)(" + Patterns.enumeration(MechanismRules.MECH) + ")");

    FamilyAndLensRules(Context ctx, Extraction ex, Scope scope) { super(ctx, ex, scope); }

    @Override
    void apply() {
        for (Section h : ctx.structure.sections()) familySection(h);
        for (Sentence s : sentences()) {
            familyList(s);
            respectiveLenses(s);
        }
        mechanismPaths();
    }

    private void familySection(Section h) {
        if (h.runIn || ctx.role(h) != Context.Role.MECHANISMS) return;
        Sentence heading = ctx.headingSentence(h);
        Thing family = null;
        if (h.subtitle != null && h.subtitle.endsWith("机制") && heading != null)
            family = thing("MechanismFamily", Patterns.unquote(h.subtitle), Evidence.of(heading, "family-heading"));
        Context.Mention level = ctx.sectionLevel(h);
        for (Sentence s : sentences()) {
            if (!h.contains(s.start())) continue;
            if (family != null)
                for (Thing m : ex.things("Mechanism"))
                    if (m.evidence.stream().anyMatch(e -> e.start() == s.start()))
                        ex.link(m, "family", family, Evidence.of(s, "family-section"));
            for (Context.Mention lens : ctx.references("Lens", s.text())) {
                if (!s.text().startsWith("视域", lens.end()) && !s.text().startsWith("出发", lens.end())) continue;
                Thing l = reference(lens.ref());
                if (family != null) ex.link(family, "lens", l, Evidence.of(s, "lens-section"));
                if (level != null) ex.link(reference(level.ref()), "lens", l, Evidence.of(s, "lens-section"));
            }
        }
    }

    private void familyList(Sentence s) {
        Matcher m = FAMILY_LIST.matcher(s.text());
        while (m.find()) {
            String familyLabel = Patterns.unquote(Patterns.cutCue(m.group(1)));
            if (familyLabel.length() < 3) continue;
            Thing family = null;
            for (String item : Patterns.items(m.group(2))) {
                Thing mech = ex.find("Mechanism", ctx.lexicon.canonical(Patterns.cutCue(item)));
                if (mech == null) continue;
                if (family == null) family = thing("MechanismFamily", familyLabel, Evidence.of(s, "family-list"));
                ex.link(mech, "family", family, Evidence.of(s, "family-list"));
            }
        }
    }

    /** "分别基于能力观、资源观和协同观视域…在员工、企业和产业层面": the n-th lens goes with the n-th level. */
    private void respectiveLenses(Sentence s) {
        if (!s.text().contains("分别")) return;
        List<Context.Mention> lenses = ctx.references("Lens", s.text());
        List<Context.Mention> levels = ctx.levels(s.text());
        if (lenses.size() < 2 || lenses.size() != levels.size()) return;
        for (int i = 0; i < lenses.size(); i++)
            ex.link(reference(levels.get(i).ref()), "lens", reference(lenses.get(i).ref()), Evidence.of(s, "lens-respectively"));
    }

    /** Within one level's "路径和机制" section, its mechanisms act through its top-level paths. */
    private void mechanismPaths() {
        for (Section h : ctx.structure.sections()) {
            if (h.runIn || h.title == null || !h.title.contains("路径") || !h.title.contains("机制") || ctx.sectionLevel(h) == null) continue;
            Sentence heading = ctx.headingSentence(h);
            if (heading == null) continue;
            List<Thing> paths = ex.things("Path").stream()
                    .filter(p -> ex.links(p, "parentPath").isEmpty() && inside(p, h)).toList();
            for (Thing m : ex.things("Mechanism"))
                if (inside(m, h)) for (Thing p : paths) ex.link(m, "viaPath", p, Evidence.of(heading, "mechanism-path-section"));
        }
    }

    private static boolean inside(Thing t, Section h) {
        return t.evidence.stream().anyMatch(e -> h.contains(e.start()) && e.start() != h.start);
    }

}
