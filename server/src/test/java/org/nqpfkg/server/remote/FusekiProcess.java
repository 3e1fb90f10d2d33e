package org.nqpfkg.server.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.nqpfkg.server.TestSupport;

/** A {@link StandaloneFuseki} started as a separate process on a free loopback port, stopped on close. */
public final class FusekiProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private FusekiProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts one; {@code passwordFile} null for an open store. Waits until it answers (at most 60 s). */
    public static FusekiProcess start(Path logDir, Path passwordFile) throws Exception { return start(logDir, passwordFile, true); }

    /** As {@link #start(Path, Path)}; {@code union} false leaves the store's default graph a graph of its own. */
    public static FusekiProcess start(Path logDir, Path passwordFile, boolean union) throws Exception {
        int port = TestSupport.freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StandaloneFuseki.class.getName(), Integer.toString(port)));
        cmd.add(passwordFile == null ? "-" : passwordFile.toString());
        if (!union) cmd.add("--no-union");
        Path log = logDir.resolve("fuseki-" + port + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        FusekiProcess fuseki = new FusekiProcess(p, port, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("Fuseki exited: " + java.nio.file.Files.readString(log));
            try {
                // Any answer, 401 included, means it listens.
                HttpResponse<Void> r = TestSupport.HTTP.send(HttpRequest.newBuilder(URI.create(fuseki.base() + "/$/ping"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 401) return fuseki;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fuseki.close();
        throw new IllegalStateException("Fuseki did not start in 60 s: " + java.nio.file.Files.readString(log));
    }

    public String base() { return "http://127.0.0.1:" + port; }

    /** The dataset URL: query, update and Graph Store Protocol all answer there. */
    public String dataset() { return base() + "/kg"; }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
