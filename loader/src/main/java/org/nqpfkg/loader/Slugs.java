package org.nqpfkg.loader;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;

/** Readable ASCII slugs for IRIs: Chinese is spelled out in pinyin, everything else reduced to [a-z0-9-]. */
public final class Slugs {
    private Slugs() {}

    // Transliterator instances are not thread-safe; one per thread keeps slugging cheap.
    private static final ThreadLocal<Transliterator> PINYIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));

    public static String ascii(String text) {
        String latin = PINYIN.get().transliterate(Normalizer.normalize(text, Normalizer.Form.NFC));
        String slug = latin.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) slug = slug.substring(0, 80).replaceAll("-+$", "");
        return slug.isEmpty() ? "x" + Integer.toHexString(text.hashCode()) : slug;
    }
}
