package org.nqpfkg.loader.extract;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nqpfkg.loader.OntologyFiles;

/**
 * The word lists kept as data beside the ontology (ontology/NAME.txt): one entry a line, blank lines and
 * lines starting with # ignored. Rules read their words from here, so extending a list needs no code change.
 */
public final class WordLists {
    private static final Map<OntologyFiles, WordLists> CACHE = new ConcurrentHashMap<>();

    private final OntologyFiles files;
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();

    private WordLists(OntologyFiles files) { this.files = files; }

    /** The lists of one ontology folder (or of the bundled copy), each read once. */
    public static WordLists of(OntologyFiles files) { return CACHE.computeIfAbsent(files, WordLists::new); }

    /** A list from the folder; from the bundled copy when the folder predates that list (its other files still apply). */
    public List<String> get(String file) {
        return lists.computeIfAbsent(file, f -> parse(new String(bytes(f), StandardCharsets.UTF_8)));
    }

    private byte[] bytes(String file) {
        try {
            return files.bytes(file);
        } catch (UncheckedIOException e) {
            if (files.equals(OntologyFiles.bundled())) throw e;
            return OntologyFiles.bundled().bytes(file);
        }
    }

    static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
        }
        return List.copyOf(out);
    }
}
