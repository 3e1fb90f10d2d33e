package org.nqpfkg.server.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors as RFC 9457 problems: a request Jetty refuses before Javalin sees it (a malformed URI or
 * percent-encoding, headers too large) would otherwise get Jetty's HTML error page, unlike every other error.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final String TYPE = "application/problem+json; charset=utf-8";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(code, request.getHttpURI() == null ? null : request.getHttpURI().getPath())), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, TYPE));
        return ByteBuffer.wrap(body(status, null));
    }

    /** The problem for a status; Jetty's message is left out as it can echo the refused input back. */
    static byte[] body(int status, String path) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        String title = HttpStatus.getMessage(status);
        p.put("title", title == null ? "Error" : title);
        p.put("status", status);
        p.put("detail", switch (status) {
            case 400 -> "the server could not read this request: a malformed URI, bad percent-encoding or a broken header";
            case 414 -> "the request URI is too long";
            case 431 -> "the request's headers are larger than the server accepts";
            default -> "the server refused this request before handling it";
        });
        if (path != null) p.put("instance", path);
        return Json.write(p).getBytes(StandardCharsets.UTF_8);
    }
}
