package org.nqpfkg.loader.text;

/**
 * A section of a document: from a heading (一、 / (一) / 1. / 摘要 ...) or a run-in marker that opens a
 * sentence ((1) / 第一, / 首先, / ①, and in a numbered list (七) / 1. / 一、 / 一是; see RunInMarkers).
 * Offsets are UTF-16 indexes into the normalised text.
 */
public final class Section {
    public final int index;
    public final String number;
    public final String title;
    public final String subtitle;
    public final int start;
    int end;
    public final Section parent;
    public final String kind;
    public final int depth;
    public final boolean runIn;
    /** The heading's own span (the run-in's marker sentence), where the title stands. */
    public final int titleStart;
    public final int titleEnd;

    Section(int index, String number, String title, String subtitle, int start, int titleEnd, Section parent,
            String kind, int depth, boolean runIn) {
        this.index = index;
        this.number = number;
        this.title = title;
        this.subtitle = subtitle;
        this.start = start;
        this.titleStart = start;
        this.titleEnd = titleEnd;
        this.end = titleEnd;
        this.parent = parent;
        this.kind = kind;
        this.depth = depth;
        this.runIn = runIn;
    }

    public int end() { return end; }

    public boolean contains(int offset) { return offset >= start && offset < end; }

    /** This section's title and its ancestors', innermost first. */
    public java.util.List<Section> lineage() {
        java.util.List<Section> all = new java.util.ArrayList<>();
        for (Section s = this; s != null; s = s.parent) all.add(s);
        return all;
    }

    @Override
    public String toString() { return (number == null ? "" : number) + (title == null ? "" : title); }
}
