package org.nqpfkg.server.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/**
 * The home page: what the graph holds (resources per kind, and per document its statements, evidence and mentions),
 * a search box over the documents' sentences, and the ways in: explorer, query editor, API docs, dumps, VoID.
 */
final class HomePage {
    static final int DOCUMENTS = 100;
    // Counted per class of the ontology (plus vocabulary terms), each an index lookup, leaving out the text's own
    // structure (sentences, phrases, sections), which would be most of a large corpus.
    private static final String KINDS = """
            SELECT ?t (COUNT(DISTINCT ?x) AS ?n) WHERE {
              { ?t a owl:Class FILTER(STRSTARTS(STR(?t), STR(nqpf:))
                  && ?t NOT IN (nqpf:Statement, nqpf:Evidence, nqpf:Sentence, nqpf:Section, nqpf:LoadActivity)) }
              UNION { BIND(skos:Concept AS ?t) }
              ?x a ?t .
            } GROUP BY ?t ORDER BY DESC(?n) ?t""";
    private static final String LABELS = "SELECT ?x ?label WHERE { ?x rdfs:label|skos:prefLabel ?label }";
    private static final String DOCS = """
            SELECT ?d ?slug ?title WHERE { ?d a nqpf:Document ; nqpf:slug ?slug . OPTIONAL { ?d dcterms:title ?title } } ORDER BY ?slug LIMIT %d
            """.formatted(DOCUMENTS);
    private static final String DOC_COUNT = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a nqpf:Document }";
    private static final String STATEMENTS = "SELECT ?x (COUNT(DISTINCT ?st) AS ?n) WHERE { GRAPH ?g { ?x a nqpf:Document . ?st a nqpf:Statement } } GROUP BY ?x";
    private static final String EVIDENCE = "SELECT ?x (COUNT(?ev) AS ?n) WHERE { ?ev a nqpf:Evidence ; nif:referenceContext ?x } GROUP BY ?x";
    private static final String MENTIONS = "SELECT ?x (COUNT(?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?c ; nif:referenceContext ?x } GROUP BY ?x";

    private final DatasetGraph dsg;

    HomePage(DatasetGraph dsg) { this.dsg = dsg; }

    String render() {
        return Txn.calculateRead(dsg, () -> {
            StringBuilder b = new StringBuilder();
            b.append("<section class=\"intro\"><h1>AI and new quality productive forces <small>人工智能与新质生产力</small></h1>\n")
                    .append("<p>A knowledge graph of how artificial intelligence drives the emergence of new quality productive forces (新质生产力): ")
                    .append("levels, lenses, paths, mechanisms, cases and policies, each link backed by a quote from its source.</p>\n")
                    .append("<form id=\"search\" class=\"search\" action=\"/\" method=\"get\" role=\"search\">")
                    .append("<input type=\"search\" name=\"q\" id=\"q\" placeholder=\"搜索 search: 能力整合, 供应链 …\" maxlength=\"200\" required>")
                    .append("<button type=\"submit\">Search</button></form>\n<div id=\"results\" class=\"results\"></div>\n")
                    .append("<ul class=\"ways\"><li><a href=\"/explorer\">Explorer</a> — the paper's three figures as an interactive graph</li>")
                    .append("<li><a href=\"/sparql\">SPARQL query editor</a> — with the named queries as examples</li>")
                    .append("<li><a href=\"/docs\">JSON API</a> (OpenAPI)</li><li><a href=\"/dumps/\">Dumps</a> of the whole graph</li>")
                    .append("<li><a href=\"/.well-known/void\">VoID description</a> of the dataset</li></ul></section>\n");
            b.append("<section id=\"kinds\"><h2>What the graph holds <small>内容</small></h2>\n<table class=\"counts\"><thead><tr><th>kind</th><th>count</th></tr></thead><tbody>\n");
            List<Binding> kinds = Sparql.select(dsg, KINDS, Map.of(), null);
            Map<String, Map<String, String>> labels = new HashMap<>();
            List<String> types = kinds.stream().map(r -> Sparql.str(r, "t")).toList();
            if (!types.isEmpty())
                for (Binding r : Sparql.select(dsg, LABELS, Map.of(), types)) Items.putLabel(labels, Sparql.str(r, "x"), r.get("label"));
            for (Binding r : kinds) {
                String type = Sparql.str(r, "t");
                boolean term = type.equals(Vocab.SKOS + "Concept");
                String local = term ? ListPage.TERM : type.substring(type.indexOf('#') + 1);
                Map<String, String> label = term ? Map.of("zh", "术语", "en", "vocabulary terms") : labels.get(type);
                b.append("<tr><td><a href=\"/list/").append(Html.esc(local)).append("\">").append(Html.label(label, local)).append("</a>")
                        .append("</td><td class=\"n\" data-kind=\"").append(Html.esc(local)).append("\">").append(Sparql.str(r, "n")).append("</td></tr>\n");
            }
            b.append("</tbody></table></section>\n");
            b.append("<section id=\"documents\"><h2>Documents <small>文献</small></h2>\n<table class=\"counts\"><thead><tr><th>document</th>")
                    .append("<th>statements</th><th>evidence spans</th><th>mentions</th></tr></thead><tbody>\n");
            List<Binding> docs = Sparql.select(dsg, DOCS, Map.of(), null);
            List<String> shown = docs.stream().map(r -> Sparql.str(r, "d")).toList();
            Map<String, String> statements = counts(STATEMENTS, shown);
            Map<String, String> evidence = counts(EVIDENCE, shown);
            Map<String, String> mentions = counts(MENTIONS, shown);
            for (Binding r : docs) {
                String d = Sparql.str(r, "d");
                String slug = Sparql.str(r, "slug");
                String title = Sparql.str(r, "title");
                b.append("<tr><td><a href=\"/page/document/").append(Html.esc(slug)).append("\">").append(Html.esc(title == null ? slug : title))
                        .append("</a> · <a href=\"").append(Html.esc(Html.readerAt(slug, null, null))).append("\">read</a></td><td class=\"n\">")
                        .append(statements.getOrDefault(d, "0")).append("</td><td class=\"n\">").append(evidence.getOrDefault(d, "0"))
                        .append("</td><td class=\"n\">").append(mentions.getOrDefault(d, "0")).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
            long total = Long.parseLong(Sparql.str(Sparql.select(dsg, DOC_COUNT, Map.of(), null).get(0), "n"));
            if (total > DOCUMENTS) b.append("<p>").append(DOCUMENTS).append(" of ").append(total)
                    .append(" documents shown; <a href=\"/list/Document\">all documents</a>.</p>\n");
            b.append("</section>\n");
            return Html.page("Home", b.toString(), "/static/home.js");
        });
    }

    /** Per document shown, so the page costs the same however many documents the store holds. */
    private Map<String, String> counts(String query, List<String> documents) {
        Map<String, String> out = new HashMap<>();
        if (documents.isEmpty()) return out;
        for (Binding r : Sparql.select(dsg, query, Map.of(), documents)) out.put(Sparql.str(r, "x"), Sparql.str(r, "n"));
        return out;
    }
}
