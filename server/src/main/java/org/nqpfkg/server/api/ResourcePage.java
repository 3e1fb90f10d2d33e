package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/**
 * The HTML page of any resource of the graph (level, lens, path, mechanism, family, policy, measure, target,
 * organisation, sector, document, term …): labels in both languages, types, every link with its evidence quotes
 * (each opening the document reader at its span), its own evidence, and the documents that mention it. Built from
 * the graph, not from a list of kinds, so a kind a new document brings gets a page too. Every list is capped, so a
 * page stays the same size however large the corpus grows; the full evidence is paged by the JSON API.
 */
final class ResourcePage {
    static final int LINKS = 300;
    static final int QUOTES_PER_LINK = 3;
    static final int OWN_QUOTES = 10;

    private static final String SPAN = """
            ?ev nif:referenceContext ?d ; nif:anchorOf ?quote ; nif:beginIndex ?b ; nif:endIndex ?e .
            ?d nqpf:slug ?doc .
            OPTIONAL { ?ev nqpf:section ?sec . OPTIONAL { ?sec nqpf:sectionNumber ?secNum } OPTIONAL { ?sec dcterms:title ?secTitle } }
            """;
    private static final String FACTS = "SELECT ?p ?o WHERE { ?x ?p ?o FILTER(?p NOT IN (nif:isString, nqpf:evidence)) } LIMIT " + LINKS;
    // Incoming links that are plain structure (text spans pointing at their document, annotations) are left out: a
    // document has thousands, and the reader shows them.
    private static final String INCOMING = """
            SELECT DISTINCT ?s ?p WHERE { ?s ?p ?x
              FILTER(?p NOT IN (rdf:subject, rdf:object, itsrdf:taIdentRef, nif:referenceContext, nqpf:section, nqpf:parentSection,
                                nif:sentence, prov:used, prov:wasGeneratedBy, nqpf:evidence)) } LIMIT %d""".formatted(LINKS);
    private static final String LINK_COUNTS = """
            SELECT ?dir ?p ?o (COUNT(DISTINCT ?ev) AS ?n) WHERE {
              { ?st rdf:subject ?x ; rdf:object ?o . BIND("out" AS ?dir) } UNION { ?st rdf:object ?x ; rdf:subject ?o . BIND("in" AS ?dir) }
              ?st a nqpf:Statement ; rdf:predicate ?p ; nqpf:evidence ?ev .
            } GROUP BY ?dir ?p ?o LIMIT %d""".formatted(LINKS);
    private static final String LINK_QUOTES = """
            SELECT ?dir ?p ?o ?doc ?quote ?b ?e ?secNum ?secTitle WHERE {
              { ?st rdf:subject ?x ; rdf:object ?o . BIND("out" AS ?dir) } UNION { ?st rdf:object ?x ; rdf:subject ?o . BIND("in" AS ?dir) }
              ?st a nqpf:Statement ; rdf:predicate ?p ; nqpf:evidence ?ev .
            """ + SPAN + "} ORDER BY ?dir ?p ?o ?doc ?b ?e LIMIT " + (LINKS * QUOTES_PER_LINK);
    private static final String OWN_COUNT = "SELECT (COUNT(DISTINCT ?ev) AS ?n) WHERE { ?x nqpf:evidence ?ev }";
    private static final String OWN = "SELECT ?doc ?quote ?b ?e ?secNum ?secTitle WHERE { ?x nqpf:evidence ?ev . " + SPAN
            + "} ORDER BY ?doc ?b ?e LIMIT " + OWN_QUOTES;
    // A document has a title, not a label.
    private static final String LABELS = "SELECT ?x ?label WHERE { ?x rdfs:label|skos:prefLabel|dcterms:title ?label }";

    private final DatasetGraph dsg;

    ResourcePage(DatasetGraph dsg) { this.dsg = dsg; }

