package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sidecar's rights statement reaches the document, and a sidecar edited later makes an unchanged text load again. */
class SidecarRightsTest {
    static final String TEXT = "人工智能促进企业新质生产力涌现。记者从星河重工集团获悉,该集团将建设算力中心。\n";

    @TempDir Path dir;

    @Test
    void rightsAddedToASidecarAreLoadedWithoutChangingTheText() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("note.txt"), TEXT);
        Files.writeString(docs.resolve("note.meta.json"), "{\"title\": \"算力中心建设\", \"language\": \"zh\"}");
        Path store = dir.resolve("store");
        TestSupport.Run first = TestSupport.kg("load", "--store", store.toString(), docs.toString());
        assertEquals(0, first.exit(), first.err());
        assertFalse(TestSupport.quads(store).stream().anyMatch(q -> q.contains("id/document/note http://purl.org/dc/terms/rights")),
                "no rights stated yet");

        TestSupport.Run again = TestSupport.kg("load", "--store", store.toString(), docs.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("loaded 0 of 1"), "unchanged: skipped\n" + again.out());

        Files.writeString(docs.resolve("note.meta.json"),
                "{\"title\": \"算力中心建设\", \"language\": \"zh\", \"rights\": \"© Invented Press, 2026\"}");
        TestSupport.Run edited = TestSupport.kg("load", "--store", store.toString(), "--replace", docs.toString());
        assertEquals(0, edited.exit(), edited.err());
        assertTrue(edited.out().contains("loaded note.txt"), "the sidecar changed: loaded again\n" + edited.out() + "\n---\n" + edited.err());
        assertTrue(TestSupport.quads(store).stream().anyMatch(q -> q.contains("id/document/note http://purl.org/dc/terms/rights \"© Invented Press, 2026\"")),
                "dcterms:rights on the document");
    }
}
