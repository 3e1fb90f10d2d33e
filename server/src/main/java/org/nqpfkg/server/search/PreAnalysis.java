package org.nqpfkg.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The index's analyzer ({@link SmartChineseAnalyzer}), whose work on a sentence can be done ahead, on another
 * thread. Segmenting Chinese is most of what indexing a sentence costs, and the load's single writer would do it
 * inside its transaction; {@code kg load}'s reading thread segments each batch's sentences with {@link #prepare}
 * while the writer commits the batch before, and the index then replays those tokens. Text nobody prepared (queries,
 * rebuilds, uploads) is segmented as it comes. Either way the tokens are the same.
 *
 * <p>Prepared tokens are held until used, at most {@value #MAX_PREPARED_CHARS} characters of text in all (two
 * batches of documents, about); beyond that the oldest are dropped and segmented again when indexed.
 */
public final class PreAnalysis extends Analyzer {
    static final int MAX_PREPARED_CHARS = 4_000_000;

    /** Tokens of one text, with the end state the analyzer left. */
    private record Tokens(String[] terms, int[] starts, int[] ends, int[] increments, String[] types, int endOffset, int endIncrement) {}

    /** Prepared texts, oldest first; shared by every index of the process. */
    private static final Map<String, Tokens> PREPARED = new LinkedHashMap<>();
    private static long preparedChars;
    private static final Analyzer SEGMENTER = new SmartChineseAnalyzer();

    /** Segments, now and on this thread, the text of every indexed sentence of these graphs. */
    public static void prepare(Iterable<Graph> graphs) {
        for (Graph g : graphs)
            for (Iterator<Triple> it = g.find(Node.ANY, TextIndex.ANCHOR_OF, Node.ANY); it.hasNext(); ) {
                Triple t = it.next();
                if (t.getObject().isLiteral() && TextIndex.indexes(t.getSubject())) prepare(t.getObject().getLiteralLexicalForm());
            }
    }

    static void prepare(String text) { prepare(text, MAX_PREPARED_CHARS); }

    /** Prepares {@code text}, then drops the oldest prepared texts until at most {@code maxChars} are held. */
    static void prepare(String text, long maxChars) {
        Tokens tokens = analyse(text);
        synchronized (PREPARED) {
            if (PREPARED.put(text, tokens) == null) preparedChars += text.length();
            for (Iterator<Map.Entry<String, Tokens>> it = PREPARED.entrySet().iterator(); preparedChars > maxChars && it.hasNext(); ) {
                preparedChars -= it.next().getKey().length();
                it.remove();
            }
        }
    }

    private static Tokens take(String text) {
        synchronized (PREPARED) {
            Tokens t = PREPARED.remove(text);
            if (t != null) preparedChars -= text.length();
            return t;
        }
    }

    /** How many characters of prepared text wait to be indexed (for tests). */
    static long waitingChars() {
        synchronized (PREPARED) {
            return preparedChars;
        }
    }

    private static Tokens analyse(String text) {
        List<String> terms = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (TokenStream ts = SEGMENTER.tokenStream(TextIndex.FIELD_TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                spans.add(new int[] {offset.startOffset(), offset.endOffset(), increment.getPositionIncrement()});
                types.add(type.type());
            }
            ts.end();
            int n = terms.size();
            int[] starts = new int[n], ends = new int[n], increments = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = spans.get(i)[0];
                ends[i] = spans.get(i)[1];
                increments[i] = spans.get(i)[2];
            }
            return new Tokens(terms.toArray(String[]::new), starts, ends, increments, types.toArray(String[]::new),
                    offset.endOffset(), increment.getPositionIncrement());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot segment a text for the index: " + e.getMessage(), e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new Replay());
    }

    /** Gives the prepared tokens of its input, or segments it now when none were prepared. */
    private static final class Replay extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final StringBuilder text = new StringBuilder();
        private final char[] buffer = new char[4096];
        private Tokens tokens;
        private int next;

        @Override
        public void reset() throws IOException {
            super.reset();
            text.setLength(0);
            for (int n; (n = input.read(buffer)) != -1; ) text.append(buffer, 0, n);
            String s = text.toString();
            Tokens prepared = take(s);
            tokens = prepared != null ? prepared : analyse(s);
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next >= tokens.terms().length) return false;
            clearAttributes();
            term.setEmpty().append(tokens.terms()[next]);
            offset.setOffset(correctOffset(tokens.starts()[next]), correctOffset(tokens.ends()[next]));
            increment.setPositionIncrement(tokens.increments()[next]);
            type.setType(tokens.types()[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int end = correctOffset(tokens.endOffset());
            offset.setOffset(end, end);
            increment.setPositionIncrement(tokens.endIncrement());
        }

        @Override
        public void close() throws IOException {
            super.close();
            tokens = null;
        }
    }
}
