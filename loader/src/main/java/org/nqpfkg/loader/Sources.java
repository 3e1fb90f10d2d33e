package org.nqpfkg.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the loadable files among the paths a user names, and reads each into a load unit. */
public final class Sources {
    private Sources() {}

    /**
     * Files as given, and the loadable files inside folders (recursively, sorted, sidecars skipped). A link
     * inside a folder is followed only if it leads to a file inside that folder: a folder handed to a load must
     * not become a way to read the rest of the disk.
     */
    public static List<Path> collect(List<Path> paths) throws LoadException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    Path root = p.toRealPath();
                    walk.filter(Files::isRegularFile).filter(Sources::loadable).filter(f -> inside(root, f)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new LoadException(p + ": cannot read folder: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                if (isSidecar(p)) throw new LoadException(p + ": is a metadata sidecar; load the document it describes");
                files.add(p);
            } else {
                throw new LoadException(p + ": no such file or folder");
            }
        }
        return files;
    }

    private static boolean inside(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean loadable(Path file) {
        if (isSidecar(file) || file.getFileName().toString().startsWith(".")) return false;
        if (describesText(file)) return false;
        return RdfFileSource.accepts(file) || TextSource.accepts(file);
    }

    /** NAME.ttl beside NAME.txt is the text's sidecar, not a graph of its own. */
    static boolean describesText(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".ttl")) return false;
        String stem = name.substring(0, name.length() - 4);
        for (String ext : new String[] {".txt", ".text", ".md"})
            if (Files.isRegularFile(file.resolveSibling(stem + ext))) return true;
        return false;
    }

    public static boolean isSidecar(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".meta.json") || name.endsWith(".meta.ttl");
    }

    /** Reads one file: RDF by its extension, anything else as a text document. */
    public static LoadUnit read(Path file, LoadOptions options) throws LoadException {
        return RdfFileSource.accepts(file) ? RdfFileSource.read(file, options.maxBytes()) : TextSource.read(file, options);
    }
}
