package org.nqpfkg.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nqpfkg.loader.link.ConceptTable;
import org.nqpfkg.loader.link.Mentions;

/**
 * Scores the loader on four invented texts of other genres (an opinion with dated targets, a TV news
 * transcript, a proposals roundup, an op-ed) against hand-made tables in {@code src/test/resources/genres}.
 * Mentions are scored against the concepts the graph already knows (the seed paper and the vocabulary).
 * Prints precision and recall for each kind and text; requires precision ≥ 0.9 and recall ≥ 0.8 over the
 * four texts for mentions, targets and organisations.
 */
class GenreScoreTest {
    static final Path GENRES = Path.of("src/test/resources/genres");
    static final List<String> TEXTS = List.of("opinion", "tv-news", "proposals", "op-ed");
    static final OntologyFiles ONTOLOGY = OntologyFiles.bundled();

    static Graph seed;
    static final Graph VOCABULARY = ONTOLOGY.graph("vocabulary.ttl");
    /** Names an organisation goes by (党中央 is 中共中央): a name counts when it is the same organisation. */
    static final org.nqpfkg.loader.extract.Lexicon LEXICON = new org.nqpfkg.loader.extract.Lexicon(VOCABULARY);
    static Set<String> known;   // IRIs of the concepts of the seed and the vocabulary

    @BeforeAll
    static void loadSeed() throws Exception {
        seed = TextSource.read(Path.of("../seeds/ai-new-quality-productive-forces.txt"), LoadOptions.defaults())
                .graphs().values().iterator().next();
        known = new HashSet<>();
        ConceptTable.Contribution.of(seed).concepts().forEach(c -> known.add(c.iri()));
        ConceptTable.Contribution.of(VOCABULARY).concepts().forEach(c -> known.add(c.iri()));
    }

    /** True and found counts of one kind, pooled over texts. */
    static final class Score {
        int expected, found, correct;

        void add(Map<String, Integer> exp, Map<String, Integer> act) {
            exp.values().forEach(v -> expected += v);
            act.values().forEach(v -> found += v);
            exp.forEach((k, v) -> correct += Math.min(v, act.getOrDefault(k, 0)));
        }

        double precision() { return found == 0 ? (expected == 0 ? 1 : 0) : (double) correct / found; }
        double recall() { return expected == 0 ? 1 : (double) correct / expected; }

        @Override
        public String toString() {
            return String.format("P=%.2f R=%.2f (%d expected, %d found, %d right)", precision(), recall(), expected, found, correct);
        }
    }

    @Test
    void theLoaderFindsWhatAReaderFindsInTextsOfOtherGenres() throws Exception {
        Map<String, Score> total = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder("\nkind         text        score\n");
        for (String name : TEXTS) {
            Graph g = TextSource.read(GENRES.resolve(name + ".txt"), LoadOptions.defaults()).graphs().values().iterator().next();
            ConceptTable table = new ConceptTable(ONTOLOGY.words("generic-words.txt"));
            table.add(ConceptTable.Contribution.of(VOCABULARY));
            table.add(ConceptTable.Contribution.of(seed));
            table.add(ConceptTable.Contribution.of(g));
            Mentions.link(g, table.index());
            Map<String, Map<String, Integer>> expected = expected(name);
            Map<String, Map<String, Integer>> actual = actual(g);
            for (String kind : List.of("mention", "target", "organization", "sector", "title")) {
                Score s = new Score();
                s.add(expected.getOrDefault(kind, Map.of()), actual.getOrDefault(kind, Map.of()));
                total.computeIfAbsent(kind, k -> new Score()).add(expected.getOrDefault(kind, Map.of()), actual.getOrDefault(kind, Map.of()));
                report.append(String.format("%-12s %-11s %s%n", kind, name, s));
                if (s.precision() < 1 || s.recall() < 1) report.append(diff(expected.getOrDefault(kind, Map.of()), actual.getOrDefault(kind, Map.of())));
            }
        }
        total.forEach((kind, s) -> report.append(String.format("%-12s %-11s %s%n", kind, "ALL", s)));
        System.out.println(report);
        for (String kind : List.of("mention", "target", "organization")) {
            Score s = total.get(kind);
            assertTrue(s.precision() >= 0.9 && s.recall() >= 0.8, kind + ": " + s + report);
        }
    }

    /** Lines showing what was missed and what was extra, for the report. */
    static String diff(Map<String, Integer> exp, Map<String, Integer> act) {
        List<String> missed = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        exp.forEach((k, v) -> { if (act.getOrDefault(k, 0) < v) missed.add(k + "×" + (v - act.getOrDefault(k, 0))); });
        act.forEach((k, v) -> { if (exp.getOrDefault(k, 0) < v) extra.add(k + "×" + (v - exp.getOrDefault(k, 0))); });
        return "    missed " + missed + "\n    extra  " + extra + "\n";
    }

