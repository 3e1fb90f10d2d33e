package org.nqpfkg.loader;

import java.nio.file.Path;

/** A plain-text document (paper, report, policy text) as a load unit. */
public final class TextSource {
    private TextSource() {}

    public static boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".text") || name.endsWith(".md");
    }

    public static LoadUnit read(Path file, LoadOptions options) throws LoadException {
        throw new LoadException(file + ": text documents are not supported yet");
    }
}
