package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactTest {
    @TempDir Path dir;

    @Test
    void compactingAfterReloadsFreesSpaceAndKeepsEveryQuad() {
        String store = dir.resolve("store").toString();
        String seed = Path.of("../seeds/ai-new-quality-productive-forces.txt").toString();
        for (int i = 0; i < 3; i++) assertEquals(0, TestSupport.kg("load", "--store", store, "--replace", seed).exit());
        List<String> quads = TestSupport.quads(dir.resolve("store"));
        TestSupport.Run run = TestSupport.kg("compact", "--store", store);
        assertEquals(0, run.exit(), run.err());
        var m = java.util.regex.Pattern.compile("([\\d,]+) bytes before, ([\\d,]+) after").matcher(run.out());
        assertTrue(m.find(), run.out());
        long before = Long.parseLong(m.group(1).replace(",", ""));
        long after = Long.parseLong(m.group(2).replace(",", ""));
        assertTrue(after < before, run.out());
        assertEquals(quads, TestSupport.quads(dir.resolve("store")));
    }

    @Test
    void compactingNoStoreIsAClearError() {
        TestSupport.Run run = TestSupport.kg("compact", "--store", dir.resolve("none").toString());
        assertTrue(run.exit() != 0);
        assertTrue(run.err().contains("no store at"), run.err());
    }
}
