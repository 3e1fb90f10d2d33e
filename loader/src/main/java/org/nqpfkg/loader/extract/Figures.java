package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figure a target sets, as written: 超70%, 1000亿元, 50家, 百分之三十, 千亿级. A figure is a number (Arabic
 * digits, or Chinese numerals of at least two characters that count: 十万, 一百 — a single 一 or 两 is too often
 * no figure) followed by a unit, with the words that qualify it before (超, 不低于) and after (以上). Qualifiers
 * and units are data: ontology/target-figures.txt.
 */
final class Figures {
    static final String FILE = "target-figures.txt";

    private final Pattern figure;

    Figures(WordLists words) {
        List<String> before = new ArrayList<>(), units = new ArrayList<>(), after = new ArrayList<>();
        List<String> into = null;
        for (String line : words.get(FILE)) {
            switch (line) {
                case "[before]" -> into = before;
                case "[unit]" -> into = units;
                case "[after]" -> into = after;
                default -> { if (into != null) into.add(line); }
            }
        }
        String number = "(?<![\\d.])\\d+(?:,\\d{3})*(?:\\.\\d+)?|(?<![〇零一二三四五六七八九十两百千万亿])[〇零一二三四五六七八九十两百千万亿]{2,}";
        figure = Pattern.compile("(?:" + alternatives(before) + ")?(?:百分之[零〇一二三四五六七八九十点]+|(?<number>" + number + ")(?:"
                + alternatives(units) + "))(?:" + alternatives(after) + ")?");
    }

    /** The first figure in the text, or null. */
    String first(String text) {
        Matcher m = figure.matcher(text);
        while (m.find()) {
            String n = m.group("number");
            // Chinese numerals must count something: 十万 and 一百 do, 一一 or 五五 do not.
            if (n == null || Character.isDigit(n.charAt(0)) || n.matches(".*[十百千万亿].*")) return m.group();
        }
        return null;
    }

    private static String alternatives(List<String> words) {
        if (words.isEmpty()) return "(?!)";
        return String.join("|", words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList());
    }
}
