package org.nqpfkg.loader.link;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.BitSet;

/**
 * Where words begin and end in a sentence, by HanLP's dictionary segmenter. A dictionary keeps compounds
 * such as 失业保险 whole, so a label found inside one (失业) is not a mention; Lucene's smartcn splits them.
 * The segmentation depends only on the sentence, never on what the graph holds, so mentions found in a
 * sentence do not depend on the order documents were loaded in.
 */
public final class WordBoundaries {
    private WordBoundaries() {}

    /** HanLP segments keep per-call state in the call; one per thread avoids sharing its configuration. */
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() ->
            HanLP.newSegment().enableOffset(true).enableNameRecognize(false).enableTranslatedNameRecognize(false)
                    .enableJapaneseNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false));

    /** Bit i is set when a word starts or ends at UTF-16 index i of {@code sentence} (0 and length included). */
    public static BitSet of(String sentence) {
        BitSet cuts = new BitSet(sentence.length() + 1);
        cuts.set(0);
        cuts.set(sentence.length());
        if (sentence.isEmpty()) return cuts;
        for (Term t : SEGMENT.get().seg(sentence)) {
            int start = t.offset;
            int end = start + t.word.length();
            if (start < 0 || end > sentence.length()) continue;
            cuts.set(start);
            cuts.set(end);
        }
        // A cut never falls inside a surrogate pair: offsets stay on code points.
        for (int i = cuts.nextSetBit(1); i > 0 && i < sentence.length(); i = cuts.nextSetBit(i + 1))
            if (Character.isLowSurrogate(sentence.charAt(i)) && Character.isHighSurrogate(sentence.charAt(i - 1))) cuts.clear(i);
        return cuts;
    }
}
