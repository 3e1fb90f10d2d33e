package org.nqpfkg.server.lod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.nqpfkg.loader.Vocab;

/**
 * A plain server-rendered page for RDF: one section per resource, with its labels in both languages, its types,
 * its comment and every other statement, IRIs as links. Our own IRIs link to this server's copy of them, so a
 * reader can browse the graph without the public IRIs resolving yet.
 */
public final class RdfHtml {
    private static final Node SKOS_PREF = Vocab.skos("prefLabel");
    private static final Node SKOS_DEF = Vocab.skos("definition");

    private RdfHtml() {}

    /** A page about {@code focus} (in that order), drawn from {@code g}. */
    public static byte[] page(String title, Graph g, List<Node> focus) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}"
                        + "section{border-top:1px solid #ccc;padding:.5rem 0}code{font-size:.9em;color:#555}"
                        + "table{border-collapse:collapse}td{vertical-align:top;padding:.15rem .6rem .15rem 0}"
                        + "td:first-child{color:#555;white-space:nowrap}</style></head><body>\n<h1>")
                .append(esc(title)).append("</h1>\n");
        if (focus.size() > 1) {
            h.append("<nav><ul>");
            for (Node n : focus) h.append("<li><a href=\"#").append(esc(anchor(n))).append("\">").append(esc(label(g, n))).append("</a></li>");
            h.append("</ul></nav>\n");
        }
        for (Node n : focus) section(h, g, n);
        h.append("</body></html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder h, Graph g, Node n) {
        h.append("<section id=\"").append(esc(anchor(n))).append("\" about=\"").append(esc(n.isURI() ? n.getURI() : "")).append("\">\n<h2>");
        String zh = literal(g, n, "zh");
        String en = literal(g, n, "en");
        h.append(esc(zh != null ? zh : label(g, n)));
        if (en != null && zh != null) h.append(" <span lang=\"en\">· ").append(esc(en)).append("</span>");
        h.append("</h2>\n");
        if (n.isURI()) h.append("<p><code>").append(esc(n.getURI())).append("</code></p>\n");
        List<Triple> statements = new ArrayList<>(g.find(n, Node.ANY, Node.ANY).toList());
        statements.sort(Comparator.comparing((Triple t) -> order(t.getPredicate())).thenComparing(t -> t.getPredicate().toString())
                .thenComparing(t -> t.getObject().toString()));
        Map<Node, List<Node>> byPredicate = new LinkedHashMap<>();
        for (Triple t : statements) byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        h.append("<table>\n");
        byPredicate.forEach((p, objects) -> {
            h.append("<tr><td>").append(esc(g.getPrefixMapping().shortForm(p.getURI()))).append("</td><td>");
            for (int i = 0; i < objects.size(); i++) {
                if (i > 0) h.append("<br>");
                value(h, g, objects.get(i));
            }
            h.append("</td></tr>\n");
        });
        h.append("</table>\n</section>\n");
    }

    /** Labels and types first, then comments, then the rest by name. */
    private static int order(Node p) {
        if (p.equals(RDFS.label.asNode()) || p.equals(SKOS_PREF)) return 0;
        if (p.equals(RDF.type.asNode())) return 1;
        if (p.equals(RDFS.comment.asNode()) || p.equals(SKOS_DEF)) return 2;
        if (p.equals(RDFS.domain.asNode()) || p.equals(RDFS.range.asNode())) return 3;
        return 4;
    }

    private static void value(StringBuilder h, Graph g, Node o) {
        if (o.isURI()) {
            String shown = g.getPrefixMapping().shortForm(o.getURI());
            String label = label(g, o);
            h.append("<a href=\"").append(esc(href(o.getURI()))).append("\">").append(esc(label.equals(o.getURI()) ? shown : label)).append("</a>");
            if (!label.equals(o.getURI())) h.append(" <code>").append(esc(shown)).append("</code>");
        } else if (o.isLiteral()) {
            String lang = o.getLiteralLanguage();
            if (lang.isEmpty()) h.append(esc(o.getLiteralLexicalForm()));
            else h.append("<span lang=\"").append(esc(lang)).append("\">").append(esc(o.getLiteralLexicalForm())).append("</span> <code>@")
                    .append(esc(lang)).append("</code>");
        } else {
            h.append("<code>").append(esc(o.toString())).append("</code>");
        }
    }

    /** Where a link to an IRI goes: our own IRIs to this server's copy, others as they are. */
    public static String href(String iri) {
        return iri.startsWith(Vocab.BASE) ? "/" + iri.substring(Vocab.BASE.length()) : iri;
    }

    private static String anchor(Node n) {
        if (!n.isURI()) return "b" + Integer.toHexString(n.hashCode());
        String iri = n.getURI();
        int hash = iri.lastIndexOf('#');
        return hash >= 0 ? iri.substring(hash + 1) : iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** The Chinese label, else the English one, else any, else the IRI. */
    static String label(Graph g, Node n) {
        String zh = literal(g, n, "zh");
        if (zh != null) return zh;
        String en = literal(g, n, "en");
        if (en != null) return en;
        String any = literal(g, n, null);
        if (any != null) return any;
        return n.isURI() ? n.getURI() : n.toString();
    }

    private static String literal(Graph g, Node n, String lang) {
        for (Node p : List.of(RDFS.label.asNode(), SKOS_PREF, Vocab.dct("title"))) {
            var it = g.find(n, p, Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && (lang == null || o.getLiteralLanguage().equals(lang))) return o.getLiteralLexicalForm();
            }
        }
        return null;
    }

    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
