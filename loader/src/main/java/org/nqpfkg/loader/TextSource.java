package org.nqpfkg.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.nqpfkg.loader.emit.GraphEmitter;
import org.nqpfkg.loader.extract.Extraction;
import org.nqpfkg.loader.extract.Extractor;
import org.nqpfkg.loader.extract.Lexicon;
import org.nqpfkg.loader.extract.WordLists;
import org.nqpfkg.loader.text.Normaliser;
import org.nqpfkg.loader.text.NormalisedText;
import org.nqpfkg.loader.text.Structure;
import org.nqpfkg.loader.text.TextDecoder;

/** A plain-text document (paper, report, policy text) as a load unit: decode → normalise → segment → extract → emit. */
public final class TextSource {
    private TextSource() {}

    private static final Map<OntologyFiles, Lexicon> LEXICONS = new ConcurrentHashMap<>();

    public static boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".md");
    }

    public static LoadUnit read(Path file, LoadOptions options) throws LoadException {
        String raw = TextDecoder.decode(file, options.maxBytes());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(file.getFileName().toString(), raw, bytes, Sidecar.read(file), options);
    }

    /** The pipeline on text already decoded; {@code name} gives the document its id. */
    public static LoadUnit read(String name, String raw, byte[] bytes, Sidecar sidecar, LoadOptions options) {
        Lexicon lexicon = LEXICONS.computeIfAbsent(options.ontology(), Lexicon::new);
        NormalisedText text = Normaliser.normalise(raw);
        Structure structure = Structure.of(text);
        Extraction extraction = new Extractor(lexicon, WordLists.of(options.ontology()), options.knownOrganizations())
                .extract(structure, sidecar.date());
        String slug = GraphEmitter.documentSlug(name);
        GraphEmitter.Metadata meta = new GraphEmitter.Metadata(
                sidecar.title() != null ? sidecar.title() : fallbackTitle(structure, name),
                sidecar.language() != null ? sidecar.language() : language(text.text()),
                // Without a date in the metadata, the date on the text's own dateline (see DocumentDate) dates it.
                sidecar.date() != null ? sidecar.date() : extraction.documentDate(), sidecar.source(), name, Hashes.sha256(bytes),
                options.loaderVersion(), sidecar.rights());
        Graph graph = new GraphEmitter(options.base(), lexicon).emit(slug, meta, structure, extraction);
        return new LoadUnit(name, Map.of(GraphEmitter.graphIri(options.base(), slug), graph), summary(structure, extraction),
                extraction.candidates());
    }

    private static List<String> summary(Structure structure, Extraction ex) {
        Map<String, Integer> byType = new TreeMap<>();
        ex.things().stream().filter(t -> !t.isReference()).forEach(t -> byType.merge(t.kind, 1, Integer::sum));
        if (!ex.targets().isEmpty()) byType.put("Target", ex.targets().size());
        List<String> lines = new ArrayList<>();
        lines.add(structure.sentences().size() + " sentences, " + structure.sections().size() + " sections");
        lines.add("things: " + (byType.isEmpty() ? "none" : byType.toString().replaceAll("[{}]", "")));
        long statements = ex.links().stream().map(l -> l.subject() + " " + l.predicate() + " " + l.object()).distinct().count()
                + ex.things("PolicyDocument").size() + ex.targets().stream().filter(t -> t.horizon() != null).count();
        lines.add(statements + " statements");
        ex.warnings().forEach(w -> lines.add("warning: " + w));
        return lines;
    }

    /**
     * Without a sidecar: a short first line that is not a sentence is the title (news titles often join two
     * phrases with a comma, so a comma is allowed, but not a sentence end or a semicolon), else the first
     * heading, else the file name.
     */
    static String fallbackTitle(Structure structure, String name) {
        var blocks = structure.text().blocks();
        if (!blocks.isEmpty() && blocks.get(0).kind() == org.nqpfkg.loader.text.Block.Kind.PARAGRAPH) {
            String first = structure.text().slice(blocks.get(0).start(), blocks.get(0).end());
            if (first.length() <= 60 && !first.endsWith(",") && !first.endsWith(":")
                    && first.codePoints().noneMatch(c -> c == ';' || org.nqpfkg.loader.text.Chars.isSentenceEnd(c)))
                return first;
        }
        return structure.sections().stream().filter(s -> "body".equals(s.kind) && !s.runIn && s.title != null)
                .map(s -> s.title).findFirst().orElse(name.replaceFirst("\\.[^.]+$", ""));
    }

    static String language(String text) {
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return han * 5 > text.length() ? "zh" : "en";
    }

}
