package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every curl example of the README, sent as written (its URL, headers and form data) to a server holding what the
 * README says it holds: the seed and the four genre texts. A README example that answers an error fails here.
 */
class ReadmeExamplesTest {
    static final Pattern CURL = Pattern.compile("^curl .*$", Pattern.MULTILINE);
    static final Pattern URL = Pattern.compile("'?(http://localhost:(8080|3030)[^'\\s]*)'?");
    static final Pattern HEADER = Pattern.compile("-H '([^:]+): ([^']+)'");
    static final Pattern FORM = Pattern.compile("--data-urlencode '([^=]+)=(.*?)'(?=\\s+(?:'?http|$))", Pattern.DOTALL);

    @TempDir static Path dir;
    static ServedStore served;
    static String readme;

    @BeforeAll
    static void start() throws Exception {
        Path genres = Path.of("../loader/src/test/resources/genres");
        served = ServedStore.of(dir, List.of(Path.of("../seeds"), genres.resolve("opinion.txt"), genres.resolve("op-ed.txt"),
                genres.resolve("proposals.txt"), genres.resolve("tv-news.txt")));
        readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() { served.close(); }

    @Test
    void everyCurlExampleAnswersWithoutError() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        Matcher m = CURL.matcher(readme);
        while (m.find()) {
            // A command may go on over several lines inside its quotes (a SPARQL query): take it to its closing quote and URL.
            int end = readme.indexOf("\n```", m.start());
            String command = readme.substring(m.start(), end).replace("\\\n", " ");
            // Writes need a file of the reader's and the admin password: DocumentUploadsTest covers them.
            if (command.substring(0, command.contains("\n") ? command.indexOf('\n') : command.length()).contains(" -u ")) continue;
            Matcher url = URL.matcher(command);
            if (!url.find()) continue;
            if (url.start() > command.indexOf('\n') && command.indexOf('\n') > 0 && !command.substring(0, command.indexOf('\n')).contains("'query="))
                command = command.substring(0, command.indexOf('\n'));
            url = URL.matcher(command);
            assertTrue(url.find(), command);
            int port = url.group(2).equals("8080") ? served.server.port() : served.server.sparqlPort();
            String target = url.group(1).replace("localhost:" + url.group(2), "127.0.0.1:" + port);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60));
            Matcher h = HEADER.matcher(command);
            while (h.find()) b.header(h.group(1), h.group(2));
            Matcher f = FORM.matcher(command);
            if (f.find()) b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(f.group(1) + "=" + URLEncoder.encode(f.group(2), StandardCharsets.UTF_8)));
            HttpResponse<String> r = TestSupport.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            checked++;
            if (r.statusCode() >= 400) failures.add(r.statusCode() + " for " + command + ": " + r.body());
        }
        assertEquals(List.of(), failures);
        assertTrue(checked >= 25, "the README's curl examples were found: " + checked);
    }
}
