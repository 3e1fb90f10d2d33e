package org.nqpfkg.loader.text;

import java.util.List;

/** The document's text after normalisation (NFC, lines rebuilt into paragraphs) and its blocks in order. */
public final class NormalisedText {
    private final String text;
    private final List<Block> blocks;
    /** UTF-16 index → code point index, built once: evidence offsets count code points (NIF, Web Annotation). */
    private final int[] codePoints;

    public NormalisedText(String text, List<Block> blocks) {
        this.text = text;
        this.blocks = blocks;
        this.codePoints = new int[text.length() + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i++) {
            codePoints[i] = cp;
            if (!Character.isLowSurrogate(text.charAt(i)) || i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))) cp++;
            else codePoints[i] = cp - 1;
        }
        codePoints[text.length()] = cp;
    }

    public String text() { return text; }
    public List<Block> blocks() { return blocks; }
    public String slice(int start, int end) { return text.substring(start, end); }
    public int codePoint(int utf16) { return codePoints[utf16]; }
}
