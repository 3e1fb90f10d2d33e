package org.nqpfkg.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A document's metadata sidecar: {@code NAME.meta.json} ({"title","language","date","source"}) or
 * {@code NAME.meta.ttl} (dcterms:title, dcterms:language, dcterms:date, dcterms:source of any subject).
 */
public record Sidecar(String title, String language, String date, String source) {
    public static final Sidecar NONE = new Sidecar(null, null, null, null);

    public static Sidecar read(Path document) throws LoadException {
        java.util.Optional<Path> file = fileOf(document);
        if (file.isEmpty()) return NONE;
        try {
            if (file.get().getFileName().toString().endsWith(".json")) {
                JsonObject o = JSON.parse(Files.readString(file.get()));
                return new Sidecar(str(o, "title"), str(o, "language"), str(o, "date"), str(o, "source"));
            }
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(file.get()).parse(g);
            return new Sidecar(lit(g, "title"), lit(g, "language"), lit(g, "date"), lit(g, "source"));
        } catch (IOException | JsonParseException | RiotException e) {
            throw new LoadException(document + ": its metadata sidecar cannot be read: " + e.getMessage(), e);
        }
    }

    /** The document's sidecar file, if it has one: NAME.meta.json, else NAME.meta.ttl (or NAME.ttl beside a text). */
    public static java.util.Optional<Path> fileOf(Path document) {
        String stem = document.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path json = document.resolveSibling(stem + ".meta.json");
        Path ttl = document.resolveSibling(stem + ".meta.ttl");
        if (!Files.isRegularFile(ttl)) ttl = plainTtl(document);
        if (Files.isRegularFile(json)) return java.util.Optional.of(json);
        return Files.isRegularFile(ttl) ? java.util.Optional.of(ttl) : java.util.Optional.empty();
    }

    /** A text's sidecar may also be NAME.ttl beside NAME.txt: then that Turtle file describes the text. */
    public static Path plainTtl(Path document) {
        String stem = document.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return TextSource.accepts(document) ? document.resolveSibling(stem + ".ttl") : document.resolveSibling(stem + ".meta.ttl");
    }

    private static String str(JsonObject o, String key) {
        return o.hasKey(key) && o.get(key).isString() ? o.get(key).getAsString().value() : null;
    }

    private static String lit(Graph g, String local) {
        var it = g.find(Node.ANY, Vocab.dct(local), Node.ANY);
        if (!it.hasNext()) return null;
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : o.toString();
    }
}
