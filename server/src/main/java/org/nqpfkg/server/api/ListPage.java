package org.nqpfkg.server.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/** The members of one class of the ontology, a page at a time, each linking to its page: where the home page's counts lead. */
final class ListPage {
    static final int PAGE = 200;
    /** Vocabulary terms are SKOS concepts, not a class of the ontology: listed under this name. */
    static final String TERM = "Term";
    private static final String MEMBERS = "SELECT DISTINCT ?x WHERE { ?x a ?type } ORDER BY ?x LIMIT %d OFFSET %d";
    private static final String COUNT = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?type }";
    private static final String LABELS = "SELECT ?x ?label WHERE { ?x rdfs:label|skos:prefLabel ?label }";

    private final DatasetGraph dsg;

    ListPage(DatasetGraph dsg) { this.dsg = dsg; }

    /** The page, or null when the class has no members. */
    String render(String className, int offset) {
        return Txn.calculateRead(dsg, () -> {
            var type = Map.of("type", className.equals(TERM) ? Vocab.iri(Vocab.SKOS + "Concept") : Vocab.nqpf(className));
            Map<String, Map<String, String>> classLabel = new HashMap<>();
            for (Binding b : Sparql.select(dsg, LABELS, Map.of(), List.of(type.get("type").getURI()))) Items.putLabel(classLabel, Sparql.str(b, "x"), b.get("label"));
            long total = Long.parseLong(Sparql.str(Sparql.select(dsg, COUNT, type, null).get(0), "n"));
            if (total == 0) return null;
            List<String> members = Sparql.select(dsg, MEMBERS.formatted(PAGE, offset), type, null).stream().map(b -> Sparql.str(b, "x")).toList();
            Map<String, Map<String, String>> labels = new HashMap<>();
            if (!members.isEmpty())
                for (Binding b : Sparql.select(dsg, LABELS, Map.of(), members)) Items.putLabel(labels, Sparql.str(b, "x"), b.get("label"));
            StringBuilder out = new StringBuilder("<p class=\"kind\">").append(Html.esc(className)).append("</p><h1>")
                    .append(Html.label(classLabel.get(type.get("type").getURI()), className)).append(" <small>")
                    .append(total).append("</small></h1>\n<ul class=\"members\">\n");
            for (String m : members) out.append("<li>").append(Html.link(m, labels.get(m))).append("</li>\n");
            out.append("</ul>\n<p class=\"pager\">");
            if (offset > 0) out.append("<a href=\"?offset=").append(Math.max(0, offset - PAGE)).append("\">← previous</a> ");
            if (offset + PAGE < total) out.append("<a href=\"?offset=").append(offset + PAGE).append("\">next →</a>");
            return Html.page(className, out.append("</p>\n").toString());
        });
    }
}
