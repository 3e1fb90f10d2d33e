package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.List;

/** Regular-expression pieces for the enumerations and names that Chinese academic prose is built from. */
final class Patterns {
    private Patterns() {}

    /** A Han character that can stand inside a term: not a conjunction, particle or common function word. */
    static final String STEM = "[\\p{IsHan}&&[^和及与或、的了是在对从为把被将等其并而且也中]]";
    /** Enumeration separators: 、 和 及 与 以及. */
    static final String SEP = "(?:、|以及|和|及|与)";

    static String item(int min, int max, String suffix) { return "“?" + STEM + "{" + min + "," + max + "}”?" + suffix; }

    static String enumeration(String item) { return "(?:" + item + ")(?:" + SEP + "(?:" + item + "))+"; }

    /** Items of an enumeration, quotes removed. */
    static List<String> items(String enumeration) {
        List<String> out = new ArrayList<>();
        for (String part : enumeration.split(SEP)) {
            String s = unquote(part);
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    static String unquote(String s) { return s.replaceAll("[“”\"‘’]", "").strip(); }

    /** The offset lies inside a title in 《》 (a title's words are the title's, not the sentence's). */
    static boolean insideTitle(String text, int at) {
        int open = 0;
        for (int i = 0; i < at && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '《') open++;
            else if (c == '》' && open > 0) open--;
        }
        return open > 0;
    }

    /** Words that open a phrase before the term they introduce; cut away when a match swallowed them. */
    static String cutCue(String item) {
        return item.replaceFirst("^.*?(通过|包括|涉及|借助|依托|基于)(?=.{2,})", "");
    }
}
