package org.nqpfkg.loader.extract;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Sentence;

/**
 * Theories (根据人力资本理论 …, each underpinning the path of its passage), the characteristics of AI
 * (人工智能…以A、B和C为特征), and the risks AI brings at a level (在员工层面,…可能引发A、B及C等问题).
 * Cited policy documents (《…》) are CitedWorkRules' job.
 */
final class TermRules extends RuleSet {
    private static final Pattern THEORY = Pattern.compile("(?:根据|基于|依据|借鉴|运用|结合|引入|对)(" + Patterns.STEM + "{2,10}?理论)");
    private static final Set<String> GENERIC_THEORY = Set.of("相关理论", "基础理论", "现有理论", "已有理论", "经典理论", "上述理论", "这一理论", "传统理论");
    private static final String SHORT = Patterns.item(2, 6, "");
    private static final Pattern CHARACTERISTICS = Pattern.compile(
            "(?:以(" + Patterns.enumeration(SHORT) + ")为(?:主要)?特征|特征(?:主要)?(?:包括|有|是|为)(" + Patterns.enumeration(SHORT) + "))");
    private static final Pattern RISKS = Pattern.compile(
            "(?:引发|导致|带来|造成|产生)(?:[^。]{0,20}?,包括)?(" + Patterns.enumeration(Patterns.item(2, 8, "")) + ")(?:等)?(?:问题|风险|隐患|挑战|负面)?");
    /** The three elements of productive forces (劳动者, 劳动资料, 劳动对象), as the text qualifies them. */
    private static final String ELEMENT = "“?" + Patterns.STEM + "{0,3}”?(?:劳动者|劳动资料|劳动对象)";
    private static final Pattern ELEMENTS = Pattern.compile(Patterns.enumeration(ELEMENT));
    private static final Pattern TABLE_ELEMENT = Pattern.compile("(?:新型|数字型|新)?(?:劳动者|劳动资料|劳动对象)");
    /** "体现为生产要素、生产过程及产出效果等方面": the dimensions along which productive forces are compared. */
    private static final Pattern DIMENSIONS = Pattern.compile(
            "(?:体现为|体现在|包括|涉及|从)(" + Patterns.enumeration(Patterns.item(2, 6, "")) + ")等?(?:[两二三四五六七八九十]个)?方面");

    TermRules(Context ctx, Extraction ex, Scope scope) { super(ctx, ex, scope); }

    @Override
    void apply() {
        for (Sentence s : sentences()) {
            theories(s);
            characteristics(s);
            risks(s);
            elements(s);
            dimensions(s);
        }
    }

    private void theories(Sentence s) {
        Matcher m = THEORY.matcher(s.text());
        while (m.find()) {
            String label = Patterns.cutCue(m.group(1));
            if (GENERIC_THEORY.contains(label) || label.startsWith("新质生产力")) { ex.candidate(label + " (generic theory word)"); continue; }
            Thing theory = thing("Theory", label, Evidence.of(s, "theory"));
            Thing path = ctx.role(s.section()) == Context.Role.PATHS ? scope.path(s) : null;
            if (path != null && ex.things("Path").contains(path)) ex.link(theory, "underpins", path, Evidence.of(s, "theory-path"));
        }
    }

    private void characteristics(Sentence s) {
        if (!s.text().contains("人工智能")) return;
        Matcher m = CHARACTERISTICS.matcher(s.text());
        while (m.find()) {
            String list = m.group(1) != null ? m.group(1) : m.group(2);
            for (String item : Patterns.items(list)) thing("AICharacteristic", item, Evidence.of(s, "ai-characteristic"));
        }
    }

    private void risks(Sentence s) {
        boolean aboutRisk = s.text().contains("风险") || s.text().contains("问题") || s.text().contains("负面") || s.text().contains("隐患");
        boolean levelLed = s.text().matches("^在[^,]{2,8}层面,.*");
        if (!aboutRisk && !levelLed) return;
        Matcher m = RISKS.matcher(s.text());
        while (m.find()) {
            Context.Mention level = ctx.levelBefore(s.text(), m.start());
            if (level == null) continue;
            for (String item : Patterns.items(m.group(1))) {
                Thing risk = thing("AIRisk", item, Evidence.of(s, "ai-risk"));
                ex.link(risk, "level", reference(level.ref()), Evidence.of(s, "ai-risk"));
            }
        }
    }

    private void elements(Sentence s) {
        Matcher m = (s.blockKind() == org.nqpfkg.loader.text.Block.Kind.TABLE ? TABLE_ELEMENT : ELEMENTS).matcher(s.text());
        while (m.find())
            for (String item : Patterns.items(m.group())) thing("ProductivityElement", item, Evidence.of(s, "productivity-element"));
    }

    private void dimensions(Sentence s) {
        if (!s.text().contains("生产力")) return;
        Matcher m = DIMENSIONS.matcher(s.text());
        while (m.find())
            for (String raw : Patterns.items(m.group(1))) {
                String item = raw.replaceFirst("[两二三四五六七八九十]个$", "");
                // "从科技、绿色和数字三个方面…表现形式" names manifestation kinds, which are reference terms, not dimensions.
                if (ctx.references("ManifestationKind", item).stream().anyMatch(r -> r.end() - r.start() == item.length())) continue;
                if (item.length() >= 2) thing("ProductivityDimension", item, Evidence.of(s, "productivity-dimension"));
            }
    }
}
