package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.text.Numerals;

/**
 * The phrases by which policy texts set a horizon, and the year each names: 到2027年, 到二〇三五年, 到2026年底,
 * 2030年前 (and 年以前, 年底前), 到“十五五”末 (the last year of the n-th five-year plan, 1955 + 5n: 十四五 → 2025,
 * 十五五 → 2030).
 *
 * <p>Other years are not horizons: a year that reports or dates something (2023年发布, 2024年以来, 自2025年起),
 * a status at a date (截至2024年底), a period (2021—2023年, 从2025年到2027年), the end of a term of validity
 * (有效期至2029年12月31日), the first months of a year
 * (2024年前三季度), a time around a year (2030年前后), and any year inside a title in 《》.
 */
final class YearPhrases {
    private YearPhrases() {}

    /** A horizon phrase in a sentence: UTF-16 offsets into it, and the year it names. */
    record Phrase(int start, int end, int year) {}

    private static final String ARABIC = "(?<![\\d.])((?:19|20|21)\\d{2})";
    /** Written digit by digit; 〇 is also typed as ○, O or 零. */
    private static final String CHINESE = "(?<![〇零○O一二三四五六七八九十])([一二][〇零○O一二三四五六七八九]{3})";
    private static final String YEAR = "(?:" + ARABIC + "|" + CHINESE + ")年";
    /**
     * 到 / 至, but not 截至 / 截止到 (a status at a date), the second half of a period (2021年至2023年) or the end
     * of a term (有效期至, 试行期至: when a text stops applying, not what it aims at).
     */
    private static final String LEAD = "(?<![截止\\d年期])(?:到|至)";
    private static final Pattern LED = Pattern.compile(LEAD + YEAR + "(?:底|末|中)?(?:以前|之前|前)?(?!后)");
    private static final Pattern BEFORE = Pattern.compile(YEAR + "底?(?:以前|之前|前)(?![后\\d一二三四五六七八九十两几半个])");
    private static final Pattern PLAN_END = Pattern.compile(
            "(?:" + LEAD + ")?[“\"]?十([一二三四五六七八九])五[”\"]?(?:规划)?(?:时期|期)?(?:末期|期末|末)");

    static List<Phrase> in(String sentence) {
        List<Phrase> found = new ArrayList<>();
        for (Pattern p : List.of(LED, BEFORE)) {
            Matcher m = p.matcher(sentence);
            while (m.find()) {
                int year = Numerals.digitByDigit(m.group(1) != null ? m.group(1) : m.group(2));
                if (year >= 1900 && year < 2200) found.add(new Phrase(m.start(), m.end(), year));
            }
        }
        Matcher m = PLAN_END.matcher(sentence);
        while (m.find()) found.add(new Phrase(m.start(), m.end(), planEnd(10 + Numerals.digit(m.group(1).charAt(0)))));
        found.removeIf(p -> Patterns.insideTitle(sentence, p.start()));
        // 到2030年前 is found both as 到…年 and as …年前: keep the longer of overlapping phrases.
        found.sort(Comparator.comparingInt(Phrase::start).thenComparing(Comparator.comparingInt(Phrase::end).reversed()));
        List<Phrase> out = new ArrayList<>();
        for (Phrase p : found) if (out.isEmpty() || p.start() >= out.get(out.size() - 1).end()) out.add(p);
        return out;
    }

    /** The last year of the n-th five-year plan: the first ran 1953–1957. */
    static int planEnd(int n) { return 1955 + 5 * n; }
}
