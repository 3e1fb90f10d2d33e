package org.nqpfkg.server.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/**
 * What the VoID description and the SPARQL service description count: triples, entities per class, triples per
 * property and links per linkset. Counting reads the whole store, so it is done once per store version and kept;
 * every reader of that version gets the same counts, and readers arriving during a count wait for it rather than
 * start another.
 */
public final class DatasetStats {
    /** The counts of one store version. Triples are counted per graph (the sum over graphs, as quads are). */
    public record Counts(long version, long triples, long graphs, Map<String, Long> classEntities,
                         Map<String, Long> propertyTriples, Map<String, Long> linksetLinks) {}

    private static final String PER_PROPERTY = "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p";
    private static final String GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }";
    // In the union default graph each (entity, type) triple occurs once, however many documents state it.
    private static final String PER_CLASS = "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c";
    private static final String PER_LINKSET = Vocab.PREFIXES + """
            SELECT ?g (COUNT(*) AS ?n) WHERE {
              GRAPH ?g { ?s ?p ?o FILTER(?p IN (owl:sameAs, skos:exactMatch, skos:closeMatch)) }
              FILTER(STRSTARTS(STR(?g), "%s"))
            } GROUP BY ?g""".formatted(Vocab.GRAPH + "links/");

    private final DatasetGraph dsg;
    private final LongSupplier version;
    private volatile Counts last;

    public DatasetStats(DatasetGraph dsg, LongSupplier version) {
        this.dsg = dsg;
        this.version = version;
    }

    /** The counts of the current store version, counting now if nobody has yet. */
    public Counts current() {
        Counts c = last;
        long v = version.getAsLong();
        if (c != null && c.version() == v) return c;
        synchronized (this) {
            c = last;
            v = version.getAsLong();
            if (c != null && c.version() == v) return c;
            last = c = count(v);
            return c;
        }
    }

    private Counts count(long v) {
        return Txn.calculateRead(dsg, () -> {
            Map<String, Long> properties = grouped(PER_PROPERTY, "p");
            long triples = properties.values().stream().mapToLong(Long::longValue).sum();
            long graphs = single(GRAPHS);
            return new Counts(v, triples, graphs, grouped(PER_CLASS, "c"), properties, grouped(PER_LINKSET, "g"));
        });
    }

    private Map<String, Long> grouped(String query, String key) {
        Map<String, Long> counts = new TreeMap<>();
        try (QueryExec qe = exec(query)) {
            RowSet rows = qe.select();
            rows.forEachRemaining(b -> {
                var k = b.get(key);
                if (k != null && k.isURI()) counts.put(k.getURI(), ((Number) b.get("n").getLiteralValue()).longValue());
            });
        }
        return counts;
    }

    private long single(String query) {
        try (QueryExec qe = exec(query)) {
            RowSet rows = qe.select();
            return rows.hasNext() ? ((Number) rows.next().get("n").getLiteralValue()).longValue() : 0;
        }
    }

    // The endpoint's timeout guards clients' queries; a count of the whole store is ours and may take longer.
    private QueryExec exec(String query) {
        return QueryExec.dataset(dsg).query(query).timeout(10, TimeUnit.MINUTES).build();
    }
}
