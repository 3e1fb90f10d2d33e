package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar is what users run: start it as a process and ask it a question. */
class ServerJarIT {
    @TempDir Path dir;

    @Test
    void theShadedJarStartsAndAnswersASelect() throws Exception {
        Path jar = Path.of(System.getProperty("kg.jar", "target/nqpf-kg.jar"));
        assertTrue(Files.isRegularFile(jar), "shaded jar missing: " + jar);
        int port = TestSupport.freePort();
        int sparql = TestSupport.freePort();
        Process p = new ProcessBuilder("java", "-jar", jar.toString(), "serve", "--store", dir.resolve("store").toString(),
                "--seeds", dir.resolve("none").toString(), "--port", "" + port, "--sparql-port", "" + sparql)
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            HttpResponse<String> health = null;
            while (Instant.now().isBefore(deadline)) {
                try {
                    health = TestSupport.get("http://127.0.0.1:" + port + "/api/health");
                    if (health.statusCode() == 200) break;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertNotNull(health, "server did not start: " + Files.readString(dir.resolve("log.txt")));
            HttpResponse<String> r = TestSupport.get(TestSupport.sparqlGet(sparql,
                    "SELECT ?l WHERE { <https://w3id.org/nqpf-kg/id/level/employee> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"),
                    "Accept", "application/sparql-results+json");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("员工层面"), r.body());
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
