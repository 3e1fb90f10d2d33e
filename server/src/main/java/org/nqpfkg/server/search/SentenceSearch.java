package org.nqpfkg.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.system.Txn;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * Full-text search over the sentences of the loaded documents ({@code nqpf:Sentence} with
 * {@code nif:anchorOf}), through jena-text's {@code text:query} on the store's dataset.
 *
 * <p>Each whitespace-separated term of the user's query becomes a Lucene phrase (escaped for the query
 * syntax), and the phrases are joined by AND: {@code 能力整合} is segmented into 能力 + 整合 and matches the
 * two words next to each other, not sentences with only one of them. The Lucene query string reaches
 * SPARQL only as a literal bound by substitution, never as query text; the page's sentences are put in
 * the detail queries as a VALUES block built with Jena's syntax API.
 *
 * <p>Snippets are made with Lucene's highlighter from the same query and analyzer (jena-text's own
 * {@code highlight:} option does the same but opens the index again for every sentence, some 10 ms each).
 */
public final class SentenceSearch {
    /** Longest accepted query, in characters (code points). */
    public static final int MAX_QUERY_LENGTH = 200;
    /**
     * Most index hits looked at for one query, best first: what bounds a search's cost at any corpus size (with
     * 10,000 hits, a common word took half a second at 10,000 documents, and each hit is joined and sorted).
     */
    public static final int MAX_HITS = 1_000;
    /** Largest page. */
    public static final int MAX_LIMIT = 100;

    /** Highlight markers: private-use characters, replaced by {@code <mark>} after HTML escaping. */
    private static final String MARK_START = "\uE000";
    private static final String MARK_END = "\uE001";
    /** Separates terms: any Unicode white space, including the ideographic space U+3000. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** SmartChineseAnalyzer, as the index uses; analyzers are thread-safe. */
    private static final Analyzer ANALYZER = TextIndex.analyzer();

    private static final String PREFIXES = Vocab.PREFIXES + "PREFIX text: <http://jena.apache.org/text#>\n";

    /** Every matching sentence with its score, best first; ?q is the Lucene query literal. */
    private static final Query RANKED = QueryFactory.create(PREFIXES + """
            SELECT ?s ?score ?begin WHERE {
              (?s ?score) text:query (nif:anchorOf ?q %d) .
              ?s a nqpf:Sentence .
              OPTIONAL { ?s nif:referenceContext ?doc }
              OPTIONAL { ?s nif:beginIndex ?begin }
            } ORDER BY DESC(?score) STR(?doc) ?begin STR(?s)
            """.formatted(MAX_HITS));

    /** Text, document, section and offsets of the sentences bound to ?s (a VALUES block put in front). */
    private static final Query DETAIL = QueryFactory.create(PREFIXES + """
            SELECT ?s ?text ?slug ?number ?title ?begin ?end WHERE {
              ?s nif:anchorOf ?text .
              OPTIONAL { ?s nif:beginIndex ?begin }
              OPTIONAL { ?s nif:endIndex ?end }
              OPTIONAL { ?s nif:referenceContext/nqpf:slug ?slug }
              OPTIONAL { ?s nqpf:section ?sec .
                         OPTIONAL { ?sec dcterms:title ?title }
                         OPTIONAL { ?sec nqpf:sectionNumber ?number } }
            }
            """);

    /** What the sentences bound to ?s mention. */
    private static final Query MENTIONS = QueryFactory.create(PREFIXES + """
            SELECT ?s ?m ?label ?type WHERE {
              ?s nqpf:mentions ?m .
              OPTIONAL { ?m rdfs:label ?label }
              OPTIONAL { ?m a ?type FILTER(STRSTARTS(STR(?type), STR(nqpf:))) }
            }
            """);

    public record SearchResult(long total, List<Hit> hits) {}

    /**
     * One matching sentence. {@code start}/{@code end} are code-point offsets into the document's
     * {@code nif:isString} (-1 if unknown); {@code snippet} is the sentence as HTML-escaped text with the
     * matched words in {@code <mark>…</mark>}; {@code sectionTitle} is number and title, or null.
     */
    public record Hit(String sentenceIri, String sentenceId, String text, String documentId, String sectionTitle,
                      int start, int end, double score, String snippet, List<Mention> mentions) {}

    /** A thing the sentence mentions: id relative to the id base, IRI, Chinese (else English) label, nqpf type. */
    public record Mention(String id, String iri, String label, String type) {}

    private final DatasetGraph dsg;

    public SentenceSearch(KnowledgeStore store) { this(store.datasetGraph()); }