    /** The hand-made table: kind → key → count. */
    static Map<String, Map<String, Integer>> expected(String name) throws IOException {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (String line : Files.readAllLines(GENRES.resolve(name + ".expected.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            String kind = f[0];
            switch (kind) {
                case "mention" -> out.computeIfAbsent(kind, k -> new HashMap<>()).merge(fold(f[1]) + "→" + fold(f[2]), Integer.parseInt(f[3].strip()), Integer::sum);
                case "target" -> out.computeIfAbsent(kind, k -> new HashMap<>()).merge(f[1].strip() + " " + fold(f.length > 2 ? f[2] : ""), 1, Integer::sum);
                case "organization" -> out.computeIfAbsent(kind, k -> new HashMap<>()).put(LEXICON.canonical(fold(f[1])), 1);
                case "sector" -> out.computeIfAbsent(kind, k -> new HashMap<>()).put(fold(f[1]), 1);
                case "title" -> out.computeIfAbsent(kind, k -> new HashMap<>()).put(title(f[1]), 1);
                default -> { }
            }
        }
        return out;
    }

    /** What the loader found, keyed as the table is. */
    static Map<String, Map<String, Integer>> actual(Graph g) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        g.find(Node.ANY, RDF.type.asNode(), Mentions.PHRASE).mapWith(Triple::getSubject).forEach(m -> {
            Node concept = object(g, m, Mentions.TA_IDENT_REF);
            if (!known.contains(concept.getURI())) return;
            String key = literal(g, m, Vocab.nif("anchorOf")) + "→" + label(concept);
            out.computeIfAbsent("mention", k -> new HashMap<>()).merge(key, 1, Integer::sum);
        });
        g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("Target")).mapWith(Triple::getSubject).forEach(t -> {
            String year = literal(g, t, Vocab.nqpf("targetYear"));
            String value = literal(g, t, Vocab.nqpf("targetValue"));
            out.computeIfAbsent("target", k -> new HashMap<>()).merge(year + " " + (value == null ? "" : fold(value)), 1, Integer::sum);
        });
        g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("Organization")).mapWith(Triple::getSubject).forEach(s ->
                names(g, s).forEach(n -> out.computeIfAbsent("organization", k -> new HashMap<>()).put(LEXICON.canonical(n), 1)));
        g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("Sector")).mapWith(Triple::getSubject).forEach(s ->
                names(g, s).forEach(n -> out.computeIfAbsent("sector", k -> new HashMap<>()).put(n, 1)));
        g.find(Node.ANY, RDF.type.asNode(), Vocab.nqpf("Document")).mapWith(Triple::getSubject).forEach(d ->
                out.computeIfAbsent("title", k -> new HashMap<>()).put(title(literal(g, d, Vocab.dct("title"))), 1));
        return out;
    }

    /** Every Chinese label and alias of a thing: an expected name matches any of them. */
    static Set<String> names(Graph g, Node s) {
        Set<String> names = new HashSet<>();
        for (Node p : List.of(RDFS.label.asNode(), Vocab.skos("altLabel")))
            g.find(s, p, Node.ANY).forEach(t -> {
                if (t.getObject().getLiteralLanguage().startsWith("zh")) names.add(fold(t.getObject().getLiteralLexicalForm()));
            });
        return names;
    }

    /** The Chinese label of a concept, from the seed, the vocabulary or the document. */
    static String label(Node concept) {
        for (Graph g : List.of(seed, VOCABULARY)) {
            var it = g.find(concept, Vocab.skos("prefLabel"), Node.ANY).filterKeep(t -> t.getObject().getLiteralLanguage().startsWith("zh"));
            if (it.hasNext()) return fold(it.next().getObject().getLiteralLexicalForm());
        }
        return concept.getURI();
    }

    static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    static String literal(Graph g, Node s, Node p) {
        Node o = object(g, s, p);
        return o == null ? null : o.getLiteralLexicalForm();
    }

    /** Titles compare without spaces: normalisation drops a space between two Han characters, as PDF text needs. */
    static String title(String s) { return fold(s).replaceAll("\\s+", ""); }

    /** The loader's folding: full-width ASCII to ASCII, NFC, no ideographic spaces. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder();
        s.strip().codePoints().forEach(c -> {
            if (c >= 0xFF01 && c <= 0xFF5E) b.appendCodePoint(c - 0xFEE0);
            else if (c != 0x3000) b.appendCodePoint(c);
        });
        return Normalizer.normalize(b.toString(), Normalizer.Form.NFC);
    }
}
