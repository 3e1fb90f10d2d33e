package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader reads what the text says: an edited copy of the seed (a company renamed, two policy–mechanism
 * links swapped, a sector example replaced) changes the extracted links exactly as edited, and nothing else.
 */
class EditedSeedTest {
    @TempDir Path dir;

    /** Replaces a phrase in PDF-extracted text, whose characters may be split by line breaks and blank lines. */
    static String edit(String text, String from, String to) {
        String fuzzy = String.join("\\s*", from.codePoints().mapToObj(c -> Pattern.quote(new String(Character.toChars(c)))).toList());
        Matcher m = Pattern.compile(fuzzy).matcher(text);
        assertTrue(m.find(), "the seed contains " + from);
        return m.replaceAll(Matcher.quoteReplacement(to));
    }

    Set<String> links(String name, String text) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        Path store = dir.resolve(name + "-store");
        TestSupport.Run run = TestSupport.kg("load", "--store", store.toString(), folder.toString());
        assertEquals(0, run.exit(), run.err());
        return StoreQueries.lines(store, StoreQueries.LINKS);
    }

    @Test
    void editsChangeTheGraphExactlyAsEdited() throws Exception {
        String seed = Files.readString(Path.of("../seeds/ai-new-quality-productive-forces.txt"), StandardCharsets.UTF_8);
        String edited = edit(seed, "海尔", "格力");
        edited = edit(edited, "针对能力整合机制推出培训与技能提升政策", "针对能力学习机制推出培训与技能提升政策");
        edited = edit(edited, "围绕能力学习机制实施转岗与再就业支持政策", "围绕能力整合机制实施转岗与再就业支持政策");
        edited = edit(edited, "在金融行业,", "在教育行业,");

        Set<String> before = links("original", seed);
        Set<String> after = links("edited", edited);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);

        Set<String> expectedRemoved = new TreeSet<>();
        Set<String> expectedAdded = new TreeSet<>();
        for (String l : before) if (l.startsWith("海尔集团 | ")) { expectedRemoved.add(l); expectedAdded.add(l.replace("海尔集团", "格力集团")); }
        expectedRemoved.addAll(Set.of("培训与技能提升政策 | addresses | 能力整合机制", "转岗与再就业支持政策 | addresses | 能力学习机制",
                "金融 | exampleOf | 能力整合机制"));
        expectedAdded.addAll(Set.of("培训与技能提升政策 | addresses | 能力学习机制", "转岗与再就业支持政策 | addresses | 能力整合机制",
                "教育 | exampleOf | 能力整合机制"));
        assertFalse(expectedRemoved.stream().noneMatch(l -> l.startsWith("海尔集团")), "the renamed company had links to rename");
        assertEquals(expectedRemoved, removed, "links that disappeared");
        assertEquals(expectedAdded, added, "links that appeared");
    }
}
