package org.nqpfkg.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    @TempDir Path dir;

    @Test
    void aFolderLoadFollowsLinksOnlyInsideTheFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("corpus"));
        Path outside = Files.writeString(dir.resolve("secret.txt"), "不应被读取的文件。\n");
        Files.writeString(folder.resolve("a.txt"), "一份文件。\n");
        Files.createSymbolicLink(folder.resolve("b.txt"), folder.resolve("a.txt"));
        Files.createSymbolicLink(folder.resolve("leak.txt"), outside);
        Files.createSymbolicLink(folder.resolve("up"), dir);
        assertEquals(List.of(folder.resolve("a.txt"), folder.resolve("b.txt")), Sources.collect(List.of(folder)));
    }

    @Test
    void anRdfFileOverTheSizeLimitIsRefusedBeforeItIsParsed() throws Exception {
        Path ttl = Files.writeString(dir.resolve("big.ttl"), "<urn:a> <urn:b> \"" + "x".repeat(2000) + "\" .\n");
        LoadException e = org.junit.jupiter.api.Assertions.assertThrows(LoadException.class,
                () -> Sources.read(ttl, LoadOptions.defaults().withMaxBytes(1000)));
        assertTrue(e.getMessage().contains("over the size limit"), e.getMessage());
    }
}
