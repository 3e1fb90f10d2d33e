package org.nqpfkg.loader.report;

/** A sentence cut to a line's width around one of its words, so the word is always in sight. */
public final class Excerpt {
    private Excerpt() {}

    /** Characters (code points) an example keeps, besides the marks where it was cut. */
    public static final int WIDTH = 60;
    private static final String CUT = "…";

    /**
     * @param sentence the whole sentence
     * @param start    UTF-16 offset of the word in it
     * @param length   UTF-16 length of the word
     */
    public static String around(String sentence, int start, int length) {
        int total = sentence.codePointCount(0, sentence.length());
        String cut;
        if (total <= WIDTH) {
            cut = sentence;
        } else {
            int begin = Math.min(Math.max(start, 0), sentence.length());
            int from = sentence.codePointCount(0, begin);
            int words = sentence.codePointCount(begin, Math.min(begin + length, sentence.length()));
            // The word in the middle of the window where the sentence allows, else at the nearer end.
            int first = Math.max(0, Math.min(from - (WIDTH - words) / 2, total - WIDTH));
            int last = first + WIDTH;
            cut = (first > 0 ? CUT : "") + sentence.substring(sentence.offsetByCodePoints(0, first), sentence.offsetByCodePoints(0, last))
                    + (last < total ? CUT : "");
        }
        // One report line per term: a line break inside a sentence would start a line of its own.
        return cut.replaceAll("\\s+", " ").strip();
    }
}
