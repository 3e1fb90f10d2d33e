package org.nqpfkg.server.api;

import java.util.Map;
import org.nqpfkg.loader.Vocab;

/**
 * The pieces every HTML page shares: escaping, the page shell (header, navigation, language switch), bilingual
 * labels and links from IRIs to pages. Pages carry no inline script, so a strict Content-Security-Policy can come later.
 */
final class Html {
    static final String TERMS = Vocab.BASE + "vocab/term/";

    private Html() {}

    static String esc(String s) {
        return s == null ? "" : org.nqpfkg.server.lod.RdfHtml.esc(s);
    }

    /**
     * A label in both languages; the page's language switch (site.js, site.css) shows one of them. A missing English
     * label falls back to the Chinese one, and a missing label to the fallback (an id or IRI).
     */
    static String label(Map<String, String> label, String fallback) {
        String zh = label == null ? null : label.get("zh");
        String en = label == null ? null : label.get("en");
        if (zh == null) zh = en != null ? en : fallback;
        return "<span class=\"lbl\"><span lang=\"zh\">" + esc(zh) + "</span><span lang=\"en\"" + (en == null ? " class=\"fallback\"" : "") + ">"
                + esc(en == null ? zh : en) + "</span></span>";
    }

    /** A page for a resource of this graph (under /id/ or a vocabulary term), or null for an IRI of another dataset. */
    static String pageOf(String iri) {
        if (iri.startsWith(Vocab.ID)) return "/page/" + iri.substring(Vocab.ID.length());
        if (iri.startsWith(TERMS)) return "/page/term/" + iri.substring(TERMS.length());
        return null;
    }

    /** The IRI a page stands for: /page/term/x is a vocabulary term, every other page a resource under /id/. */
    static String iriOf(String rest) {
        return rest.startsWith("term/") ? TERMS + rest.substring("term/".length()) : Vocab.ID + rest;
    }

    /** The document reader opened at one span, highlighted. */
    static String readerAt(String document, Integer start, Integer end) {
        return "/read/" + document + (start == null || end == null ? "" : "?start=" + start + "&end=" + end + "#target");
    }

    /** A link to the resource's page when it has one, its IRI otherwise. */
    static String link(String iri, Map<String, String> label) {
        String page = pageOf(iri);
        String href = page != null ? page : iri;
        return "<a href=\"" + esc(href) + "\">" + label(label, Sparql.id(iri)) + "</a>";
    }

    /** The shell of every page: head, header with navigation and the zh/en switch, the body, then the page's scripts. */
    static String page(String title, String body, String... scripts) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!doctype html>\n<html lang=\"zh\" data-lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" · nqpf-kg</title>\n")
                .append("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n")
                .append("<header class=\"site\"><a class=\"brand\" href=\"/\">nqpf-kg <small>新质生产力知识图谱</small></a>\n<nav>")
                .append("<a href=\"/explorer\">Explorer</a><a href=\"/sparql\">SPARQL</a><a href=\"/docs\">API</a>")
                .append("<a href=\"/dumps/\">Dumps</a><a href=\"/.well-known/void\">VoID</a></nav>\n")
                .append("<button type=\"button\" id=\"lang-switch\" title=\"中文 / English\">EN</button></header>\n<main>\n")
                .append(body)
                .append("\n</main>\n<script src=\"/static/site.js\"></script>\n");
        for (String s : scripts) b.append("<script src=\"").append(esc(s)).append("\"></script>\n");
        return b.append("</body>\n</html>\n").toString();
    }

    static ResponseCache.Entry entry(String html) {
        return Responses.entry(200, "text/html; charset=utf-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
