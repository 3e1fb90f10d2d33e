package org.nqpfkg.loader.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the segmenter offers as terms, on invented sentences. */
class NounCompoundsTest {
    static List<String> texts(String sentence, Set<String> known) {
        return NounCompounds.of(sentence, known::contains).stream().map(NounCompounds.Compound::text).toList();
    }

    @Test
    void charactersOfAnUnknownWordAreTakenBackTogether() {
        // The dictionary cuts 算力 into 算/v 力/n; the report wants the word, and the compound it heads.
        List<String> found = texts("各地建成的算力网络开始运行。", Set.of());
        assertTrue(found.containsAll(List.of("算力", "网络", "算力网络")), found.toString());
        assertFalse(found.contains("力网络"), found.toString());
    }

    @Test
    void aKnownNameIsOnePiece() {
        List<String> found = texts("产业新质生产力不断提升。", Set.of("新质生产力"));
        assertTrue(found.contains("新质生产力") && found.contains("产业新质生产力"), found.toString());
        assertFalse(found.contains("新质"), "a part of a known name is not offered: " + found);
    }

    @Test
    void compoundsHaveAtMostThreePiecesAndNoLoneModifierOrAction() {
        List<String> found = texts("数据要素市场化配置改革加快推进。", Set.of());
        assertTrue(found.contains("数据要素"), found.toString());
        assertTrue(NounCompounds.of("数据要素市场化配置改革加快推进。", s -> false).stream()
                .allMatch(c -> c.pieces().size() <= NounCompounds.MAX_PIECES));
        assertFalse(found.contains("数据要素市场化配置改革"), "five pieces are a description: " + found);
        assertFalse(found.contains("改革") || found.contains("配置"), "a verbal noun alone names an action: " + found);
        assertFalse(texts("公共平台和新型基础设施", Set.of()).contains("公共"), "a distinguishing word alone is no term");
    }

    @Test
    void particlesNumbersAndPunctuationBreakARun() {
        List<String> found = texts("2024年数据中心的能耗,城市。", Set.of());
        assertTrue(found.contains("数据中心"), found.toString());
        assertTrue(found.stream().noneMatch(t -> t.contains("的") || t.contains(",") || t.contains("2024")), found.toString());
    }
}
