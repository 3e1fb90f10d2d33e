package org.nqpfkg.loader.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markers that open run-in items at the start of a sentence ((1), 第一, / 首先, / ①, and the list
 * markers of policy texts: (七), 1. / 1、, 一、 and 一是), by style: a marker of a style already open starts a
 * sibling, a marker of another style nests.
 *
 * <p>The list markers are also how numbers, quantities and phrases begin (1.5亿, 3、4月份, 一、二线城市,
 * 一是一), so they count only as members of a list: under the same heading, a marker of the same style
 * numbered one more or one less also opens a sentence. The older styles count on their own, as before.
 */
final class RunInMarkers {
    /** A marker as written (without a trailing 、 or ,) and its style. */
    record Marker(String style, String text) {}

    private record Style(String name, Pattern pattern, boolean listOnly) {}

    private static final List<Style> STYLES = List.of(
            new Style("paren", Pattern.compile("^\\(\\d{1,2}\\)"), false),
            new Style("ordinal", Pattern.compile("^第[一二三四五六七八九十]+[,、]"), false),
            new Style("sequence", Pattern.compile("^(?:首先|其次|再次|然后|最后),"), false),
            new Style("circled", Pattern.compile("^[①-⑳]"), false),
            // The guards keep out what is not a marker even in a list: a decimal or percentage (1.5亿, 1.%),
            // a range of numerals (一、二线).
            new Style("paren-numeral", Pattern.compile("^\\(([一二三四五六七八九十]{1,3})\\)"), true),
            new Style("arabic", Pattern.compile("^(\\d{1,2})[.、](?![\\d.%])"), true),
            new Style("numeral", Pattern.compile("^([一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十])"), true),
            new Style("is", Pattern.compile("^([一二三四五六七八九十]{1,3})是"), true));

    private record Found(Style style, String text, int number, int heading) {}

    private RunInMarkers() {}

    /** Sentence start (UTF-16 offset) → the run-in marker that opens that sentence. */
    static Map<Integer, Marker> of(NormalisedText nt) {
        Map<Integer, Found> found = new HashMap<>();
        Set<String> numbered = new HashSet<>();   // heading index, style, number of every list marker seen
        int heading = 0;
        for (Block b : nt.blocks()) {
            if (b.kind() == Block.Kind.HEADING) { heading++; continue; }
            if (b.kind() != Block.Kind.PARAGRAPH) continue;
            for (int[] span : Structure.split(nt.text(), b)) {
                Found f = match(nt.text().substring(span[0], span[1]), heading);
                if (f == null) continue;
                found.put(span[0], f);
                if (f.style.listOnly) numbered.add(key(f, f.number));
            }
        }
        Map<Integer, Marker> out = new HashMap<>();
        found.forEach((at, f) -> {
            if (!f.style.listOnly || numbered.contains(key(f, f.number - 1)) || numbered.contains(key(f, f.number + 1)))
                out.put(at, new Marker(f.style.name, f.text.replaceAll("[,、]$", "")));
        });
        return out;
    }

    private static Found match(String sentence, int heading) {
        for (Style s : STYLES) {
            Matcher m = s.pattern.matcher(sentence);
            if (!m.find()) continue;
            int number = !s.listOnly ? 0 : Character.isDigit(m.group(1).charAt(0)) ? Integer.parseInt(m.group(1)) : Numerals.counted(m.group(1));
            if (s.listOnly && number <= 0) return null;
            return new Found(s, m.group(), number, heading);
        }
        return null;
    }

    private static String key(Found f, int number) { return f.heading + "/" + f.style.name + "/" + number; }
}
