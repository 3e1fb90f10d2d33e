package org.nqpfkg.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.Sidecar;
import org.nqpfkg.loader.Sources;

/**
 * {@code kg load --server URL}: the files go to a running service's {@code POST /api/documents} (PUT with
 * --replace), each with its sidecar, one request per document, so the service runs the same pipeline as a
 * local load. Stops at the first document the service refuses, naming it and the service's reason.
 */
final class RemoteLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final String authorization;
    private final boolean replace;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RemoteLoad(String server, String password, boolean replace) {
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        if (!base.startsWith("http://") && !base.startsWith("https://"))
            throw new IllegalArgumentException("--server takes the facade's http(s) URL, such as http://localhost:8080, not " + server);
        this.endpoint = URI.create(base + "/api/documents");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        this.replace = replace;
    }

    /** Sends every file; returns how many the service took. */
    int run(List<Path> paths, PrintWriter out, PrintWriter err) throws LoadException {
        List<Path> files = Sources.collect(paths);
        if (files.isEmpty()) throw new LoadException("no loadable files in " + paths);
        int done = 0;
        for (Path file : files) {
            HttpResponse<String> r = send(file);
            JsonNode body = parse(r.body());
            if (r.statusCode() >= 300) {
                String why = body != null && body.has("detail") ? body.get("detail").asText() : r.body();
                throw new LoadException(file + ": the service answered " + r.statusCode() + ": " + why
                        + (r.statusCode() == 409 ? " (add --replace to replace it)" : "")
                        + (done > 0 ? "\n" + done + " document(s) before it were loaded" : ""));
            }
            done++;
            out.printf("loaded %s: %s triples (%s)%n", file, body == null ? "?" : body.path("triples").asText(), r.statusCode() == 201 ? "added" : "replaced");
            if (files.size() > 1) err.printf("[%d/%d] %s%n", done, files.size(), file.getFileName());
            out.flush();
            err.flush();
        }
        return done;
    }

    private HttpResponse<String> send(Path file) throws LoadException {
        try {
            String boundary = "kg-" + UUID.randomUUID();
            ByteArrayOutputStream form = new ByteArrayOutputStream();
            part(form, boundary, "file", file);
            Optional<Path> sidecar = Sidecar.fileOf(file);
            if (sidecar.isPresent() && !Sources.isSidecar(file)) part(form, boundary, "sidecar", sidecar.get());
            form.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(5))
                    .header("Authorization", authorization)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(replace ? "PUT" : "POST", HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LoadException(file + ": cannot reach " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("interrupted while sending " + file, e);
        }
    }

    private static void part(ByteArrayOutputStream form, String boundary, String field, Path file) throws IOException {
        String name = file.getFileName().toString().replace("\"", "");
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(Files.readAllBytes(file));
        form.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
