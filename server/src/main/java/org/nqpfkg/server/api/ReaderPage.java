package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/**
 * The document reader: a document's normalised text with its sections as a table of contents, every mention and
 * evidence span highlighted (a click opens the concept's page), and optionally one span (start, end in code points,
 * as the graph counts them) marked as the target the page opens at.
 */
final class ReaderPage {
    private static final String DOCUMENT = "SELECT ?text ?title WHERE { ?x a nqpf:Document ; nif:isString ?text . OPTIONAL { ?x dcterms:title ?title } } LIMIT 1";
    private static final String SECTIONS = """
            SELECT ?s ?num ?title ?b ?parent WHERE {
              ?s a nqpf:Section ; nif:referenceContext ?x ; nif:beginIndex ?b .
              OPTIONAL { ?s nqpf:sectionNumber ?num } OPTIONAL { ?s dcterms:title ?title } OPTIONAL { ?s nqpf:parentSection ?parent }
            } ORDER BY ?b ?s""";
    private static final String MENTIONS = "SELECT ?c ?b ?e WHERE { ?m nif:referenceContext ?x ; itsrdf:taIdentRef ?c ; nif:beginIndex ?b ; nif:endIndex ?e }";
    // What an evidence span supports: a concept directly, or a statement, which the reader shows as its subject.
    private static final String EVIDENCE = """
            SELECT ?c ?b ?e WHERE {
              ?ev a nqpf:Evidence ; nif:referenceContext ?x ; nif:beginIndex ?b ; nif:endIndex ?e .
              ?owner nqpf:evidence ?ev .
              OPTIONAL { ?owner rdf:subject ?subject }
              BIND(COALESCE(?subject, ?owner) AS ?c)
            }""";
    private static final String LABELS = "SELECT ?x ?label WHERE { ?x rdfs:label|skos:prefLabel ?label }";

    private final DatasetGraph dsg;

    ReaderPage(DatasetGraph dsg) { this.dsg = dsg; }

    /** A highlighted stretch of text: a mention of a concept, or evidence for something said about it. */
    record Span(int start, int end, String concept, boolean evidence) {
        int length() { return end - start; }
    }

    /** The reader page of a document, or null if there is no such document. Start and end are both null or both set. */
    String render(String id, Integer start, Integer end) {
        Node doc = Vocab.iri(Kind.DOCUMENTS.iri(id));
        return Txn.calculateRead(dsg, () -> {
            Map<String, Node> x = Map.of("x", doc);
            List<Binding> rows = Sparql.select(dsg, DOCUMENT, x, null);
            if (rows.isEmpty()) return null;
            String text = Sparql.str(rows.get(0), "text");
            String title = Sparql.str(rows.get(0), "title");
            List<Span> spans = new ArrayList<>();
            for (Binding b : Sparql.select(dsg, MENTIONS, x, null)) spans.add(span(b, false));
            for (Binding b : Sparql.select(dsg, EVIDENCE, x, null)) spans.add(span(b, true));
            java.util.Set<String> concepts = new java.util.LinkedHashSet<>();
            spans.forEach(s -> concepts.add(s.concept()));
            Map<String, Map<String, String>> labels = new HashMap<>();
            if (!concepts.isEmpty())
                for (Binding b : Sparql.select(dsg, LABELS, Map.of(), concepts)) Items.putLabel(labels, Sparql.str(b, "x"), b.get("label"));
            List<Binding> sections = Sparql.select(dsg, SECTIONS, x, null);
            int length = text.codePointCount(0, text.length());
            if (start != null && (start < 0 || end > length || start >= end))
                throw Problem.badRequest("start and end must satisfy 0 <= start < end <= " + length + " (the text's length in characters)");
            String body = "<div class=\"reader\">\n<nav class=\"toc\" id=\"toc\"><h2>Contents <small>目录</small></h2>\n" + toc(sections) + "</nav>\n"
                    + "<article class=\"doc\"><p class=\"kind\">document</p><h1>" + Html.esc(title == null ? id : title) + "</h1>\n"
                    + "<p class=\"doc-links\"><a href=\"/page/document/" + Html.esc(id) + "\">about this document</a> · <a href=\"/api/documents/"
                    + Html.esc(id) + "/text\">plain text</a> · <span class=\"legend\"><span class=\"hl m\">mention</span> <span class=\"hl ev\">evidence</span>"
                    + (start == null ? "" : " <mark class=\"target\">opened span " + start + "–" + end + "</mark>") + "</span></p>\n"
                    + "<div class=\"doc-text\" id=\"text\" data-document=\"" + Html.esc(id) + "\">"
                    + text(text, spans, labels, sectionStarts(sections), start, end) + "</div></article>\n</div>\n";
            return Html.page(title == null ? id : title, body, "/static/reader.js");
        });
    }

