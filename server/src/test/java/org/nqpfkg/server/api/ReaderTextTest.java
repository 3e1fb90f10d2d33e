package org.nqpfkg.server.api;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader cuts text at span boundaries counted in code points, as the graph counts offsets. */
class ReaderTextTest {
    static final String A = "https://w3id.org/nqpf-kg/id/mechanism/a";
    static final String B = "https://w3id.org/nqpf-kg/id/organization/b";

    @Test
    void overlappingSpansAndCharactersOutsideTheBasicPlane() {
        // "𠀀" is one code point but two UTF-16 units: offsets after it must not shift.
        String text = "𠀀甲乙丙丁戊";
        List<ReaderPage.Span> spans = List.of(new ReaderPage.Span(1, 5, A, true), new ReaderPage.Span(2, 4, B, false));
        String html = ReaderPage.text(text, spans, Map.of(), Map.of(0, List.of("sec-1")), 1, 5);
        assertTrue(html.startsWith("<span class=\"sec-anchor\" id=\"sec-1\"></span>𠀀"), html);
        assertTrue(html.contains("id=\"target\" href=\"/page/mechanism/a\""), "the first piece carries the target id: " + html);
        assertTrue(html.contains("class=\"hl m ev target\" href=\"/page/organization/b\""), "inside the mention the mention wins: " + html);
        assertTrue(html.contains(">乙丙</a>"), html);
        assertTrue(html.endsWith("戊"), html);
        assertEquals(1, html.split("id=\"target\"", -1).length - 1, "one target id");
    }

    @Test
    void aTargetOverPlainTextIsMarked() {
        String html = ReaderPage.text("<b>&", List.of(), Map.of(), Map.of(), 1, 2);
        assertEquals("&lt;<mark class=\"target\" id=\"target\">b</mark>&gt;&amp;", html);
    }
}
