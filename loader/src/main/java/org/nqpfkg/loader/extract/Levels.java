package org.nqpfkg.loader.extract;

import java.util.HashMap;
import java.util.Map;
import org.nqpfkg.loader.extract.Extraction.Link;
import org.nqpfkg.loader.extract.Extraction.Thing;

/**
 * A mechanism or path stands at one level: where the text places it at several, the level it is placed at
 * most often wins; where at none, it is dropped, unless a rule marked it as one that may stand without.
 */
final class Levels {
    private Levels() {}

    static void resolve(Extraction ex, String... kinds) {
        for (String kind : kinds)
            for (Thing t : ex.things(kind)) {
                Map<Thing, Integer> votes = new HashMap<>();
                for (Link l : ex.links(t, "level")) votes.merge(l.object(), 1, Integer::sum);
                if (votes.isEmpty() && t.levelMayBeUnstated) continue;  // kept; the graph says its level is unstated
                if (votes.isEmpty()) {
                    ex.candidate(t.label + " (" + kind + " without a level: not typed)");
                    ex.remove(t);
                    continue;
                }
                Thing best = null;
                for (Link l : ex.links(t, "level"))  // first-placed wins a tie
                    if (best == null || votes.get(l.object()) > votes.get(best)) best = l.object();
                for (Thing other : votes.keySet())
                    if (other != best) {
                        ex.warn(kind + " " + t.label + " is placed at " + other.label + " and at " + best.label + "; kept " + best.label);
                        ex.unlink(t, "level", other);
                    }
            }
    }
}
