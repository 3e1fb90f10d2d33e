package org.nqpfkg.loader.text;

/** Character classes the normaliser and the rules share. */
public final class Chars {
    private Chars() {}

    /** Han ideographs and the punctuation that sits between them in Chinese text. */
    public static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.HAN) return true;
        return (c >= 0x3000 && c <= 0x303F)      // CJK punctuation: 、。《》「」
                || (c >= 0xFF00 && c <= 0xFFEF)  // full-width forms left after folding
                || (c >= 0x2018 && c <= 0x201F)  // curly quotes used around Chinese terms
                || c == 0x2014 || c == 0x2026    // — …
                || (c >= 0x2460 && c <= 0x24FF); // circled numbers ①
    }

    public static boolean isLatinOrDigit(int c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    /** Ends a sentence in Chinese or English text. */
    public static boolean isSentenceEnd(int c) {
        return c == '。' || c == '!' || c == '?' || c == '！' || c == '？';
    }

    public static boolean isCircledNumber(int c) { return c >= 0x2460 && c <= 0x2473; }

    /** Punctuation that cannot occur inside a heading or a caption title. */
    public static boolean hasClausePunctuation(String s) {
        return s.chars().anyMatch(c -> c == ',' || c == '。' || c == ';' || c == '!' || c == '?' || c == '、');
    }
}
