package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.server.api.Facade;
import org.nqpfkg.server.api.FacadeSettings;
import org.nqpfkg.server.doors.DoorSettings;
import org.nqpfkg.server.queries.NamedQueries;
import org.nqpfkg.server.store.SourceLoad;

/**
 * The facade's read model is kept up to date by loads, not rebuilt: after documents are added and one is
 * replaced, a facade that has served every list and item all along (no response cache, so every answer comes
 * from its read model) answers exactly what a facade started afterwards answers.
 */
class ReadModelTest {
    static final Path GENRES = Path.of("../loader/src/test/resources/genres");
    static final List<String> KINDS = List.of("levels", "paths", "mechanisms", "policies", "organizations", "sectors", "documents");

    @TempDir Path dir;

    @Test
    void aFacadeKeptUpToDateByLoadsAnswersAsAFreshOne() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.copy(GENRES.resolve("opinion.txt"), first.resolve("opinion.txt"));
        Files.copy(GENRES.resolve("opinion.meta.json"), first.resolve("opinion.meta.json"));
        try (ServedStore served = ServedStore.of(dir, List.of(Path.of("../seeds"), first))) {
            Facade warm = facade(served);
            try {
                String before = everything(warm);
                SourceLoad load = new SourceLoad(LoadOptions.defaults(), new java.io.PrintWriter(new java.io.StringWriter()));
                served.store.add(load.read(List.of(GENRES.resolve("tv-news.txt"), GENRES.resolve("proposals.txt"))));
                assertSameAsFresh(served, warm);
                assertNotEquals(before, everything(warm), "the new documents show");

                // The opinion again, with a sentence that names a new industry path: its old graph goes, the new one comes.
                Path edited = Files.createDirectories(dir.resolve("edited"));
                Files.writeString(edited.resolve("opinion.txt"), Files.readString(GENRES.resolve("opinion.txt"))
                        + "\n\n推动算力网络与产业集群协同发展是提升产业竞争力的关键路径。\n");
                Files.copy(GENRES.resolve("opinion.meta.json"), edited.resolve("opinion.meta.json"));
                served.store.replace(load.read(List.of(edited)));
                assertSameAsFresh(served, warm);
            } finally {
                warm.stop();
            }
        }
    }

    private static Facade facade(ServedStore served) {
        return Facade.create(served.store, NamedQueries.bundled(), FacadeSettings.defaults().withPort(0).withCacheBytes(0)
                .withDoors(DoorSettings.defaults().withRequestsPerSecond(0))).start();
    }

    private static void assertSameAsFresh(ServedStore served, Facade warm) throws Exception {
        Facade fresh = facade(served);
        try {
            assertEquals(everything(fresh), everything(warm));
        } finally {
            fresh.stop();
        }
    }

    /** Every list of every kind, and every item of each, as one text. */
    private static String everything(Facade f) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String kind : KINDS) {
            JsonNode list = ServedStore.JSON.readTree(TestSupport.get("http://127.0.0.1:" + f.port() + "/api/" + kind + "?limit=1000").body());
            all.append(kind).append(' ').append(list).append('\n');
            for (JsonNode item : list.get("items"))
                all.append(TestSupport.get("http://127.0.0.1:" + f.port() + "/api/" + kind + "/" + item.get("id").asText()).body()).append('\n');
        }
        return all.toString();
    }
}
