package org.nqpfkg.loader.extract;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.text.Sentence;

/**
 * Mechanisms: named in an enumeration of two or more "…机制" (通过A机制、B机制和C机制), or as the subject
 * that opens a passage of a mechanisms section (首先,A机制强调…). A mechanism is typed only where the
 * text places it at a level; generic governance words (体制机制, 协调机制 …) are never mechanisms.
 */
final class MechanismRules extends RuleSet {
    static final String MECH = Patterns.item(2, 7, "机制");
    private static final Pattern ENUM = Pattern.compile("(?:通过|包括|涉及|依托|借助|基于|及|和|:|,|^)(" + Patterns.enumeration(MECH) + ")");
    /** Verbs that open the phrase a mechanism's name follows ("通过强化技能迁移机制"): not part of the name. */
    static final Pattern LEADING_VERB = Pattern.compile("^(强化|完善|建立|健全|建立健全|构建|优化|加强|推动|促进|形成|实现|发挥|依托|借助|提升|深化|创新|打造|探索)(?=.{2,})");
    private static final Pattern OPENING = Pattern.compile(
            "^(?:\\(\\d+\\)|第[一二三四五六七八九十]+[,、]|首先,|其次,|再次,|然后,|最后,|[①-⑳])?(" + MECH + ")(强调|的核心|着重于|体现在|是指|指的是|主要|旨在|通过|是)");

    /** Words that make "…机制" an institutional arrangement rather than a studied mechanism. */
    static final Set<String> GENERIC = Set.of("体制", "运行", "工作", "协调", "长效", "保障", "激励", "约束", "监管", "评价", "评估",
            "考核", "管理", "合作", "反馈", "决策", "市场", "竞争", "价格", "联动", "沟通", "退出", "准入", "责任", "治理", "投入",
            "分配", "补偿", "容错", "奖励", "交流", "对接", "服务", "传导", "作用", "影响", "内在", "实现", "动力", "驱动", "形成",
            "涌现", "发展", "资金流动", "意见反馈", "公众意见反馈", "产学研合作", "扩散");

    /** "这一机制", "该机制": a reference back, not a name. */
    private static final Pattern DEMONSTRATIVE = Pattern.compile("^(这|那|该|此|本|其|上述|各|每|某|相关|一种|一个|多种|新的|有效)");

    MechanismRules(Context ctx, Extraction ex, Scope scope) { super(ctx, ex, scope); }

    @Override
    void apply() {
        for (Sentence s : sentences()) {
            Matcher m = ENUM.matcher(s.text());
            while (m.find()) {
                for (String item : Patterns.items(m.group(1))) {
                    Thing t = mechanism(item, s, m.start(1), "mechanism-enumeration");
                    if (t != null) scope.enumerated(s, t);
                }
            }
            if (ctx.role(s.section()) == Context.Role.MECHANISMS) {
                Matcher o = OPENING.matcher(s.text());
                if (o.find()) {
                    Thing t = mechanism(Patterns.unquote(o.group(1)), s, o.start(1), "mechanism-opening");
                    if (t != null) scope.mechanism(s, t);
                }
            }
        }
    }

    /** Names a mechanism, or returns null when the words are generic or the text gives it no level. */
    Thing mechanism(String surface, Sentence s, int offset, String rule) {
        String stem = LEADING_VERB.matcher(Patterns.cutCue(surface.substring(0, surface.length() - 2))).replaceFirst("");
        if (stem.length() < 2 || GENERIC.stream().anyMatch(stem::endsWith) || DEMONSTRATIVE.matcher(stem).find()) {
            ex.candidate(surface + " (generic mechanism word)");
            return null;
        }
        Thing t = thing("Mechanism", stem + "机制", Evidence.of(s, rule));
        placeAtLevel(t, s, offset, rule);
        return t;
    }
}
