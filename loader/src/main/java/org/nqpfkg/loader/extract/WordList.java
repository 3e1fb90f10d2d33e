package org.nqpfkg.loader.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list as the ontology folder writes it: one entry per line, an optional kind after the first
 * whitespace, blank lines and # comments ignored.
 */
public record WordList(Map<String, String> kinds) {
    /** The kind of an entry written without one. */
    public static final String PLAIN = "";

    public static WordList parse(String text) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) continue;
            String[] parts = entry.split("\\s+", 2);
            kinds.putIfAbsent(parts[0], parts.length > 1 ? parts[1].strip() : PLAIN);
        }
        return new WordList(Map.copyOf(kinds));
    }

    public boolean contains(String word) { return kinds.containsKey(word); }

    public String kind(String word) { return kinds.get(word); }

    /** Entries of one kind, longest first (so that 股份有限公司 is tried before 公司). */
    public List<String> entries(String kind) {
        List<String> out = new ArrayList<>();
        kinds.forEach((w, k) -> { if (k.equals(kind)) out.add(w); });
        out.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        return out;
    }

    /** Every entry, longest first. */
    public List<String> entries() {
        List<String> out = new ArrayList<>(kinds.keySet());
        out.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        return out;
    }
}
