package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Reading request parameters safely: bounded, typed, and a 400 naming the parameter when they are not. */
final class Params {
    private Params() {}

    static final int MAX_VALUE = 500;
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

    static int integer(Context ctx, String name, int dflt, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return dflt;
        if (!raw.matches("\\d{1,7}")) throw Problem.badRequest(name + " must be a whole number between " + min + " and " + max);
        int v = Integer.parseInt(raw);
        if (v < min || v > max) throw Problem.badRequest(name + " must be between " + min + " and " + max + ", not " + v);
        return v;
    }

    static String slug(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) return null;
        return slug(name, raw);
    }

    static String slug(String name, String raw) {
        if (!SLUG.matcher(raw).matches())
            throw Problem.badRequest(name + " must be an id of lower-case letters, digits and hyphens, not \"" + abbreviate(raw) + "\"");
        return raw;
    }

    static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw != null && raw.length() > MAX_VALUE) throw Problem.badRequest(name + " is longer than " + MAX_VALUE + " characters");
        return raw;
    }

    static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }
}