    /** {@code dsg} must be the text-indexed dataset ({@link TextIndex#datasetGraph()}). */
    public SentenceSearch(DatasetGraph dsg) { this.dsg = dsg; }

    /**
     * Sentences matching every term of {@code userQuery}, best first, {@code limit} of them from
     * {@code offset}; {@code total} counts all matching sentences (among the first {@value #MAX_HITS}
     * index hits).
     *
     * @throws IllegalArgumentException for an empty, blank or over-long query, or a bad limit or offset
     */
    public SearchResult search(String userQuery, int limit, int offset) {
        String lucene = luceneQuery(userQuery);
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative, was " + offset);
        if (lucene == null) return new SearchResult(0, List.of());   // nothing searchable, e.g. only punctuation
        Node q = NodeFactory.createLiteralString(lucene);
        return Txn.calculateRead(dsg, () -> {
            Map<Node, Double> ranked = new LinkedHashMap<>();
            try (QueryExec qe = QueryExec.dataset(dsg).query(RANKED).substitution("q", q).build()) {
                RowSet rows = qe.select();
                while (rows.hasNext()) {
                    Binding b = rows.next();
                    ranked.putIfAbsent(b.get("s"), number(b.get("score")));
                }
            }
            List<Node> page = ranked.keySet().stream().skip(offset).limit(limit).toList();
            if (page.isEmpty()) return new SearchResult(ranked.size(), List.of());
            Map<Node, Binding> details = details(page);
            Map<Node, List<Mention>> mentions = mentions(page);
            Highlighting highlighting = new Highlighting(lucene);
            List<Hit> hits = new ArrayList<>();
            for (Node s : page) {
                Binding b = details.get(s);
                String text = b == null ? null : lexical(b.get("text"));
                String number = b == null ? null : lexical(b.get("number"));
                String title = b == null ? null : lexical(b.get("title"));
                String section = title == null ? number : number == null ? title : number + " " + title;
                hits.add(new Hit(s.getURI(), lastSegments(s.getURI()), text, b == null ? null : lexical(b.get("slug")), section,
                        b == null ? -1 : integer(b.get("begin")), b == null ? -1 : integer(b.get("end")), ranked.get(s),
                        highlighting.snippet(text), mentions.getOrDefault(s, List.of())));
            }
            return new SearchResult(ranked.size(), List.copyOf(hits));
        });
    }

