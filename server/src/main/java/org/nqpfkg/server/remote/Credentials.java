package org.nqpfkg.server.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * HTTP basic credentials for the remote store, read from a file so they never show in a process list or a
 * compose file. The file holds either one line {@code user:password} (the password may itself contain ':'),
 * or two lines, the user on the first and the password on the second. Blank lines and a trailing newline are
 * ignored; nothing else is trimmed from the password.
 */
public record Credentials(String user, String password) {
    public static Credentials read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the store credentials file " + file + ": " + e.getMessage(), e);
        }
        if (lines.size() == 1 && lines.get(0).indexOf(':') > 0) {
            String line = lines.get(0);
            int colon = line.indexOf(':');
            return new Credentials(line.substring(0, colon).strip(), line.substring(colon + 1));
        }
        if (lines.size() == 2) return new Credentials(lines.get(0).strip(), lines.get(1));
        throw new IllegalArgumentException("the store credentials file " + file
                + " must hold one line user:password, or two lines: the user, then the password");
    }

    /** The value of an {@code Authorization} header: sent with every request, so no request pays a 401 round trip. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() { return "Credentials[" + user + ":***]"; }
}
