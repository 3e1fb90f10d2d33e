package org.nqpfkg.loader.extract;

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
        return lists.computeIfAbsent(file, files::words);
    }

    static List<String> parse(String text) { return OntologyFiles.parseWords(text); }
}