    /**
     * The Lucene query for a user's query: each whitespace-separated term escaped and quoted as a phrase,
     * the phrases joined by AND; terms with nothing the analyzer keeps (punctuation) are left out, and
     * {@code null} is returned when nothing is left.
     *
     * @throws IllegalArgumentException for an empty, blank or over-long query
     */
    public static String luceneQuery(String userQuery) {
        if (userQuery == null || WHITESPACE.matcher(userQuery).replaceAll("").isEmpty())
            throw new IllegalArgumentException("the search query is empty: give one or more words to search for");
        String trimmed = WHITESPACE.matcher(userQuery).replaceAll(" ").strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_QUERY_LENGTH)
            throw new IllegalArgumentException("the search query is too long: " + length + " characters, at most " + MAX_QUERY_LENGTH);
        List<String> phrases = new ArrayList<>();
        for (String term : trimmed.split(" ")) {
            if (term.isEmpty() || !hasTokens(term)) continue;
            phrases.add("\"" + QueryParserBase.escape(term) + "\"");
        }
        return phrases.isEmpty() ? null : String.join(" AND ", phrases);
    }

    private static boolean hasTokens(String term) {
        try (TokenStream ts = ANALYZER.tokenStream(TextIndex.FIELD_TEXT, term)) {
            ts.reset();
            boolean any = ts.incrementToken();
            ts.end();
            return any;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query with a VALUES block binding ?s to the page's sentences put first in its pattern (Jena syntax API, no text pasting). */
    private static Query forSentences(Query template, List<Node> sentences) {
        Query query = template.cloneQuery();
        Var s = Var.alloc("s");
        ElementData values = new ElementData();
        values.add(s);
        sentences.forEach(n -> values.add(BindingFactory.binding(s, n)));
        ElementGroup group = new ElementGroup();
        group.addElement(values);
        ((ElementGroup) query.getQueryPattern()).getElements().forEach(group::addElement);
        query.setQueryPattern(group);
        return query;
    }

    private Map<Node, Binding> details(List<Node> page) {
        Map<Node, Binding> out = new HashMap<>();
        try (QueryExec qe = QueryExec.dataset(dsg).query(forSentences(DETAIL, page)).build()) {
            qe.select().forEachRemaining(b -> out.putIfAbsent(b.get("s"), b));
        }
        return out;
    }

    private Map<Node, List<Mention>> mentions(List<Node> page) {
        // Per sentence and thing: the Chinese label if there is one, else English, else any; the first nqpf type by name.
        Map<Node, Map<String, String[]>> found = new HashMap<>();
        try (QueryExec qe = QueryExec.dataset(dsg).query(forSentences(MENTIONS, page)).build()) {
            qe.select().forEachRemaining(b -> {
                Node m = b.get("m");
                if (m == null || !m.isURI()) return;
                String[] best = found.computeIfAbsent(b.get("s"), k -> new TreeMap<>()).computeIfAbsent(m.getURI(), k -> new String[3]);
                Node label = b.get("label");
                if (label != null && label.isLiteral() && (best[1] == null || languageRank(label.getLiteralLanguage()) < languageRank(best[2]))) {
                    best[1] = label.getLiteralLexicalForm();
                    best[2] = label.getLiteralLanguage();
                }
                Node type = b.get("type");
                if (type != null && type.isURI()) {
                    String local = type.getURI().substring(Vocab.NQPF.length());
                    if (best[0] == null || local.compareTo(best[0]) < 0) best[0] = local;
                }
            });
        }
        Map<Node, List<Mention>> out = new HashMap<>();
        found.forEach((s, things) -> {
            List<Mention> list = new ArrayList<>();
            things.forEach((iri, v) -> list.add(new Mention(id(iri), iri, v[1], v[0])));
            out.put(s, List.copyOf(list));
        });
        return out;
    }

    private static int languageRank(String lang) {
        String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        return l.equals("zh") || l.startsWith("zh-") ? 0 : l.equals("en") || l.startsWith("en-") ? 1 : 2;
    }

    /**
     * Marks the words of a Lucene query in sentence texts with Lucene's highlighter, analysing as the index does,
     * so what is marked is what matched (both words of a phrase, stemmed English forms).
     */
    static final class Highlighting {
        private final Highlighter highlighter;

        Highlighting(String luceneQuery) {
            Highlighter h = null;
            try {
                org.apache.lucene.search.Query query = new QueryParser(TextIndex.FIELD_TEXT, ANALYZER).parse(luceneQuery);
                h = new Highlighter(new SimpleHTMLFormatter(MARK_START, MARK_END), new QueryScorer(query, TextIndex.FIELD_TEXT));
                h.setTextFragmenter(new NullFragmenter());
                h.setMaxDocCharsToAnalyze(Integer.MAX_VALUE);
            } catch (ParseException e) {
                // Not expected for an escaped query; the snippets are then the plain (escaped) text.
            }
            this.highlighter = h;
        }

        /**
         * The sentence as HTML-safe text with the matched words in {@code <mark>…</mark>}: the text is escaped
         * first, so the marks are the only markup; adjacent marks (the words of a phrase) are merged.
         */
        String snippet(String text) {
            if (text == null) return null;
            String marked = null;
            if (highlighter != null && !text.contains(MARK_START) && !text.contains(MARK_END)) {
                try {
                    marked = highlighter.getBestFragment(ANALYZER, TextIndex.FIELD_TEXT, text);
                } catch (IOException | InvalidTokenOffsetsException e) {
                    marked = null;
                }
                if (marked != null && !marked.replace(MARK_START, "").replace(MARK_END, "").equals(text)) marked = null;
            }
            String base = marked == null ? text : marked.replace(MARK_END + MARK_START, "");
            return escapeHtml(base).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>");
        }
    }

    static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** "sentence/57" from ".../document/slug/sentence/57". */
    static String lastSegments(String iri) {
        int last = iri.lastIndexOf('/');
        int before = last > 0 ? iri.lastIndexOf('/', last - 1) : -1;
        return before >= 0 ? iri.substring(before + 1) : iri;
    }

    /** "mechanism/neng-li-zheng-he-ji-zhi" for the project's own things, else the last two segments. */
    static String id(String iri) {
        return iri.startsWith(Vocab.ID) ? iri.substring(Vocab.ID.length()) : lastSegments(iri);
    }

    private static String lexical(Node n) { return n == null || !n.isLiteral() ? null : n.getLiteralLexicalForm(); }

    private static int integer(Node n) {
        if (n == null || !n.isLiteral()) return -1;
        try {
            return Integer.parseInt(n.getLiteralLexicalForm().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double number(Node n) {
        Object v = n.getLiteralValue();
        return v instanceof Number num ? num.doubleValue() : Double.parseDouble(n.getLiteralLexicalForm());
    }
}
