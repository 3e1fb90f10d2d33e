package org.nqpfkg.loader.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds readable text from text extracted out of a PDF: physical lines (often with a blank line
 * between each, and words split across them) are joined into paragraphs, headings stand on lines of
 * their own, figure and table captions and flattened tables are lifted out of the paragraphs they
 * interrupt and kept as blocks of their own, citation markers are dropped, and the result is NFC.
 * The output is the document text every evidence offset refers to.
 */
public final class Normaliser {
    private static final Pattern CITATION = Pattern.compile("\\s*\\[\\s*\\d+(?:\\s*[,\\-–—]\\s*\\d+)*\\s*]");
    private static final Pattern CAPTION = Pattern.compile("^[图表]\\s*\\d+(?:[-.]\\d+)?(?:\\s+|$)(.*)$");
    private static final Pattern TABLE_CAPTION = Pattern.compile("^表\\s*\\d+");
    /** 摘要 / Abstract / 关键词 / 参考文献: alone on its line, or followed by a colon and the section's first words. */
    private static final Pattern SPECIAL = Pattern.compile(
            "^(摘\\s*要|内容提要|Abstract|ABSTRACT|关\\s*键\\s*词|关键字|Key\\s*[Ww]ords|KEYWORDS|参考文献|References|REFERENCES)\\s*(?::\\s*(.*)|$)");
    /** What follows "表 1" in a sentence that refers to a table rather than captions it. */
    private static final Pattern REFERENCE_NOT_CAPTION = Pattern.compile("^(所示|中|显示|可见|列出|给出|表明|表示|的|和|与|及|为|是)");
    private static final Pattern RUN_IN_START = Pattern.compile("^(\\(\\d+\\)|第[一二三四五六七八九十]+[,、]|首先|其次|再次|最后|[①-⑳])");

    /** Headings: 一、 / (一) / 1. / 第一章; depth 1, 2, 3. */
    private static final Pattern[] HEADINGS = {
            Pattern.compile("^([一二三四五六七八九十]+、)\\s*(.+)$"),
            Pattern.compile("^(\\([一二三四五六七八九十]+\\))\\s*(.+)$"),
            Pattern.compile("^(\\d{1,2}\\.)(?!\\d)\\s*(.+)$"),
    };
    private static final Pattern CHAPTER = Pattern.compile("^(第[一二三四五六七八九十]+[章节部分])\\s*(.+)$");

    private Normaliser() {}

