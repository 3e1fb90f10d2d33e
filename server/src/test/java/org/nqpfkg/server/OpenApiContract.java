package org.nqpfkg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The facade's OpenAPI document as a checker of real answers: swagger-parser reads the document (and reports what
 * is wrong with it), networknt's JSON Schema validator (2020-12, OpenAPI 3.1 dialect) checks each answer's body
 * against the schema the document gives for its path, method, status and media type.
 */
final class OpenApiContract {
    /** Where the validator files the document, so that its "#/components/…" references resolve within it. */
    private static final String DOC_IRI = "https://nqpf-kg.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    final JsonNode doc;
    final SwaggerParseResult parsed;
    private final SchemaRegistry registry;

    OpenApiContract(String document) throws Exception {
        this.doc = JSON.readTree(document);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.parsed = new OpenAPIV3Parser().readContents(document, null, options);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(DOC_IRI, document)));
    }

    /** An answer to check: method, path with query, status, content type (null when none), headers, body. */
    record Answer(String method, String target, int status, String contentType, Map<String, List<String>> headers, String body) {}

    /** The path template of the document that a concrete path falls under: a literal path before a templated one. */
    String template(String path) {
        String best = null;
        int bestParams = Integer.MAX_VALUE;
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            int params = t.split("\\{", -1).length - 1;
            String regex = Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex) && params < bestParams) {
                best = t;
                bestParams = params;
            }
        }
        return best;
    }

    /** Every way in which the answer differs from what the document says of it; empty when it matches. */
    List<String> check(Answer answer) {
        List<String> errors = new ArrayList<>();
        String shown = answer.target().length() > 120 ? answer.target().substring(0, 117) + "..." : answer.target();
        Answer a = new Answer(answer.method(), shown, answer.status(), answer.contentType(), answer.headers(), answer.body());
        String path = answer.target().contains("?") ? answer.target().substring(0, answer.target().indexOf('?')) : answer.target();
        String template = template(path);
        if (template == null) return List.of(a.target() + ": no path of the document covers it");
        JsonNode op = doc.get("paths").get(template).get(a.method().toLowerCase(Locale.ROOT));
        if (op == null) return List.of(a.method() + " " + template + ": not in the document");
        JsonNode response = op.get("responses").get(String.valueOf(a.status()));
        if (response == null) response = op.get("responses").get("default");
        if (response == null) return List.of(a.method() + " " + a.target() + ": status " + a.status() + " is not listed for " + template);
        JsonNode headers = response.get("headers");
        if (headers != null)
            headers.fieldNames().forEachRemaining(h -> {
                if (a.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase(h)))
                    errors.add(a.target() + ": " + a.status() + " without its declared " + h + " header");
            });
        JsonNode content = response.get("content");
        if (content == null) {
            if (a.body() != null && !a.body().isEmpty()) errors.add(a.target() + ": " + a.status() + " declares no content but has a body");
            return errors;
        }
        String media = a.contentType() == null ? "" : a.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(media)) {
            errors.add(a.target() + ": " + a.status() + " answered " + a.contentType() + ", the document lists " + names(content));
            return errors;
        }
        if (!media.equals("application/json") && !media.endsWith("+json")) return errors;
        String pointer = "/paths/" + escape(template) + "/" + a.method().toLowerCase(Locale.ROOT) + "/responses/"
                + (op.get("responses").has(String.valueOf(a.status())) ? String.valueOf(a.status()) : "default")
                + "/content/" + escape(media) + "/schema";
        Schema schema = registry.getSchema(SchemaLocation.of(DOC_IRI + "#" + pointer));
        schema.validate(a.body(), InputFormat.JSON).forEach(e -> errors.add(a.target() + " (" + a.status() + "): " + e));
        return errors;
    }

    private static List<String> names(JsonNode content) {
        List<String> out = new ArrayList<>();
        content.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String escape(String token) { return token.replace("~", "~0").replace("/", "~1"); }
}
