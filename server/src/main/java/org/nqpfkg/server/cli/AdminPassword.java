package org.nqpfkg.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The admin password, from a file (kept out of the process list and shell history) or KG_ADMIN_PASSWORD. */
final class AdminPassword {
    private AdminPassword() {}

    static Optional<String> read(Path file) {
        if (file != null) {
            if (!Files.isReadable(file)) throw new IllegalArgumentException("cannot read --admin-password-file " + file);
            String p;
            try {
                p = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --admin-password-file " + file, e);
            }
            if (p.isEmpty()) throw new IllegalArgumentException("--admin-password-file " + file + " is empty");
            return Optional.of(p);
        }
        String env = System.getenv("KG_ADMIN_PASSWORD");
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }
}
