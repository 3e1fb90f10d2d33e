package org.nqpfkg.server.doors;

import org.eclipse.jetty.http.HttpFields;

/**
 * Headers on every response of both ports. The content security policy lets pages run only the scripts and
 * styles this server sends (no inline scripts, nothing from elsewhere) and talk only to this server and, for
 * the query editor, to the SPARQL endpoint on another port of the same host.
 */
final class SecurityHeaders {
    private SecurityHeaders() {}

    static String csp(int sparqlPort) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self' http://*:" + sparqlPort + " https://*:" + sparqlPort
                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    static void add(HttpFields.Mutable headers, String csp) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", csp);
    }
}
