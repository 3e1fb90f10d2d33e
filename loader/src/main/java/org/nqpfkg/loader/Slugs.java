package org.nqpfkg.loader;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;

/** Readable ASCII slugs for IRIs: Chinese is spelled out in pinyin, everything else reduced to [a-z0-9-]. */
public final class Slugs {
    private Slugs() {}

    // Transliterator instances are not thread-safe; one per thread keeps slugging cheap.
    private static final ThreadLocal<Transliterator> PINYIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));

    /**
     * Transliteration is the loader's costliest step per name, and a corpus names the same concepts again and
     * again. Short names only, so the cache is bounded in bytes (entries × name length), not just in entries.
     */
    private static final int CACHED_LENGTH = 64;
    private static final Cache<String, String> CACHE = CacheFactory.createCache(20_000);

    public static String ascii(String text) {
        return text.length() <= CACHED_LENGTH ? CACHE.get(text, Slugs::transliterate) : transliterate(text);
    }

    private static String transliterate(String text) {
        // ICU's rules would leave plain ASCII (most file names) as it is, at many times the cost.
        if (text.chars().allMatch(c -> c < 0x80)) return tidy(text.toLowerCase(java.util.Locale.ROOT), text);
        return tidy(PINYIN.get().transliterate(Normalizer.normalize(text, Normalizer.Form.NFC)), text);
    }

    private static String tidy(String latin, String text) {
        String slug = latin.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) slug = slug.substring(0, 80).replaceAll("-+$", "");
        return slug.isEmpty() ? "x" + Integer.toHexString(text.hashCode()) : slug;
    }
}