    /** The page of the resource at {@code rest} (the part of its IRI after /id/, or term/{id}), or null when the graph says nothing of it. */
    String render(String rest) {
        String iri = Html.iriOf(rest);
        return Txn.calculateRead(dsg, () -> {
            Map<String, Node> x = Map.of("x", Vocab.iri(iri));
            List<Binding> facts = Sparql.select(dsg, FACTS, x, null);
            if (facts.isEmpty()) return null;
            List<Binding> incoming = Sparql.select(dsg, INCOMING, x, null);
            List<Binding> linkCounts = Sparql.select(dsg, LINK_COUNTS, x, null);
            List<Binding> linkQuotes = Sparql.select(dsg, LINK_QUOTES, x, null);
            Set<String> named = new LinkedHashSet<>(List.of(iri));
            facts.forEach(b -> { named.add(Sparql.str(b, "p")); if (b.get("o").isURI()) named.add(Sparql.str(b, "o")); });
            incoming.forEach(b -> { named.add(Sparql.str(b, "p")); named.add(Sparql.str(b, "s")); });
            linkCounts.forEach(b -> { named.add(Sparql.str(b, "p")); named.add(Sparql.str(b, "o")); });
            Map<String, Map<String, String>> labels = new HashMap<>();
            for (Binding b : Sparql.select(dsg, LABELS, Map.of(), named)) Items.putLabel(labels, Sparql.str(b, "x"), b.get("label"));
            return new Builder(iri, rest, labels).facts(facts).links(linkCounts, linkQuotes, incoming)
                    .own(count(OWN_COUNT, x), Sparql.select(dsg, OWN, x, null))
                    .mentionedIn(new Mentioned(dsg).of(List.of(iri)).get(iri)).html();
        });
    }

    private long count(String query, Map<String, Node> bind) {
        List<Binding> rows = Sparql.select(dsg, query, bind, null);
        return rows.isEmpty() ? 0 : Long.parseLong(Sparql.str(rows.get(0), "n"));
    }

    /** Writes the page's sections in order. */
    private static final class Builder {
        private final String iri;
        private final String rest;
        private final Map<String, Map<String, String>> labels;
        private final StringBuilder head = new StringBuilder();
        private final StringBuilder body = new StringBuilder();
        private String title;

        Builder(String iri, String rest, Map<String, Map<String, String>> labels) {
            this.iri = iri;
            this.rest = rest;
            this.labels = labels;
        }

        private Map<String, String> labelOf(String iri) { return labels.get(iri); }

        /** The name of a property: its label in the ontology, else its local name. */
        private String property(String p) {
            String local = p.substring(Math.max(p.lastIndexOf('#'), p.lastIndexOf('/')) + 1);
            Map<String, String> l = labelOf(p);
            return l == null ? "<span class=\"prop\">" + Html.esc(local) + "</span>"
                    : "<span class=\"prop\" title=\"" + Html.esc(p) + "\">" + Html.label(l, local) + "</span>";
        }

        /** A class of the ontology links to its members' list; another vocabulary's class to its IRI. */
        private String type(String t) {
            if (!t.startsWith(Vocab.NQPF)) return Html.link(t, labelOf(t));
            String local = t.substring(Vocab.NQPF.length());
            return "<a href=\"/list/" + Html.esc(local) + "\">" + Html.label(labelOf(t), local) + "</a>";
        }

        /** Where the JSON API pages all the evidence of one link, if this resource is of a kind the API lists. */
        private String allEvidence(String p, String other, String n) {
            java.util.Optional<Kind> kind = java.util.Arrays.stream(Kind.values()).filter(k -> rest.equals(k.segment + "/" + Sparql.id(iri))).findFirst();
            if (kind.isEmpty() || Integer.parseInt(n) <= QUOTES_PER_LINK || !p.startsWith(Vocab.NQPF)) return "";
            return " <a class=\"all\" href=\"" + Html.esc(EvidenceRoutes.href(kind.get(), Sparql.id(iri), p.substring(Vocab.NQPF.length()), Sparql.id(other)))
                    + "\" type=\"application/json\">all (JSON)</a>";
        }

