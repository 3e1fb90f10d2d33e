package org.nqpfkg.server.api;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.server.store.KnowledgeStore;

/** Which items a change makes the read model build again, and that it stays within its bytes. */
class ItemModelTest {
    @TempDir Path dir;

    /** Builds items whose dependencies are given, counting what it built. */
    static final class Builds {
        final Map<String, Set<String>> dependsOn = new HashMap<>();
        final List<String> built = new ArrayList<>();

        Map<String, Map.Entry<Map<String, Object>, Set<String>>> build(List<String> iris) {
            Map<String, Map.Entry<Map<String, Object>, Set<String>>> out = new HashMap<>();
            for (String iri : iris) {
                built.add(iri);
                out.put(iri, Map.entry(Map.of("iri", iri, "text", "x".repeat(100)), dependsOn.getOrDefault(iri, Set.of(iri))));
            }
            return out;
        }
    }

    @Test
    void aChangeRebuildsTheItemsBuiltFromWhatItTouchedOnly() {
        try (KnowledgeStore store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled())) {
            ItemModel model = new ItemModel(store, 1 << 20);
            Builds b = new Builds();
            b.dependsOn.put("m1", Set.of("m1", "level"));
            b.dependsOn.put("m2", Set.of("m2"));
            List<String> page = List.of("m1", "m2", "m3");
            model.items(model.ticket(), "mechanisms", page, b::build);
            model.items(model.ticket(), "mechanisms", page, b::build);
            assertEquals(page, b.built, "built once, then kept");

            model.changed(store.version() + 1, Set.of("level"));   // a load that wrote something about the level
            b.built.clear();
            List<Map<String, Object>> again = model.items(model.ticket(), "mechanisms", page, b::build);
            assertEquals(List.of("m1"), b.built, "only the item that shows the level");
            assertEquals(page, again.stream().map(i -> i.get("iri")).toList(), "in the order asked for");

            model.changed(store.version() + 2, null);   // an update that does not say what it touched
            b.built.clear();
            model.items(model.ticket(), "mechanisms", page, b::build);
            assertEquals(page, b.built);
        }
    }

    @Test
    void aBuildThatReadTheStoreBeforeAChangeIsNotKept() {
        try (KnowledgeStore store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled())) {
            ItemModel model = new ItemModel(store, 1 << 20);
            Builds b = new Builds();
            long ticket = model.ticket();
            model.changed(store.version() + 1, Set.of("elsewhere"));   // commits while the request still reads the old store
            model.items(ticket, "mechanisms", List.of("m1"), b::build);
            model.items(model.ticket(), "mechanisms", List.of("m1"), b::build);
            assertEquals(List.of("m1", "m1"), b.built);
        }
    }

    @Test
    void memberListsLastOneVersionAndEverythingStaysWithinTheBudget() {
        try (KnowledgeStore store = KnowledgeStore.open(dir.resolve("store"), OntologyFiles.bundled())) {
            ItemModel model = new ItemModel(store, 64 * 1024);
            int[] listed = {0};
            model.members(model.ticket(), "mechanisms {}", () -> { listed[0]++; return List.of("m1"); });
            model.members(model.ticket(), "mechanisms {}", () -> { listed[0]++; return List.of("m1"); });
            assertEquals(1, listed[0]);
            model.changed(store.version() + 1, Set.of());
            model.members(model.ticket(), "mechanisms {}", () -> { listed[0]++; return List.of("m1", "m2"); });
            assertEquals(2, listed[0], "any load can change who belongs to a list");

            Builds b = new Builds();
            for (int i = 0; i < 2000; i++) model.items(model.ticket(), "sectors", List.of("s" + i), b::build);
            assertTrue(model.size()[2] <= 64 * 1024, "bytes " + model.size()[2]);
            assertTrue(model.size()[0] > 10 && model.size()[0] < 2000, "the least recently used went: " + model.size()[0]);
        }
    }
}
