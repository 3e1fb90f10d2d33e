package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input the loader must refuse: a clear message naming the file and the reason, and a store left as it was. */
class BadInputTest {
    @TempDir Path dir;
    Path store;
    List<String> before;

    @BeforeEach
    void loadSomething() throws Exception {
        store = dir.resolve("store");
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "一、引言\n人工智能促进新质生产力涌现。\n", StandardCharsets.UTF_8);
        assertEquals(0, TestSupport.kg("load", "--store", store.toString(), good.toString()).exit());
        before = TestSupport.quads(store);
    }

    void assertRefused(Path file, String reason, String... extraArgs) {
        String[] args = new String[3 + extraArgs.length + 1];
        args[0] = "load";
        args[1] = "--store";
        args[2] = store.toString();
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        args[args.length - 1] = file.toString();
        TestSupport.Run run = TestSupport.kg(args);
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains(file.getFileName().toString()) && run.err().contains(reason), run.err());
        assertEquals(before, TestSupport.quads(store), "the store is unchanged");
    }

    @Test
    void binary() throws Exception {
        Path f = dir.resolve("picture.txt");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0});
        assertRefused(f, "binary");
    }

    @Test
    void empty() throws Exception {
        Path f = dir.resolve("empty.txt");
        Files.write(f, new byte[0]);
        assertRefused(f, "empty");
    }

    @Test
    void overTheSizeLimit() throws Exception {
        Path f = dir.resolve("big.txt");
        Files.writeString(f, "人工智能".repeat(100), StandardCharsets.UTF_8);
        assertRefused(f, "size limit", "--max-size", "100");
    }

    @Test
    void undecodable() throws Exception {
        Path f = dir.resolve("latin.txt");
        Files.write(f, new byte[] {'c', 'a', 'f', (byte) 0x81, (byte) 0x81, ' ', 'x', (byte) 0xFF, (byte) 0x9F});
        assertRefused(f, "cannot be decoded");
    }

    @Test
    void oneBadFileInAFolderStopsTheWholeLoad() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(folder.resolve("a.txt"), "一、引言\n人工智能。\n", StandardCharsets.UTF_8);
        Files.write(folder.resolve("b.txt"), new byte[0]);
        TestSupport.Run run = TestSupport.kg("load", "--store", store.toString(), folder.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("b.txt"), run.err());
        assertEquals(before, TestSupport.quads(store));
    }

    @Test
    void twoFilesOfOneNameAreRefusedRatherThanOneLost() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("paper.txt"), "一、引言\n人工智能。\n", StandardCharsets.UTF_8);
        Files.writeString(b.resolve("paper.txt"), "一、引言\n新质生产力。\n", StandardCharsets.UTF_8);
        TestSupport.Run run = TestSupport.kg("load", "--store", store.toString(), a.resolve("paper.txt").toString(), b.resolve("paper.txt").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("rename one"), run.err());
        assertEquals(before, TestSupport.quads(store));
    }
}
