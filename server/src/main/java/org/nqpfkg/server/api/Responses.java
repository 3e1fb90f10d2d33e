package org.nqpfkg.server.api;

import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Sends a rendered response with the caching headers dashboards rely on: strong ETag, 304 on a match, Cache-Control. */
final class Responses {
    private Responses() {}

    /** One page of a paged list: {"items", "total", "limit", "offset"}. */
    static ResponseCache.Entry page(java.util.List<?> items, long total, int limit, int offset) {
        return json(pageBody(items, total, limit, offset));
    }

    /** The body of a page: {"items", "total", "limit", "offset"}. */
    static java.util.Map<String, Object> pageBody(java.util.List<?> items, long total, int limit, int offset) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("items", items);
        body.put("total", total);
        body.put("limit", limit);
        body.put("offset", offset);
        return body;
    }

    static ResponseCache.Entry json(Object body) { return entry(200, "application/json", Json.bytes(body)); }

    static ResponseCache.Entry entry(int status, String contentType, byte[] body) {
        return new ResponseCache.Entry(status, contentType, body, etag(body));
    }

    static void send(Context ctx, ResponseCache.Entry e) {
        // A strong validator names one representation: the gzipped bytes are another one (RFC 9110 §8.8.3).
        boolean gzipped = String.valueOf(ctx.header("Accept-Encoding")).contains("gzip")
                && e.body().length >= CompressionStrategy.GZIP.getDefaultMinSizeForCompression();
        String etag = gzipped ? e.etag().substring(0, e.etag().length() - 1) + "-gzip\"" : e.etag();
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, no-cache");
        ctx.header("Vary", "Accept, Accept-Encoding, Origin");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.status(e.status()).contentType(e.contentType()).result(e.body());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(t -> t.equals("*") || t.equals(etag) || t.equals("W/" + etag));
    }

    /** Strong: a digest of the exact bytes, so it changes exactly when the representation does. */
    static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
