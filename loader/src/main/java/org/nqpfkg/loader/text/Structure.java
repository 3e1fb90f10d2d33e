package org.nqpfkg.loader.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Sections and sentences of a normalised document. */
public record Structure(NormalisedText text, List<Section> sections, List<Sentence> sentences) {
    public static Structure of(NormalisedText nt) {
        String text = nt.text();
        List<Section> sections = new ArrayList<>();
        Deque<Section> headings = new ArrayDeque<>();
        Deque<String[]> runInStyles = new ArrayDeque<>();  // parallel to the open run-in sections
        Deque<Section> runIns = new ArrayDeque<>();
        List<Sentence> sentences = new ArrayList<>();
        Map<Integer, RunInMarkers.Marker> markers = RunInMarkers.of(nt);
        int paragraph = 0;
        for (Block b : nt.blocks()) {
            if (b.kind() == Block.Kind.HEADING) {
                closeRunIns(runIns, runInStyles, b.start());
                while (!headings.isEmpty() && headings.peek().depth >= b.depth()) headings.pop().end = b.start();
                // Special sections (摘要, Abstract, 参考文献) stand at the top, whatever came before.
                if (!"body".equals(b.sectionKind())) while (!headings.isEmpty()) headings.pop().end = b.start();
                Section s = new Section(sections.size(), b.number(), b.title(), b.subtitle(), b.start(), b.end(),
                        headings.peek(), b.sectionKind(), b.depth(), false);
                sections.add(s);
                headings.push(s);
                sentences.add(new Sentence(sentences.size(), b.start(), b.end(), text.substring(b.start(), b.end()), s, b.kind(), paragraph++));
                continue;
            }
            paragraph++;
            for (int[] span : split(text, b)) {
                String sentence = text.substring(span[0], span[1]);
                RunInMarkers.Marker m = markers.get(span[0]);
                if (m != null) openRunIn(sections, headings.peek(), runIns, runInStyles, m.style(), m.text(), sentence, span);
                sentences.add(new Sentence(sentences.size(), span[0], span[1], sentence, null, b.kind(), paragraph));
            }
        }
        closeRunIns(runIns, runInStyles, text.length());
        while (!headings.isEmpty()) headings.pop().end = text.length();
        List<Sentence> placed = new ArrayList<>(sentences.size());
        for (Sentence s : sentences)
            placed.add(s.section() != null ? s : new Sentence(s.index(), s.start(), s.end(), s.text(), innermost(sections, s.start()), s.blockKind(), s.paragraph()));
        return new Structure(nt, List.copyOf(sections), List.copyOf(placed));
    }

    private static void openRunIn(List<Section> sections, Section heading, Deque<Section> runIns, Deque<String[]> styles,
                                  String style, String marker, String sentence, int[] span) {
        // A marker of a style already open closes that run-in (and anything nested in it): it starts a sibling.
        boolean open = styles.stream().anyMatch(s -> s[0].equals(style));
        if (open) {
            while (!styles.isEmpty()) {
                String[] top = styles.pop();
                runIns.pop().end = span[0];
                if (top[0].equals(style)) break;
            }
        }
        Section parent = runIns.isEmpty() ? heading : runIns.peek();
        String rest = sentence.substring(marker.length()).replaceFirst("^[,、]", "");
        String title = rest.split("[,:;。!?]", 2)[0];
        if (title.length() > 30) title = title.substring(0, 30);
        Section s = new Section(sections.size(), marker, title, null, span[0], span[1], parent,
                parent == null ? "body" : parent.kind, (parent == null ? 0 : parent.depth) + 1, true);
        sections.add(s);
        runIns.push(s);
        styles.push(new String[] {style});
    }

    private static void closeRunIns(Deque<Section> runIns, Deque<String[]> styles, int at) {
        while (!runIns.isEmpty()) runIns.pop().end = at;
        styles.clear();
    }

    private static Section innermost(List<Section> sections, int offset) {
        Section best = null;
        for (Section s : sections)
            if (s.contains(offset) && (best == null || s.start >= best.start)) best = s;
        return best;
    }

    /** Sentence spans of a block: after 。!? (and a closing quote), before a circled number; table rows one by one. */
    static List<int[]> split(String text, Block b) {
        List<int[]> spans = new ArrayList<>();
        if (b.kind() == Block.Kind.CAPTION) { spans.add(new int[] {b.start(), b.end()}); return spans; }
        int start = b.start();
        for (int i = b.start(); i < b.end(); i++) {
            char c = text.charAt(i);
            boolean cut = false;
            int at = i + 1;
            if (b.kind() == Block.Kind.TABLE && c == '\n') {
                add(text, spans, start, i);
                start = i + 1;
                continue;
            }
            if (Chars.isSentenceEnd(c) || (c == '.' && i + 2 < b.end() && text.charAt(i + 1) == ' ' && Character.isUpperCase(text.charAt(i + 2)))) {
                while (at < b.end() && "”’)".indexOf(text.charAt(at)) >= 0) at++;
                cut = true;
            } else if (Chars.isCircledNumber(c) && i > start) {
                cut = true;
                at = i;
            }
            if (cut) {
                add(text, spans, start, at);
                start = at;
                i = at - 1;
            }
        }
        add(text, spans, start, b.end());
        return spans;
    }

    private static void add(String text, List<int[]> spans, int start, int end) {
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\n')) start++;
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\n')) end--;
        if (end > start) spans.add(new int[] {start, end});
    }
}
