package org.nqpfkg.server.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The facade's read model: every item as lists and item pages serve it (labels, evidence summaries, references
 * and their summaries, mentionedIn), and the members of each list, so that a request joins nothing the last
 * one already joined. Without it, each list page aggregated all the evidence and mentions of its items, and
 * that cost grows with the corpus.
 *
 * <p>Kept up to date incrementally: the store says which IRIs each committed load touched, and only the items
 * built from one of them are built again, when next asked for. An item is built from triples about itself
 * (labels, evidence, mentions, the statements of its links, which all name it) and from what it shows of the
 * things it links to (their labels, type, horizon, lens), so those IRIs are its dependencies. Member lists
 * change with any load, so they are kept for one store version. A change that does not say what it touched
 * (a SPARQL Update, a Graph Store write, another facade's load on a shared store, a new vocabulary) empties
 * the model.
 *
 * <p>Bounded in bytes, like the response cache: the least recently used items go first, and are built again
 * when asked for.
 */
final class ItemModel implements KnowledgeStore.ChangeListener {
    /** What an item or member list costs beyond its strings: maps, lists and their nodes. Generous on purpose. */
    private static final int OVERHEAD = 512;

    private record Built(Map<String, Object> item, Set<String> dependsOn, long bytes) {}

    private final long budget;
    private final java.util.function.LongSupplier storeVersion;
    /** In access order, so iteration starts at the least recently used. */
    private final LinkedHashMap<String, Built> items = new LinkedHashMap<>(256, 0.75f, true);
    /** IRI → the items built from it. */
    private final Map<String, Set<String>> dependents = new HashMap<>();
    private final Map<String, List<String>> members = new HashMap<>();
    private long itemBytes;
    private long memberBytes;
    /** The store version the model is in step with, and the one before it. */
    private long version;
    private long previous;
    /** Bumped by every change: a build that began before one must not be kept, it may have read the older store. */
    private long generation;

    ItemModel(KnowledgeStore store, long budget) {
        this.budget = Math.max(0, budget);
        this.storeVersion = store::version;
        this.version = store.version();
        this.previous = version;
        store.addChangeListener(this);
    }

    @Override
    public synchronized void changed(long newVersion, Set<String> touched) {
        generation++;
        clearMembers();
        if (touched == null) clear();
        else
            for (String iri : touched) {
                Set<String> gone = dependents.remove(iri);
                if (gone != null) for (String key : gone) forget(key);
            }
        previous = version;
        version = newVersion;
    }

    /**
     * Take one before the read transaction a request builds in, and pass it to {@link #members} and
     * {@link #items}: what a build read from a store older than a change it missed is then not kept.
     */
    synchronized long ticket() {
        long v = storeVersion.getAsLong();
        // Neither the version this model is in step with nor the one before it, which the store may still show for
        // a moment while it tells its listeners: a change this model did not hear of. Start over.
        if (v != version && v != previous) {
            generation++;
            clear();
            previous = version;
            version = v;
        }
        return generation;
    }

    /** The members of one list (all pages), built by {@code build} once per store version. */
    List<String> members(long ticket, String key, Supplier<List<String>> build) {
        synchronized (this) {
            List<String> known = members.get(key);
            if (known != null) return known;
        }
        List<String> fresh = List.copyOf(build.get());
        synchronized (this) {
            long weight = OVERHEAD + weigh(fresh);
            if (ticket == generation && weight <= budget / 8) {
                members.put(key, fresh);
                memberBytes += weight;
                evict();
            }
        }
        return fresh;
    }

    /**
     * The items of {@code iris}, in order, as {@code kind} shows them: those kept are reused, the others built
     * together by {@code build} (each with the IRIs it was built from) and kept. Items are shared: never change one.
     */
    List<Map<String, Object>> items(long ticket, String kind, List<String> iris,
                                    Function<List<String>, Map<String, Map.Entry<Map<String, Object>, Set<String>>>> build) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (this) {
            for (String iri : iris) {
                Built b = items.get(kind + " " + iri);
                if (b != null) found.put(iri, b.item());
                else missing.add(iri);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Map.Entry<Map<String, Object>, Set<String>>> fresh = build.apply(missing);
            synchronized (this) {
                for (Map.Entry<String, Map.Entry<Map<String, Object>, Set<String>>> e : fresh.entrySet()) {
                    found.put(e.getKey(), e.getValue().getKey());
                    if (ticket == generation) keep(kind + " " + e.getKey(), e.getValue().getKey(), e.getValue().getValue());
                }
                evict();
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(iris.size());
        for (String iri : iris) out.add(found.get(iri));
        return out;
    }

    /** Items and member lists kept, and the bytes they are counted as (for tests and health). */
    synchronized long[] size() { return new long[] {items.size(), members.size(), itemBytes + memberBytes}; }

    private void keep(String key, Map<String, Object> item, Set<String> dependsOn) {
        long weight = OVERHEAD + weigh(item) + weigh(dependsOn);
        if (weight > budget / 8) return;
        forget(key);
        items.put(key, new Built(item, Set.copyOf(dependsOn), weight));
        itemBytes += weight;
        for (String d : dependsOn) dependents.computeIfAbsent(d, k -> new HashSet<>()).add(key);
    }

    private void forget(String key) {
        Built b = items.remove(key);
        if (b == null) return;
        itemBytes -= b.bytes();
        for (String d : b.dependsOn()) {
            Set<String> s = dependents.get(d);
            if (s != null && s.remove(key) && s.isEmpty()) dependents.remove(d);
        }
    }

    private void evict() {
        while (itemBytes + memberBytes > budget && !items.isEmpty()) forget(items.keySet().iterator().next());
        if (itemBytes + memberBytes > budget) clearMembers();
    }

    private void clearMembers() {
        members.clear();
        memberBytes = 0;
    }

    private void clear() {
        items.clear();
        dependents.clear();
        itemBytes = 0;
        clearMembers();
    }

    /** Characters of the strings in a JSON-shaped value, twice over (UTF-16), plus a node per map entry and list element. */
    static long weigh(Object value) {
        if (value instanceof String s) return 40L + 2L * s.length();
        if (value instanceof Map<?, ?> m) {
            long n = 64;
            for (Map.Entry<?, ?> e : m.entrySet()) n += 32 + weigh(e.getKey()) + weigh(e.getValue());
            return n;
        }
        if (value instanceof Collection<?> c) {
            long n = 40;
            for (Object o : c) n += 8 + weigh(o);
            return n;
        }
        return 16;
    }
}
