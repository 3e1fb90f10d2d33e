package org.nqpfkg.loader.text;

import java.util.List;

/** The document's text after normalisation (NFC, lines rebuilt into paragraphs) and its blocks in order. */
public record NormalisedText(String text, List<Block> blocks) {
    public String slice(int start, int end) { return text.substring(start, end); }

    /** Code point offset of a UTF-16 index: evidence offsets count code points (NIF, Web Annotation). */
    public int codePoint(int utf16) { return text.codePointCount(0, utf16); }
}