        Builder facts(List<Binding> facts) {
            Map<String, String> own = labelOf(iri);
            title = own == null ? Sparql.id(iri) : own.getOrDefault("zh", own.getOrDefault("en", Sparql.id(iri)));
            List<String> types = new ArrayList<>();
            List<String[]> alt = new ArrayList<>();
            StringBuilder rows = new StringBuilder();
            for (Binding b : facts) {
                String p = Sparql.str(b, "p");
                Node o = b.get("o");
                if (p.equals(Vocab.RDF + "type")) { types.add(type(o.getURI())); continue; }
                if (p.equals(Vocab.RDFS + "label") || p.equals(Vocab.SKOS + "prefLabel")) continue;
                if (p.equals(Vocab.SKOS + "altLabel")) { alt.add(new String[] {o.getLiteralLexicalForm(), o.getLiteralLanguage()}); continue; }
                String value = o.isURI() ? Html.link(o.getURI(), labelOf(o.getURI()))
                        : o.isLiteral() ? Html.esc(o.getLiteralLexicalForm()) : "<span class=\"blank\">…</span>";
                rows.append("<tr><th>").append(property(p)).append("</th><td>").append(value).append("</td></tr>\n");
            }
            Map<String, String> l = Items.label(own);
            head.append("<p class=\"kind\">").append(Html.esc(rest.substring(0, rest.indexOf('/')))).append("</p>\n")
                    .append("<h1 id=\"title\">").append(Html.label(own, Sparql.id(iri))).append("</h1>\n<table class=\"facts\">\n")
                    .append("<tr><th>中文</th><td lang=\"zh\" id=\"label-zh\">").append(Html.esc(l.get("zh"))).append("</td></tr>\n")
                    .append("<tr><th>English</th><td lang=\"en\" id=\"label-en\">").append(Html.esc(l.get("en"))).append("</td></tr>\n");
            if (!alt.isEmpty()) {
                head.append("<tr><th>also called</th><td>");
                head.append(String.join("; ", alt.stream().map(a -> "<span lang=\"" + Html.esc(a[1].isEmpty() ? "zh" : a[1]) + "\">" + Html.esc(a[0]) + "</span>").toList()));
                head.append("</td></tr>\n");
            }
            head.append("<tr><th>type</th><td class=\"types\">").append(String.join(", ", types)).append("</td></tr>\n")
                    .append("<tr><th>IRI</th><td><a class=\"iri\" href=\"").append(Html.esc(iri)).append("\">").append(Html.esc(iri)).append("</a>")
                    .append(" · <a href=\"/id/").append(Html.esc(rest)).append("\" type=\"text/turtle\">RDF</a>");
            if (rest.startsWith("document/") && rest.indexOf('/', "document/".length()) < 0)
                head.append(" · <a id=\"read\" href=\"").append(Html.esc(Html.readerAt(Sparql.id(iri), null, null))).append("\">read the text</a>");
            head.append("</td></tr>\n").append(rows).append("</table>\n");
            return this;
        }

