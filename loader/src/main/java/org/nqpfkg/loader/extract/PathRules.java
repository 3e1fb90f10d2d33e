package org.nqpfkg.loader.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Section;
import org.nqpfkg.loader.text.Sentence;

/**
 * Paths: a paths section's heading subtitle names its path ("1.…涌现路径:“双轮”路径"); an
 * enumeration after 路径包括/涉及 names sub-paths, grouped under the path that closes it
 * (采购、质检…等环节路径); a run-in "(1)采购路径中" opens a passage about a sub-path.
 */
final class PathRules extends RuleSet {
    private static final String ITEM = Patterns.item(1, 6, "");
    private static final Pattern LIST = Pattern.compile(
            "(?:路径(?:主要)?(?:包括|涉及|是|有|分为|体现为)|层面的|:)(" + Patterns.enumeration(ITEM) + ")(等)?(“[^”]{1,8}”|" + Patterns.STEM + "{0,4}?)路径");
    private static final Pattern KINDS = Pattern.compile(
            "路径(?:主要)?(?:包括|涉及|分为)(" + Patterns.enumeration(ITEM) + ")(?:两|三|四|五|六|2|3|4|5|6)(?:种|类|条|个)");
    private static final Pattern RUN_IN_PATH = Pattern.compile("^(“?" + Patterns.STEM + "{2,8}?”?)路径");

    PathRules(Context ctx, Extraction ex, Scope scope) { super(ctx, ex, scope); }

    @Override
    void apply() {
        for (Section h : ctx.structure.sections()) headingPath(h);
        for (Section h : ctx.structure.sections()) runInPath(h);
        for (Sentence s : sentences()) {
            Matcher m = LIST.matcher(s.text());
            while (m.find()) {
                String group = Patterns.unquote(m.group(3));
                Thing parent = group.isEmpty() ? sectionPath(s) : path(group + "路径", s, m.start(3), "path-enumeration-group");
                for (String item : Patterns.items(m.group(1))) child(item + "路径", parent, s, m.start(1), "path-enumeration");
            }
            Matcher k = KINDS.matcher(s.text());
            while (k.find()) for (String item : Patterns.items(k.group(1))) child(item + "路径", sectionPath(s), s, k.start(1), "path-kinds");
        }
    }

    /** "1.人工智能促进员工新质生产力涌现路径:“自动化-增强”路径": the subtitle is the section's path. */
    private void headingPath(Section h) {
        if (h.runIn || h.subtitle == null || !h.subtitle.endsWith("路径") || ctx.role(h) != Context.Role.PATHS) return;
        Sentence heading = ctx.headingSentence(h);
        String label = Patterns.unquote(h.subtitle);
        if (heading == null || label.length() < 3) return;
        Thing p = path(label, heading, heading.text().length(), "path-heading");
        scope.path(h, p);
    }

    /** "(1)采购路径中,…": a passage about one sub-path of the section's path. */
    private void runInPath(Section r) {
        if (!r.runIn || r.title == null || ctx.role(r) != Context.Role.PATHS) return;
        Matcher m = RUN_IN_PATH.matcher(r.title);
        if (!m.find()) return;
        Sentence opening = ctx.headingSentence(r);
        if (opening == null) return;
        Section heading = ctx.headingSection(r);
        Thing p = child(Patterns.unquote(m.group(1)) + "路径", scope.headingPath(heading), opening, 0, "path-run-in");
        scope.path(r, p);
    }

    private Thing sectionPath(Sentence s) {
        Section h = ctx.headingSection(s.section());
        return h == null ? null : scope.headingPath(h);
    }

    private Thing path(String label, Sentence s, int offset, String rule) {
        Thing t = thing("Path", label, Evidence.of(s, rule));
        placeAtLevel(t, s, offset, rule);
        return t;
    }

    private Thing child(String label, Thing parent, Sentence s, int offset, String rule) {
        Thing t = path(label, s, offset, rule);
        if (parent != null && parent != t) ex.link(t, "parentPath", parent, Evidence.of(s, rule));
        return t;
    }
}
