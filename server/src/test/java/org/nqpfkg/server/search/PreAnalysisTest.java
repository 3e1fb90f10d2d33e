package org.nqpfkg.server.search;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Tokens segmented ahead are exactly those the index's analyzer would make, and are held within their bound. */
class PreAnalysisTest {
    static final List<String> TEXTS = List.of(
            "到2027年，星河智造集团的工业大模型覆盖超70%的重点产线。",
            "The AI lab of 青藤大学 and OpenAI-style start-ups, 𠀀𠀁 (outside the BMP) 共同推进。",
            "的的的 了 和",
            "");

    @Test
    void preparedTokensAreTheAnalyzersTokens() throws Exception {
        Analyzer real = new SmartChineseAnalyzer();
        try (PreAnalysis replay = new PreAnalysis()) {
            for (String text : TEXTS) {
                PreAnalysis.prepare(text);
                List<String> prepared = tokens(replay, text);
                assertEquals(tokens(real, text), prepared, text);
                // Used once: the same text again is segmented on the spot, to the same tokens.
                assertEquals(prepared, tokens(replay, text), text);
            }
        }
    }

    @Test
    void preparedTextIsHeldWithinItsBound() {
        String sentence = "产业链供应链协同发展，".repeat(100);   // 1,100 characters
        for (int i = 0; i < 100; i++) {
            PreAnalysis.prepare(i + sentence, 20_000);
            assertTrue(PreAnalysis.waitingChars() <= 20_000, PreAnalysis.waitingChars() + " characters held");
        }
    }

    /** Each token as term, offsets and position increment, then the end state. */
    static List<String> tokens(Analyzer analyzer, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TextIndex.FIELD_TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + inc.getPositionIncrement());
            ts.end();
            out.add("end " + offset.endOffset() + " +" + inc.getPositionIncrement());
        }
        return out;
    }
}
