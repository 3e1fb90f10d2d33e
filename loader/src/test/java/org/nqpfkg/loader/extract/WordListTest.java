package org.nqpfkg.loader.extract;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;

/** The word lists are plain text data: entries, optional kinds, comments; every file the loader reads is there and sound. */
class WordListTest {
    @Test
    void entriesKindsAndComments() {
        WordList w = WordList.parse("# a comment\n集团\n部 body   # a one-character suffix\n\n中国…院\n  公司  \n");
        assertTrue(w.contains("集团") && w.contains("公司") && w.contains("中国…院"));
        assertEquals("body", w.kind("部"));
        assertEquals(WordList.PLAIN, w.kind("集团"));
        assertFalse(w.contains("#"));
        assertEquals(List.of("中国…院", "公司", "集团"), w.entries(WordList.PLAIN), "longest first");
    }

    @Test
    void theBundledListsAreThereAndEveryLevelCuePointsToALevel() {
        Lexicon lexicon = new Lexicon(OntologyFiles.bundled());
        Words words = lexicon.words();
        assertTrue(words.organizationSuffixes.contains("有限公司") && words.organizationSuffixes.contains("局"));
        assertTrue(words.organizationGeneric.contains("上市公司"));
        assertTrue(words.isTechnology("人工智能") && words.isTechnology("gpu"), "Latin technology words match whatever their case");
        assertFalse(words.levelCues.entries().isEmpty());
        assertDoesNotThrow(() -> new LevelCues(lexicon));
        assertTrue(lexicon.organizationLabels().containsAll(List.of("工信部", "国家数据局")));
        assertFalse(lexicon.organizationLabels().contains("华为"), "companies are found in the text, not known in advance");
    }

    @Test
    void aFolderWithoutTheListsFallsBackOnTheBundledOnes(@TempDir Path dir) throws Exception {
        for (String f : List.of("nqpf.ttl", "vocabulary.ttl", "shapes.ttl"))
            Files.write(dir.resolve(f), OntologyFiles.bundled().bytes(f));
        Files.writeString(dir.resolve("technology-words.txt"), "星际计算\n");
        OntologyFiles files = OntologyFiles.from(dir);
        Words words = Words.from(files);
        assertTrue(words.isTechnology("星际计算"), "the folder's own list");
        assertFalse(words.isTechnology("人工智能"), "the folder's list replaces the bundled one");
        assertTrue(words.organizationSuffixes.contains("集团"), "a list the folder lacks comes bundled");
    }
}
