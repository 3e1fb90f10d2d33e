package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Sentence;

/**
 * Cases and examples: "以X和Y为例" and "以X、Y为代表的Z企业" name organisations (or, ending in 产业/行业, a
 * sector); "在Z行业," names a sector. In a paths section they are cases of the passage's path, in a
 * mechanisms section examples of the passage's mechanism. A case named again inside a sub-path's
 * passage is a case of that sub-path too.
 */
final class CaseRules extends RuleSet {
    private static final Pattern FOR_EXAMPLE = Pattern.compile("以([^,。;:以]{2,40}?)为例");
    private static final Pattern REPRESENTED = Pattern.compile("以([^,。;:以]{2,40}?)为代表的(" + Patterns.STEM + "{2,6}?)(企业|公司|行业|产业)");
    private static final Pattern IN_SECTOR = Pattern.compile("(?:^|,)在(" + Patterns.STEM + "{2,6}?)(行业|领域)(?:中|里|内)?,");
    private static final Pattern SECTOR_SUFFIX = Pattern.compile("(产业生态|产业|行业|领域)$");
    private static final Pattern NOT_AN_ORGANISATION = Pattern.compile(
            "人工智能|技术|我国|中国|政府|本文|研究|学者|理论|机制|路径|政策|层面|模式|方式|平台|系统|工具");

    CaseRules(Context ctx, Extraction ex, Scope scope) { super(ctx, ex, scope); }

    @Override
    void apply() {
        List<Thing> organisations = new ArrayList<>();
        for (Sentence s : sentences()) {
            Matcher m = FOR_EXAMPLE.matcher(s.text());
            while (m.find()) {
                String inner = m.group(1);
                // "以星河重工的机械制造产业生态为例": the organisation is what stands before 的 and a sector after it.
                int of = inner.lastIndexOf('的');
                boolean ownerOfSector = of > 0 && SECTOR_SUFFIX.matcher(inner).find();
                String names = ownerOfSector ? inner.substring(0, of) : inner;
                if (!ownerOfSector && SECTOR_SUFFIX.matcher(inner).find()) sector(inner, s, "sector-for-example");
                else organisations.addAll(organisations(names, s, "case-for-example"));
            }
            Matcher r = REPRESENTED.matcher(s.text());
            while (r.find()) {
                organisations.addAll(organisations(r.group(1), s, "case-represented"));
                sector(r.group(2), s, "sector-represented");
            }
            Matcher i = IN_SECTOR.matcher(s.text());
            while (i.find()) sector(i.group(1), s, "sector-in");
        }
        mentionsInSubPaths(organisations);
    }

    private List<Thing> organisations(String names, Sentence s, String rule) {
        List<Thing> found = new ArrayList<>();
        Context.Role role = ctx.role(s.section());
        // Split on 、 and on 和/与/及 with a name before it: "和利时集团" keeps its leading 和.
        for (String raw : names.split("、|(?<=\\S{2})(?:以及|和|与|及)")) {
            String name = Patterns.unquote(raw).replaceFirst("(员工|等)$", "").strip();
            if (name.length() < 2 || name.length() > 16 || NOT_AN_ORGANISATION.matcher(name).find() || SECTOR_SUFFIX.matcher(name).find()) {
                if (!name.isEmpty()) ex.candidate(name + " (named as an example, not taken as an organisation)");
                continue;
            }
            Thing org = null;
            if (role == Context.Role.PATHS && scope.path(s) != null && ex.things("Path").contains(scope.path(s))) {
                org = thing("Organization", name, Evidence.of(s, rule));
                ex.link(org, "caseOf", scope.path(s), Evidence.of(s, rule));
            } else if (role == Context.Role.MECHANISMS && scope.mechanism(s) != null && ex.things("Mechanism").contains(scope.mechanism(s))) {
                org = thing("Organization", name, Evidence.of(s, rule));
                ex.link(org, "exampleOf", scope.mechanism(s), Evidence.of(s, rule));
            } else if (role == Context.Role.NONE && !enumeratedBefore(s).isEmpty()) {
                // Outside a paths or mechanisms section, an example follows the mechanisms its paragraph has just named.
                org = thing("Organization", name, Evidence.of(s, rule));
                for (Thing m : enumeratedBefore(s)) {
                    ex.link(org, "exampleOf", m, Evidence.of(s, rule));
                    for (var l : ex.links(m, "level")) ex.link(org, "level", l.object(), Evidence.of(s, rule));
                }
                found.add(org);
                continue;
            } else {
                ex.candidate(name + " (example outside a path or mechanism passage)");
                continue;
            }
            Context.Mention level = ctx.sectionLevel(s.section());
            if (level != null) ex.link(org, "level", reference(level.ref()), Evidence.of(s, rule));
            found.add(org);
        }
        return found;
    }

    /** Mechanisms (still typed) that sentences before this one in its paragraph enumerated. */
    private List<Thing> enumeratedBefore(Sentence s) {
        return scope.enumerated(s).stream().filter(m -> ex.things("Mechanism").contains(m)
                && m.evidence.stream().anyMatch(e -> e.start() < s.start())).toList();
    }

    private void sector(String raw, Sentence s, String rule) {
        String label = SECTOR_SUFFIX.matcher(Patterns.unquote(raw)).replaceFirst("");
        Thing mechanism = scope.mechanism(s);
        if (label.length() < 2 || ctx.role(s.section()) != Context.Role.MECHANISMS || mechanism == null || !ex.things("Mechanism").contains(mechanism)) {
            ex.candidate(raw + " (sector outside a mechanism passage)");
            return;
        }
        Thing sector = thing("Sector", label, Evidence.of(s, rule));
        ex.link(sector, "exampleOf", mechanism, Evidence.of(s, rule));
    }

    /** A case named in a sub-path's passage ("星河集团的智能工厂…") illustrates that sub-path. */
    private void mentionsInSubPaths(List<Thing> organisations) {
        for (Sentence s : sentences()) {
            Thing path = scope.path(s);
            if (path == null || !ex.things("Path").contains(path) || ctx.role(s.section()) != Context.Role.PATHS
                    || ex.links(path, "parentPath").isEmpty()) continue;
            for (Thing org : organisations) {
                String shortName = org.label.replaceFirst("(集团|公司|股份有限公司|有限公司)$", "");
                if (shortName.length() >= 2 && s.text().contains(shortName)) {
                    ex.link(org, "caseOf", path, Evidence.of(s, "case-mention"));
                    org.evidence.add(Evidence.of(s, "case-mention"));
                }
            }
        }
    }
}
