package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Section;
import org.nqpfkg.loader.text.Sentence;

/**
 * Policies: "针对A机制推出B政策,围绕C机制实施D,聚焦E机制推行F" — each clause names a policy and the
 * mechanism it answers; its horizon is the one the sentence or its section heading names (短期/中期/长期).
 * Numbered measures (①②③) in a policy section belong to the policy they share most words with.
 */
final class PolicyRules extends RuleSet {
    private static final Pattern CLAUSE = Pattern.compile(
            "(针对|围绕|聚焦|对于|面向|立足)(" + MechanismRules.MECH + ")(推出|实施|推行|推广|鼓励|出台|制定|建立|完善|加强|落实|开展|提出|采取)?([^,;。:]{2,40})");
    private static final Pattern MEASURE_TITLE = Pattern.compile("^[①-⑳]");

    private final MechanismRules mechanisms;

    PolicyRules(Context ctx, Extraction ex, Scope scope) {
        super(ctx, ex, scope);
        this.mechanisms = new MechanismRules(ctx, ex, scope);
    }

    @Override
    void apply() {
        for (Sentence s : sentences()) {
            Matcher m = CLAUSE.matcher(s.text());
            while (m.find()) clause(s, m);
        }
        for (Section h : ctx.structure.sections()) measures(h);
    }

    private void clause(Sentence s, Matcher m) {
        Context.Mention horizon = horizon(s);
        if (horizon == null) {
            ex.candidate(m.group() + " (policy wording without a horizon)");
            return;
        }
        String surface = Patterns.unquote(m.group(2));
        Thing mechanism = ex.find("Mechanism", ctx.lexicon.canonical(Patterns.cutCue(surface.substring(0, surface.length() - 2)) + "机制"));
        if (mechanism == null) {
            // A mechanism first named by the policy itself still needs a level from the text.
            Thing named = mechanisms.mechanism(surface, s, m.start(2), "policy-mechanism");
            if (named != null) Levels.resolve(ex, "Mechanism");
            mechanism = named != null && ex.things("Mechanism").contains(named) ? named : null;
        }
        if (mechanism == null) return;
        for (String part : m.group(4).split("以及|(?<=政策|战略|计划|措施|工程|行动|制度|办法)(?:和|与|及)")) {
            String label = part.strip();
            if (label.length() < 2) continue;
            Thing policy = thing("Policy", label, Evidence.of(s, "policy-clause"));
            ex.link(policy, "addresses", mechanism, Evidence.of(s, "policy-clause"));
            ex.link(policy, "horizon", reference(horizon.ref()), Evidence.of(s, "policy-horizon"));
            for (var l : ex.links(mechanism, "level"))
                if (ex.links(policy, "level").isEmpty()) ex.link(policy, "level", l.object(), Evidence.of(s, "policy-level"));
        }
    }

    private Context.Mention horizon(Sentence s) {
        // The section's heading decides; a horizon word in the sentence ("长期学习通道") only where no heading names one.
        Context.Mention bySection = ctx.sectionHorizon(s.section());
        if (bySection != null) return bySection;
        List<Context.Mention> named = ctx.references("Horizon", s.text());
        return named.stream().map(Context.Mention::ref).distinct().count() == 1 ? named.get(0) : null;
    }

    /** ①…②…: each measure goes to the section's policy it shares most words with, else to the policy in the same position. */
    private void measures(Section h) {
        if (h.runIn || ctx.role(h) != Context.Role.POLICIES) return;
        List<Thing> policies = ex.things("Policy").stream()
                .filter(p -> p.evidence.stream().anyMatch(e -> h.contains(e.start()))).toList();
        if (policies.isEmpty()) return;
        List<Section> items = new ArrayList<>();
        for (Section r : ctx.structure.sections())
            if (r.runIn && r.parent == h && r.number != null && MEASURE_TITLE.matcher(r.number).find()) items.add(r);
        for (int i = 0; i < items.size(); i++) {
            Section r = items.get(i);
            Sentence opening = ctx.headingSentence(r);
            if (opening == null || r.title.length() < 2) continue;
            String text = ctx.structure.text().text().substring(r.start, r.end());
            // As many measures as policies: the text lists them in the same order. Otherwise go by shared words.
            Thing best = policies.size() == items.size() ? policies.get(i) : null;
            double bestScore = -1;
            for (Thing p : policies) {
                double score = overlap(text, p.label);
                if (best == null || (policies.size() != items.size() && score > bestScore)) { bestScore = score; best = p; }
            }
            Thing measure = thing("PolicyMeasure", r.title, Evidence.of(opening, "measure-numbered"));
            ex.link(best, "hasMeasure", measure, Evidence.of(opening, "measure-numbered"));
        }
    }

    /** Share of the policy's two-character words that the measure's text also uses. */
    static double overlap(String text, String label) {
        Set<String> words = bigrams(label);
        if (words.isEmpty()) return 0;
        Set<String> inText = bigrams(text);
        long shared = words.stream().filter(inText::contains).count();
        return (double) shared / words.size();
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            String b = s.substring(i, i + 2);
            if (b.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) && !b.equals("政策")) out.add(b);
        }
        return out;
    }
}