    public static NormalisedText normalise(String raw) {
        String[] lines = prepare(raw).split("\n", -1);
        List<String> kept = new ArrayList<>();
        List<Boolean> blankBefore = new ArrayList<>();
        boolean blank = false;
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty()) { blank = true; continue; }
            kept.add(s);
            blankBefore.add(blank);
            blank = false;
        }
        // PDF extraction leaves a blank line after nearly every line, so line breaks mean nothing there;
        // in ordinary text files a line break that follows a sentence or a short title ends a paragraph.
        // Web and news text also puts a blank line between paragraphs, but there each line is a whole
        // paragraph and ends a sentence, where a PDF's lines are cut at the column's width.
        long blanks = blankBefore.stream().filter(b -> b).count();
        int width = typicalWidth(kept);
        boolean pdfLike = blanks * 3 >= kept.size() && !paragraphPerLine(kept, width);
        return new Builder(kept, blankBefore, width, pdfLike).build();
    }

    /** NFC, one kind of line break, ideographic and no-break spaces as spaces, full-width ASCII folded. */
    static String prepare(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == 0xFEFF) return;
            if (c == 0x3000 || c == 0x00A0 || c == '\t') sb.append(' ');
            else if (c >= 0xFF01 && c <= 0xFF5E && c != 0xFF5E) sb.append((char) (c - 0xFEE0));
            else sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    /**
     * Each line is a paragraph, not a column-wide piece of one: most lines of body-text length end a
     * sentence, or none was cut off mid-sentence at the column's width (a dateline or a title is short).
     */
    static boolean paragraphPerLine(List<String> lines, int width) {
        int body = 0, ended = 0, cut = 0;
        for (String line : lines) {
            if (line.length() < 20) continue;
            body++;
            if (endsSentence(line)) ended++;
            else if (line.length() >= width * 0.85) cut++;
        }
        return body >= 2 && (ended * 10 > body * 6 || cut == 0);
    }

    /** The line's last character (before a closing quote or bracket, after citation markers) ends a sentence. */
    static boolean endsSentence(String line) {
        String s = CITATION.matcher(line).replaceAll("").strip();
        if (s.isEmpty()) return false;
        int last = s.codePointBefore(s.length());
        if ((last == '”' || last == '’' || last == ')') && s.length() >= 2) last = s.codePointBefore(s.length() - 1);
        return Chars.isSentenceEnd(last);
    }

    private static int typicalWidth(List<String> lines) {
        int[] widths = lines.stream().mapToInt(String::length).filter(w -> w >= 15).sorted().toArray();
        return widths.length == 0 ? 40 : widths[widths.length * 3 / 4];
    }

    static boolean isCaption(String line) {
        Matcher m = CAPTION.matcher(line);
        if (!m.matches()) return false;
        String title = m.group(1).strip();
        return !REFERENCE_NOT_CAPTION.matcher(title).find() && !Chars.hasClausePunctuation(title.replace('、', ' '));
    }

    /** A heading line: its number and title, or null when the line is body text. */
    static String[] heading(String line, int width) {
        if (line.length() > 40 || line.length() > width * 0.9) return null;
        for (int depth = 0; depth < HEADINGS.length; depth++) {
            Matcher m = HEADINGS[depth].matcher(line);
            if (m.matches() && looksLikeTitle(m.group(2))) return new String[] {m.group(1), m.group(2).strip(), String.valueOf(depth + 1)};
        }
        Matcher m = CHAPTER.matcher(line);
        if (m.matches() && looksLikeTitle(m.group(2))) return new String[] {m.group(1), m.group(2).strip(), "1"};
        return null;
    }

    private static boolean looksLikeTitle(String title) {
        String t = title.strip();
        // An enumeration comma (、) is common in headings, and so is a comma between two parallel phrases
        // ("坚持创新驱动,加快培育新质生产力"); a sentence end or semicolon is not (heading() keeps the line short).
        if (t.length() < 2 || Chars.hasClausePunctuation(t.replace('、', ' ').replace(',', ' '))) return false;
        if (t.indexOf(',') >= 0 && (t.endsWith(",") || t.endsWith(":"))) return false;
        int last = t.codePointBefore(t.length());
        return last != ':' || t.length() > 3;
    }

    /** Joins two physical lines: nothing between Chinese, a space between words, nothing after a hyphenated break. */
    static String join(String left, String right) {
        if (left.isEmpty()) return right;
        if (right.isEmpty()) return left;
        int a = left.codePointBefore(left.length());
        int b = right.codePointAt(0);
        if (a == '-' && left.length() >= 2 && Chars.isLatinOrDigit(left.codePointBefore(left.length() - 1)) && Chars.isLatinOrDigit(b))
            return left + right;
        if (Chars.isCjk(a) || Chars.isCjk(b)) return left + right;
        return left + " " + right;
    }

    /** Drops citation markers and the spaces PDF extraction leaves around Chinese text. */
    static String clean(String text) {
        String s = CITATION.matcher(text).replaceAll("");
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                char prev = sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
                int j = i;
                while (j < n && s.charAt(j) == ' ') j++;
                char next = j < n ? s.charAt(j) : ' ';
                boolean drop = prev == ' ' || j == n || Chars.isCjk(prev) || Chars.isCjk(next)
                        || prev == '(' || next == ')' || ",.;:!?".indexOf(next) >= 0;
                if (!drop) sb.append(' ');
                i = j - 1;
                continue;
            }
            sb.append(c);
        }
        return sb.toString().strip();
    }

    /** Walks the kept lines once, emitting blocks into the output text. */
    private static final class Builder {
        private final List<String> lines;
        private final List<Boolean> blankBefore;
        private final int width;
        private final StringBuilder out = new StringBuilder();
        private final List<Block> blocks = new ArrayList<>();
        private final List<String[]> pendingCaptions = new ArrayList<>();   // {kind, text}
        private String paragraph = "";
        private boolean english;
        private final boolean pdfLike;

        Builder(List<String> lines, List<Boolean> blankBefore, int width, boolean pdfLike) {
            this.lines = lines;
            this.blankBefore = blankBefore;
            this.width = width;
            this.pdfLike = pdfLike;
        }

        NormalisedText build() {
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i);
                Matcher special = SPECIAL.matcher(line);
                String[] head;
                if (special.matches() && (special.group(2) == null || special.group(2).isEmpty() || !special.group(1).startsWith("参考"))) {
                    closeParagraph();
                    String label = special.group(1).replaceAll("\\s+", "");
                    emitHeading(label, label, null, 1, sectionKind(label));
                    english = label.matches("[A-Za-z ]+");
                    if (special.group(2) != null && !special.group(2).isBlank()) paragraph = special.group(2).strip();
                    i++;
                } else if (isCaption(line)) {
                    i = caption(i);
                } else if ((head = heading(line, width)) != null) {
                    closeParagraph();
                    i++;
                    String subtitle = null;
                    if (head[1].endsWith(":") && i < lines.size() && isSubtitle(lines.get(i))) subtitle = lines.get(i++);
                    String number = head[0];
                    emitHeading(number + (number.endsWith("、") || number.endsWith(")") ? "" : " ") + head[1] + (subtitle == null ? "" : subtitle),
                            head[1], subtitle, Integer.parseInt(head[2]), "body");
                    english = false;
                } else {
                    paragraph = join(paragraph, line);
                    i++;
                    if (endsParagraph(line, i)) closeParagraph();
                }
            }
            closeParagraph();
            return new NormalisedText(out.toString(), List.copyOf(blocks));
        }

        /** A document's first line that states no sentence: its title, a paragraph of its own however long it is. */
        private static boolean isTitleLine(String line) {
            return line.length() <= 60 && line.codePoints().noneMatch(c -> Chars.isSentenceEnd(c) || c == ';')
                    && !line.endsWith(",") && !line.endsWith(":");
        }

        private boolean isSubtitle(String line) {
            return line.length() <= 15 && !Chars.hasClausePunctuation(line) && !line.contains(":")
                    && !RUN_IN_START.matcher(line).find() && !isCaption(line);
        }

        /** A line that ends a sentence and stops short of the column's width ends its paragraph. */
        private boolean endsParagraph(String line, int next) {
            String s = CITATION.matcher(line).replaceAll("").strip();
            if (s.isEmpty()) return false;
            int last = s.codePointBefore(s.length());
            if (last == '”' || last == '’' || last == ')') last = s.length() >= 2 ? s.codePointBefore(s.length() - 1) : last;
            boolean sentenceEnd = Chars.isSentenceEnd(last) || last == ':' || (last == '.' && !english);
            if (!pdfLike) return sentenceEnd || s.length() < width * 0.6 || (next < lines.size() && blankBefore.get(next))
                    || (next == 1 && isTitleLine(s));
            if (!sentenceEnd) return false;
            if (english) return false;
            return s.length() < width * 0.85 || next >= lines.size() || RUN_IN_START.matcher(lines.get(next)).find();
        }

        private int caption(int i) {
            StringBuilder caption = new StringBuilder(lines.get(i));
            boolean table = TABLE_CAPTION.matcher(lines.get(i)).find();
            i++;
            for (int k = 0; k < 2 && i < lines.size(); k++) {
                String next = lines.get(i);
                if (table) break;  // a table caption is one line; what follows is the table itself
                if (next.length() > 20 || Chars.hasClausePunctuation(next) || next.contains(":") || isCaption(next)
                        || heading(next, width) != null) break;
                caption = new StringBuilder(join(caption.toString(), next));
                i++;
            }
            pendingCaptions.add(new String[] {"caption", clean(caption.toString())});
            if (table) i = table(i);
            if (paragraph.isEmpty()) flushCaptions();
            return i;
        }

        /** A flattened table: short cells until a heading or a line as wide as body text. Cells keep their line breaks' grouping. */
        private int table(int i) {
            List<String> cells = new ArrayList<>();
            String cell = "";
            while (i < lines.size()) {
                String line = lines.get(i);
                if (heading(line, width) != null || isCaption(line) || SPECIAL.matcher(line).matches()
                        || (line.length() >= Math.max(30, width * 0.7))) break;
                if (blankBefore.get(i) && !cell.isEmpty()) { cells.add(cell); cell = ""; }
                cell = join(cell, line);
                i++;
            }
            if (!cell.isEmpty()) cells.add(cell);
            if (!cells.isEmpty()) {
                List<String> cleaned = cells.stream().map(Normaliser::clean).toList();
                pendingCaptions.add(new String[] {"table", String.join("\n", cleaned)});
            }
            return i;
        }

        private void closeParagraph() {
            String text = clean(paragraph);
            paragraph = "";
            if (!text.isEmpty()) {
                int start = startBlock();
                out.append(text);
                blocks.add(Block.of(Block.Kind.PARAGRAPH, start, out.length()));
            }
            flushCaptions();
        }

        private void flushCaptions() {
            for (String[] c : pendingCaptions) {
                if (c[1].isEmpty()) continue;
                int start = startBlock();
                out.append(c[1]);
                blocks.add(Block.of(c[0].equals("table") ? Block.Kind.TABLE : Block.Kind.CAPTION, start, out.length()));
            }
            pendingCaptions.clear();
        }

        private void emitHeading(String line, String title, String subtitle, int depth, String kind) {
            int start = startBlock();
            String text = clean(line);
            out.append(text);
            String cleanTitle = clean(title).replaceFirst(":$", "");
            String cleanSub = subtitle == null ? null : clean(subtitle);
            String number = kind.equals("body") ? text.substring(0, Math.max(0, text.indexOf(cleanTitle))).strip() : null;
            blocks.add(new Block(Block.Kind.HEADING, start, out.length(), number, cleanTitle, cleanSub, depth, kind));
        }

        private int startBlock() {
            if (out.length() > 0) out.append('\n');
            return out.length();
        }

        private static String sectionKind(String label) {
            if (label.startsWith("摘") || label.startsWith("内容") || label.equalsIgnoreCase("abstract")) return "abstract";
            if (label.startsWith("参考") || label.equalsIgnoreCase("references")) return "references";
            return "keywords";
        }
    }

}
