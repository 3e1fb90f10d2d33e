package org.nqpfkg.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The project's data files (ontology, vocabulary, shapes), read from a folder when one is given
 * (so edits take effect without a rebuild) or else from the copy bundled in the jar.
 */
public final class OntologyFiles {
    /** File name → named graph IRI; the order is the order they are loaded in. */
    public static final Map<String, String> GRAPHS = new LinkedHashMap<>();
    static {
        GRAPHS.put("nqpf.ttl", Vocab.ONTOLOGY_GRAPH);
        GRAPHS.put("vocabulary.ttl", Vocab.VOCABULARY_GRAPH);
        GRAPHS.put("shapes.ttl", Vocab.SHAPES_GRAPH);
    }

    /** Named graphs of linkset files start with this; each file {@code links/NAME.ttl} is the graph {@code …/links/NAME}. */
    public static final String LINKSET_GRAPHS = Vocab.GRAPH + "links/";
    /** The linkset files bundled in the jar (a jar cannot be listed the way a folder can). */
    private static final java.util.List<String> BUNDLED_LINKSETS = java.util.List.of("wikidata-organizations.ttl");

    private final Path folder;

    private OntologyFiles(Path folder) { this.folder = folder; }

    /** Files from {@code folder} if it holds the ontology, else the bundled copy. */
    public static OntologyFiles from(Path folder) {
        return new OntologyFiles(folder != null && Files.isRegularFile(folder.resolve("nqpf.ttl")) ? folder : null);
    }

    public static OntologyFiles bundled() { return new OntologyFiles(null); }

    /** Same folder, same files: lets callers cache what they derive from them. */
    @Override
    public boolean equals(Object o) { return o instanceof OntologyFiles other && java.util.Objects.equals(folder, other.folder); }

    @Override
    public int hashCode() { return java.util.Objects.hashCode(folder); }

    public String origin() { return folder == null ? "bundled copy" : folder.toString(); }

    public byte[] bytes(String file) { return read(folder, "ontology", file); }

    /** A file from {@code dir} when there is one, else from the jar's folder {@code bundled}. */
    private static byte[] read(Path dir, String bundled, String file) {
        try {
            if (dir != null) return Files.readAllBytes(dir.resolve(file));
            try (InputStream in = OntologyFiles.class.getResourceAsStream("/" + bundled + "/" + file)) {
                if (in == null) throw new IllegalStateException("bundled " + bundled + " file missing: " + file);
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bundled + " file " + file, e);
        }
    }

    /**
     * A plain-text word list (one entry per line): the folder's copy where it has one, else the bundled
     * copy, since a folder made for an older loader may hold the RDF files without the word lists.
     */
    public String text(String file) {
        if (folder != null && Files.isRegularFile(folder.resolve(file))) return new String(bytes(file), java.nio.charset.StandardCharsets.UTF_8);
        return new String(bundled().bytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    public Graph graph(String file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().fromString(new String(bytes(file), java.nio.charset.StandardCharsets.UTF_8))
                .base(Vocab.BASE).lang(Lang.TURTLE).parse(g);
        return g;
    }

    /**
     * A word list under the ontology folder (one entry per line, {@code #} starts a comment line): data an
     * analyst extends without touching code. A list missing from a folder comes from the bundled copy.
     */
    public java.util.List<String> words(String file) {
        byte[] content;
        try {
            content = bytes(file);
        } catch (IllegalStateException | UncheckedIOException e) {
            // A folder made before this list existed: its other files still apply, this list comes from the jar.
            if (folder == null) return java.util.List.of();
            return bundled().words(file);
        }
        return parseWords(new String(content, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The entries of a word list's text, in order: stripped, NFC, without blank and # lines. */
    public static java.util.List<String> parseWords(String text) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String line : text.split("\\R")) {
            String w = java.text.Normalizer.normalize(line.strip(), java.text.Normalizer.Form.NFC);
            if (!w.isEmpty() && !w.startsWith("#")) words.add(w);
        }
        return java.util.List.copyOf(words);
    }

    /**
     * The linkset files, links to other datasets kept as data: {@code links/*.ttl} beside the ontology folder when
     * there is one, else the bundled copy. File name → the named graph it is loaded into.
     */
    public Map<String, String> linksets() {
        Map<String, String> graphs = new java.util.TreeMap<>();
        Path links = linksFolder();
        if (links != null) {
            try (var files = Files.list(links)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ttl")).forEach(n -> graphs.put(n, linksetGraph(n)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the linkset folder " + links, e);
            }
        } else {
            BUNDLED_LINKSETS.forEach(n -> graphs.put(n, linksetGraph(n)));
        }
        return graphs;
    }

    public byte[] linksetBytes(String file) { return read(linksFolder(), "links", file); }

    public Graph linkset(String file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().fromString(new String(linksetBytes(file), java.nio.charset.StandardCharsets.UTF_8))
                .base(Vocab.BASE).lang(Lang.TURTLE).parse(g);
        return g;
    }

    private static String linksetGraph(String file) { return LINKSET_GRAPHS + file.replaceFirst("\\.ttl$", ""); }

    /** {@code links/} beside an ontology folder, if there is one. */
    private Path linksFolder() {
        if (folder == null) return null;
        Path links = folder.toAbsolutePath().normalize().resolveSibling("links");
        return Files.isDirectory(links) ? links : null;
    }

    /** Ontology and vocabulary together: the reference data a document graph is validated with. */
    public Graph reference() {
        Graph g = graph("nqpf.ttl");
        graph("vocabulary.ttl").find().forEach(g::add);
        return g;
    }
}