        Builder links(List<Binding> counts, List<Binding> quotes, List<Binding> incoming) {
            Map<String, List<String>> quotesOf = new HashMap<>();
            for (Binding b : quotes) {
                String key = Sparql.str(b, "dir") + " " + Sparql.str(b, "p") + " " + Sparql.str(b, "o");
                List<String> q = quotesOf.computeIfAbsent(key, k -> new ArrayList<>());
                if (q.size() < QUOTES_PER_LINK) q.add(quote(b));
            }
            // One section per property and direction: "mechanism → level", "← addresses" …
            Map<String, StringBuilder> groups = new LinkedHashMap<>();
            Set<String> evidenced = new java.util.HashSet<>();
            for (Binding b : counts) {
                String dir = Sparql.str(b, "dir");
                String p = Sparql.str(b, "p");
                String o = Sparql.str(b, "o");
                evidenced.add(dir + " " + p + " " + o);
                StringBuilder g = groups.computeIfAbsent(dir + " " + p, k -> new StringBuilder());
                g.append("<li class=\"link\" data-target=\"").append(Html.esc(o)).append("\">").append(Html.link(o, labelOf(o)))
                        .append(" <span class=\"count\">").append(Sparql.str(b, "n")).append(" quote(s)</span>").append(allEvidence(p, o, Sparql.str(b, "n")))
                        .append("\n<ul class=\"quotes\">")
                        .append(String.join("", quotesOf.getOrDefault(dir + " " + p + " " + o, List.of()))).append("</ul></li>\n");
            }
            for (Binding b : incoming) {
                String s = Sparql.str(b, "s");
                String p = Sparql.str(b, "p");
                if (evidenced.contains("in " + p + " " + s)) continue;
                groups.computeIfAbsent("in " + p, k -> new StringBuilder())
                        .append("<li class=\"link\" data-target=\"").append(Html.esc(s)).append("\">").append(Html.link(s, labelOf(s))).append("</li>\n");
            }
            body.append("<section id=\"links\"><h2>Links <small>关系</small></h2>\n");
            if (groups.isEmpty()) body.append("<p class=\"none\">No evidenced links.</p>\n");
            groups.forEach((key, items) -> {
                String dir = key.substring(0, key.indexOf(' '));
                String p = key.substring(key.indexOf(' ') + 1);
                body.append("<h3>").append(dir.equals("in") ? "← " : "").append(property(p)).append(dir.equals("out") ? " →" : "")
                        .append("</h3>\n<ul class=\"links\" data-property=\"").append(Html.esc(p.substring(p.lastIndexOf('#') + 1))).append("\">\n")
                        .append(items).append("</ul>\n");
            });
            body.append("</section>\n");
            return this;
        }

        Builder own(long total, List<Binding> quotes) {
            if (total == 0) return this;
            java.util.Optional<Kind> kind = java.util.Arrays.stream(Kind.values()).filter(k -> rest.equals(k.segment + "/" + Sparql.id(iri))).findFirst();
            body.append("<section id=\"evidence\"><h2>Evidence <small>证据</small> <span class=\"count\">").append(total).append("</span>");
            if (kind.isPresent() && total > OWN_QUOTES)
                body.append(" <a class=\"all\" href=\"").append(Html.esc(EvidenceRoutes.href(kind.get(), Sparql.id(iri)))).append("\" type=\"application/json\">all (JSON)</a>");
            body.append("</h2>\n<ul class=\"quotes\">");
            quotes.forEach(b -> body.append(quote(b)));
            body.append("</ul></section>\n");
            return this;
        }

        Builder mentionedIn(Map<String, Object> mentioned) {
            body.append("<section id=\"mentioned\"><h2>Mentioned in <small>提及文献</small></h2>\n");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> docs = mentioned == null ? List.of() : (List<Map<String, Object>>) mentioned.get("documents");
            if (docs.isEmpty()) body.append("<p class=\"none\">No document mentions it by name.</p>\n");
            else {
                body.append("<p>").append(mentioned.get("total")).append(" mention(s) in ").append(mentioned.get("documentCount"))
                        .append(" document(s)").append(docs.size() < (Integer) mentioned.get("documentCount") ? "; the " + docs.size() + " that mention it most:" : ":")
                        .append("</p>\n<ul class=\"documents\">");
                for (Map<String, Object> d : docs)
                    body.append("<li><a href=\"").append(Html.esc(Html.readerAt((String) d.get("id"), null, null))).append("\">")
                            .append(Html.esc(d.get("title") == null ? (String) d.get("id") : (String) d.get("title"))).append("</a> <span class=\"count\">")
                            .append(d.get("count")).append("×</span></li>\n");
                body.append("</ul>\n");
            }
            body.append("</section>\n");
            return this;
        }

        private static String quote(Binding b) {
            Map<String, Object> ev = Items.evidence(b);
            String href = Html.readerAt((String) ev.get("document"), (Integer) ev.get("start"), (Integer) ev.get("end"));
            return "<li><a class=\"quote\" href=\"" + Html.esc(href) + "\" data-start=\"" + ev.get("start") + "\" data-end=\"" + ev.get("end") + "\">"
                    + Html.esc((String) ev.get("quote")) + "</a>" + (ev.get("section") == null ? "" : " <span class=\"section\">"
                    + Html.esc((String) ev.get("section")) + "</span>") + "</li>";
        }

        String html() { return Html.page(title, head.toString() + body); }
    }
}
