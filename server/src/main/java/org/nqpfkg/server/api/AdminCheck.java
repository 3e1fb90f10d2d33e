package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HTTP basic credentials of the one administrator, as the SPARQL port checks them: writes on the facade need
 * the same user and password. Without a configured password the facade takes no writes at all. Guessing is
 * throttled before this check, by the client door.
 */
final class AdminCheck {
    static final String USER = "admin";
    private final byte[] expected;

    AdminCheck(String password) {
        this.expected = password == null || password.isEmpty() ? null
                : ("Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
    }

    /** Throws the problem to answer unless the request carries the admin's credentials. */
    void require(Context ctx) {
        if (expected == null)
            throw new Problem(403, "Forbidden", "this service takes no writes: start it with an admin password (--admin-password-file or KG_ADMIN_PASSWORD)");
        String given = ctx.header("Authorization");
        // Compared in constant time, so the answer's timing says nothing about how much of a guess was right.
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Basic realm=\"nqpf-kg\", charset=\"UTF-8\"");
            throw new Problem(401, "Unauthorized", "adding documents needs the admin's credentials (HTTP basic, user '" + USER + "')");
        }
    }
}
