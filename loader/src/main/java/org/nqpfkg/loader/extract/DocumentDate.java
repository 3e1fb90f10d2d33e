package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nqpfkg.loader.text.Block;
import org.nqpfkg.loader.text.NormalisedText;
import org.nqpfkg.loader.text.Numerals;

/**
 * When a document was written, which a target's horizon is counted from. The metadata's date wins. Else
 * the text's own date: a full date (2025年3月15日, 二〇二五年三月十五日, 2025-03-15) on a short line among the
 * first three blocks (a news item's dateline) or, failing that, the last three (where an official document
 * is signed and dated). A date inside the body is what the text talks about, not when it was written.
 */
final class DocumentDate {
    private DocumentDate() {}

    /** A dateline is short: the date, perhaps with a source, an author or an issuing body. */
    private static final int MAX_LINE = 40;
    private static final int NEAR = 3;

    private static final Pattern ARABIC = Pattern.compile("(?<!\\d)((?:19|20|21)\\d{2})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern ISO = Pattern.compile("(?<![\\d.])((?:19|20|21)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d.])");
    private static final Pattern CHINESE = Pattern.compile("([一二][〇零○O一二三四五六七八九]{3})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日");
    private static final Pattern METADATA_YEAR = Pattern.compile("^\\s*((?:19|20|21)\\d{2})");

    /** The document's date as YYYY-MM-DD, from its text; null when no dateline has one. */
    static String inText(NormalisedText nt) {
        List<Block> blocks = nt.blocks();
        List<Block> near = new ArrayList<>(blocks.subList(0, Math.min(NEAR, blocks.size())));
        for (int i = blocks.size() - 1; i >= Math.max(NEAR, blocks.size() - NEAR); i--) near.add(blocks.get(i));
        for (Block b : near) {
            String line = nt.slice(b.start(), b.end());
            if (line.length() > MAX_LINE) continue;
            String date = date(line);
            if (date != null) return date;
        }
        return null;
    }

    /** The year a metadata date starts with (2025, 2025-03-15), or null. */
    static Integer year(String metadataDate) {
        if (metadataDate == null) return null;
        Matcher m = METADATA_YEAR.matcher(metadataDate);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static String date(String line) {
        for (Pattern p : List.of(ARABIC, ISO, CHINESE)) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                int y = Numerals.digitByDigit(m.group(1));
                int month = number(m.group(2));
                int day = number(m.group(3));
                if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return String.format("%04d-%02d-%02d", y, month, day);
            }
        }
        return null;
    }

    private static int number(String s) {
        return Character.isDigit(s.charAt(0)) ? Integer.parseInt(s) : Numerals.counted(s);
    }
}
