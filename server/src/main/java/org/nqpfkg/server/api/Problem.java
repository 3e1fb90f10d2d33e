package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem: thrown by handlers for bad input, rendered as application/problem+json. */
public final class Problem extends RuntimeException {
    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static Problem badRequest(String detail) { return new Problem(400, "Bad request", detail); }
    public static Problem notFound(String detail) { return new Problem(404, "Not found", detail); }

    public int status() { return status; }

    public static void render(Context ctx, int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        ctx.status(status).contentType("application/problem+json; charset=utf-8").result(Json.write(body));
    }

    void render(Context ctx) { render(ctx, status, title, getMessage()); }
}
