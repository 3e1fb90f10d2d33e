package org.nqpfkg.loader.text;

/**
 * A block of the normalised text (offsets are UTF-16 indexes into it; converted to code points when emitted).
 *
 * @param number   a heading's number as written ("三", "(一)", "1."), else null
 * @param title    a heading's title without its number, else null
 * @param subtitle a heading's run-on subtitle ("“自动化-增强”路径" after "…路径:"), else null
 * @param depth    a heading's depth: 1 for 一、, 2 for (一), 3 for 1.; 1 for special sections (摘要, Abstract ...)
 */
public record Block(Kind kind, int start, int end, String number, String title, String subtitle, int depth, String sectionKind) {
    public enum Kind { HEADING, PARAGRAPH, CAPTION, TABLE }

    static Block of(Kind kind, int start, int end) { return new Block(kind, start, end, null, null, null, 0, null); }
}
