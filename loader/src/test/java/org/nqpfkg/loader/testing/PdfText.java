package org.nqpfkg.loader.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds text shaped like the seed paper's PDF extraction: each paragraph broken into physical lines
 * of one column width with a blank line between them, headings on lines of their own.
 *
 * <p>A block that starts with {@code #} is copied as it is (after the {@code #}): headings, captions,
 * subtitle lines, each line of it separated by {@code \n}. Any other block is a paragraph, cut into lines
 * of {@link #WIDTH} characters; its last line is kept clearly shorter than the column so that the
 * normaliser sees where the paragraph ends.
 */
public final class PdfText {
    public static final int WIDTH = 40;

    private PdfText() {}

    public static String page(String... blocks) {
        List<String> lines = new ArrayList<>();
        for (String b : blocks) {
            if (b.startsWith("#")) {
                for (String l : b.substring(1).split("\n")) lines.add(l);
            } else {
                lines.addAll(wrap(b));
            }
        }
        return String.join("\n\n", lines) + "\n";
    }

    /** A paragraph as physical lines of {@link #WIDTH} characters, the last one short. */
    public static List<String> wrap(String paragraph) {
        List<String> out = new ArrayList<>();
        int[] cps = paragraph.codePoints().toArray();
        int i = 0;
        while (cps.length - i > WIDTH) {
            out.add(new String(cps, i, WIDTH));
            i += WIDTH;
        }
        int rest = cps.length - i;
        if (rest >= WIDTH * 0.8) {
            // A full-looking last line would let the paragraph run on into the next one: move its tail down.
            out.add(new String(cps, i, rest - 10));
            i += rest - 10;
            rest = 10;
        }
        out.add(new String(cps, i, rest));
        return out;
    }

    /** The seed paper, found from the module folder (where Maven runs the tests) or any folder above it. */
    public static Path seed() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("seeds/ai-new-quality-productive-forces.txt");
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("seeds/ai-new-quality-productive-forces.txt not found above " + Path.of("").toAbsolutePath());
    }
}
