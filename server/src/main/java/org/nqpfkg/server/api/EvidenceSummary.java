package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an item or a link carries of its evidence, whatever the size of the corpus: how many spans, from how
 * many documents, the best {@value #BEST} quotes, and where the rest is paged.
 *
 * <p>Ranking: the thing's home document is the one with most evidence for it (ties: by document id). First
 * the home document's earliest quote — where it is defined; then the earliest quote of each other document,
 * most evidence first; then the home document's further quotes in text order.
 */
final class EvidenceSummary {
    static final int BEST = 3;

    private EvidenceSummary() {}

    /** The summary of {@code evidence} (each {document, quote, start, end, section}); {@code href} pages it all. */
    static Map<String, Object> of(List<Map<String, Object>> evidence, String href) {
        Map<String, List<Map<String, Object>>> byDocument = new TreeMap<>();
        for (Map<String, Object> e : evidence)
            byDocument.computeIfAbsent(String.valueOf(e.get("document")), k -> new ArrayList<>()).add(e);
        byDocument.values().forEach(l -> l.sort(Comparator.comparingInt(e -> e.get("start") == null ? 0 : (Integer) e.get("start"))));
        List<List<Map<String, Object>>> documents = new ArrayList<>(byDocument.values());
        documents.sort(Comparator.comparingInt((List<Map<String, Object>> l) -> -l.size())
                .thenComparing(l -> String.valueOf(l.get(0).get("document"))));
        List<Map<String, Object>> best = new ArrayList<>();
        if (!documents.isEmpty()) {
            List<Map<String, Object>> home = documents.get(0);
            best.add(home.get(0));
            for (List<Map<String, Object>> other : documents.subList(1, documents.size())) {
                if (best.size() == BEST) break;
                best.add(other.get(0));
            }
            for (Map<String, Object> e : home.subList(1, home.size())) {
                if (best.size() == BEST) break;
                best.add(e);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", evidence.size());
        summary.put("documentCount", byDocument.size());
        summary.put("quotes", best);
        summary.put("href", href);
        return summary;
    }
}