    private static Span span(Binding b, boolean evidence) {
        return new Span(Sparql.integer(b, "b"), Sparql.integer(b, "e"), Sparql.str(b, "c"), evidence);
    }

    private static String sectionAnchor(String sectionIri) { return "sec-" + Sparql.id(sectionIri); }

    private static Map<Integer, List<String>> sectionStarts(List<Binding> sections) {
        Map<Integer, List<String>> starts = new HashMap<>();
        for (Binding b : sections) starts.computeIfAbsent(Sparql.integer(b, "b"), k -> new ArrayList<>()).add(sectionAnchor(Sparql.str(b, "s")));
        return starts;
    }

    /** Nested lists following each section's parent. */
    private static String toc(List<Binding> sections) {
        Map<String, List<Binding>> children = new HashMap<>();
        for (Binding b : sections) children.computeIfAbsent(String.valueOf(Sparql.str(b, "parent")), k -> new ArrayList<>()).add(b);
        StringBuilder out = new StringBuilder();
        tocLevel(children, "null", out, 0);
        return out.toString();
    }

    private static void tocLevel(Map<String, List<Binding>> children, String parent, StringBuilder out, int depth) {
        List<Binding> here = children.get(parent);
        if (here == null || depth > 8) return;
        out.append("<ul>");
        for (Binding b : here) {
            String num = Sparql.str(b, "num");
            String title = Sparql.str(b, "title");
            out.append("<li><a href=\"#").append(sectionAnchor(Sparql.str(b, "s"))).append("\">")
                    .append(Html.esc(title == null ? num : num == null || title.startsWith(num) ? title : num + " " + title)).append("</a>");
            tocLevel(children, Sparql.str(b, "s"), out, depth + 1);
            out.append("</li>");
        }
        out.append("</ul>\n");
    }

    /**
     * The text cut at every span boundary, so each piece is covered by a fixed set of spans: a piece inside a
     * mention links to the innermost mentioned concept, one inside evidence only to what the evidence supports.
     */
    static String text(String text, List<Span> spans, Map<String, Map<String, String>> labels, Map<Integer, List<String>> anchors,
                       Integer targetStart, Integer targetEnd) {
        int[] cps = text.codePoints().toArray();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, cps.length));
        for (Span s : spans) if (s.start() >= 0 && s.end() <= cps.length && s.start() < s.end()) { cuts.add(s.start()); cuts.add(s.end()); }
        cuts.addAll(anchors.keySet());
        if (targetStart != null) { cuts.add(targetStart); cuts.add(targetEnd); }
        cuts.removeIf(c -> c < 0 || c > cps.length);
        List<Span> byStart = new ArrayList<>(spans);
        byStart.sort(Comparator.comparingInt(Span::start));
        List<Span> active = new ArrayList<>();
        int next = 0;
        StringBuilder out = new StringBuilder(text.length() * 2);
        boolean targetOpened = false;
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && previous < cut) {
                int a = previous;
                active.removeIf(s -> s.end() <= a);
                while (next < byStart.size() && byStart.get(next).start() <= a) {
                    Span s = byStart.get(next++);
                    if (s.end() > a) active.add(s);
                }
                String piece = Html.esc(new String(cps, a, cut - a));
                boolean target = targetStart != null && a >= targetStart && cut <= targetEnd;
                // The first piece of the target carries the id the URL's #target fragment scrolls to.
                String targetAttrs = !target ? "" : targetOpened ? "" : " id=\"target\"";
                if (target) targetOpened = true;
                if (active.isEmpty()) {
                    out.append(target ? "<mark class=\"target\"" + targetAttrs + ">" + piece + "</mark>" : piece);
                } else {
                    Span inner = active.stream().filter(s -> !s.evidence()).min(Comparator.comparingInt(Span::length))
                            .orElseGet(() -> active.stream().min(Comparator.comparingInt(Span::length)).get());
                    boolean mention = active.stream().anyMatch(s -> !s.evidence());
                    boolean evidence = active.stream().anyMatch(Span::evidence);
                    String page = Html.pageOf(inner.concept());
                    Map<String, String> l = labels.get(inner.concept());
                    String tip = l == null ? Sparql.id(inner.concept()) : l.getOrDefault("zh", "") + (l.containsKey("en") ? " · " + l.get("en") : "");
                    out.append("<a class=\"hl").append(mention ? " m" : "").append(evidence ? " ev" : "").append(target ? " target" : "").append("\"")
                            .append(targetAttrs)
                            .append(" href=\"").append(Html.esc(page == null ? inner.concept() : page)).append("\" title=\"").append(Html.esc(tip))
                            .append("\" data-start=\"").append(a).append("\" data-end=\"").append(cut).append("\">").append(piece).append("</a>");
                }
            }
            for (String anchor : anchors.getOrDefault(cut, List.of())) out.append("<span class=\"sec-anchor\" id=\"").append(anchor).append("\"></span>");
            previous = cut;
        }
        return out.toString();
    }
}
