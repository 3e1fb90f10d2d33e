package org.nqpfkg.loader.extract;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;

class WordListsTest {
    @Test
    void linesAreEntriesCommentsAndBlankLinesAreNot() {
        assertEquals(List.of("研究", "!公报", "[unit]"), WordLists.parse("# a comment\n研究\n\n  !公报  \n[unit]\n"));
    }

    @Test
    void aFolderOfItsOwnWinsAndAListItLacksComesFromTheBundledCopy(@TempDir Path dir) throws Exception {
        OntologyFiles bundled = OntologyFiles.bundled();
        Files.write(dir.resolve("nqpf.ttl"), bundled.bytes("nqpf.ttl"));
        Files.writeString(dir.resolve(CitedWorkRules.KINDS_FILE), "# only one\n通讯\n");
        WordLists words = WordLists.of(OntologyFiles.from(dir));
        assertEquals(List.of("通讯"), words.get(CitedWorkRules.KINDS_FILE));
        assertEquals(WordLists.of(bundled).get(Figures.FILE), words.get(Figures.FILE));
        assertTrue(words.get(Figures.FILE).contains("[unit]"));
    }
}
