package org.nqpfkg.server.remote;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway Virtuoso Open Source (Debian's {@code virtuoso-opensource}) for the remote-store tests: started and
 * stopped by {@code .ci/virtuoso}, with its database in a folder of its own and its ports on loopback, picked free.
 * Needs only the JDK, so any test (JUnit or not) can use it:
 *
 * <pre>{@code
 * Assumptions.assumeTrue(VirtuosoProcess.enabled(), VirtuosoProcess.whyDisabled());
 * try (VirtuosoProcess v = VirtuosoProcess.start(tempDir)) {
 *     ... v.queryUrl(), v.updateUrl(), v.gspUrl(), v.user(), v.password(), v.credentialsFile() ...
 * }
 * }</pre>
 *
 * <p>Whether the Virtuoso tests run is decided by the system property {@value #SWITCH} or, when it is not set, the
 * environment variable {@value #SWITCH_ENV} (which Maven's forked test JVMs inherit; {@code .ci/run} sets it):
 * <ul>
 *   <li>{@code required}: they must run; {@link #enabled()} throws when Virtuoso is not installed, so CI fails
 *       instead of skipping silently;</li>
 *   <li>{@code auto} (the default): they run when {@code virtuoso-t} and {@code isql-vt} are on the PATH, and are
 *       skipped otherwise;</li>
 *   <li>{@code off}: they never run.</li>
 * </ul>
 *
 * <p>The SPARQL query and update URL is the same ({@code /sparql-basic}): Virtuoso takes {@code query=} and
 * {@code update=} on one endpoint. It wants HTTP basic credentials, which must be sent pre-emptively (Virtuoso's 401
 * challenge names Digest, which the JDK's {@code Authenticator} does not answer; Jena's own auth code does).
 * Send queries as GET or form POST ({@code QuerySendMode.asGetWithLimitForm}): Virtuoso never answers a query POSTed
 * as {@code application/sparql-query}, which is what Jena's default does for long queries. See
 * docs/virtuoso-notes.md for this and the other differences from Jena.
 */
public final class VirtuosoProcess implements AutoCloseable {
    /** System property: {@code required}, {@code auto} or {@code off}. */
    public static final String SWITCH = "nqpf.virtuoso";
    /** Environment variable read when the system property is not set. */
    public static final String SWITCH_ENV = "NQPF_VIRTUOSO";
    /** System property naming the control script, when it is not {@code .ci/virtuoso} above the working folder. */
    public static final String SCRIPT = "nqpf.virtuoso.script";

    private static final long START_TIMEOUT_SECONDS = 120;
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Path dir;
    private final boolean deleteOnClose;
    private final Properties endpoint;
    private final Thread shutdownHook;
    private boolean closed;

    private VirtuosoProcess(Path dir, boolean deleteOnClose, Properties endpoint) {
        this.dir = dir;
        this.deleteOnClose = deleteOnClose;
        this.endpoint = endpoint;
        // A test that dies before close() must not leave a server behind.
        this.shutdownHook = new Thread(this::stopQuietly, "virtuoso-stop " + dir);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    // ------------------------------------------------------------------------------------------------ the switch

    /** How the Virtuoso tests are switched. */
    public enum Mode { REQUIRED, AUTO, OFF }

    public static Mode mode() {
        String v = System.getProperty(SWITCH);
        if (v == null || v.isBlank()) v = System.getenv(SWITCH_ENV);
        if (v == null || v.isBlank()) return Mode.AUTO;
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "required": case "require": case "true": case "on": return Mode.REQUIRED;
            case "auto": return Mode.AUTO;
            case "off": case "false": case "skip": return Mode.OFF;
            default: throw new IllegalArgumentException(SWITCH + " must be required, auto or off, not '" + v + "'");
        }
    }

    /** Null when Virtuoso can be started here; otherwise what is missing, in words an operator can act on. */
    public static String missing() {
        StringBuilder why = new StringBuilder();
        for (String tool : new String[] {"virtuoso-t", "isql-vt", "curl"}) {
            if (onPath(tool) == null) why.append(why.length() == 0 ? "" : ", ").append(tool);
        }
        if (why.length() > 0) {
            why.insert(0, "not on the PATH: ").append(" (Debian: .ci/virtuoso install, or apt-get install virtuoso-opensource curl)");
        }
        if (script() == null) {
            if (why.length() > 0) why.append("; ");
            why.append("the control script .ci/virtuoso was not found above ").append(Path.of("").toAbsolutePath())
               .append(" (set -D").append(SCRIPT).append("=PATH)");
        }
        return why.length() == 0 ? null : why.toString();
    }

    /**
     * Whether the Virtuoso tests should run. Throws {@link IllegalStateException} when they are {@code required}
     * but Virtuoso cannot be started, so the build fails with the reason rather than skipping the tests.
     */
    public static boolean enabled() {
        Mode mode = mode();
        if (mode == Mode.OFF) return false;
        String missing = missing();
        if (missing == null) return true;
        if (mode == Mode.REQUIRED) {
            throw new IllegalStateException("Virtuoso tests are required (" + SWITCH + "=required or " + SWITCH_ENV
                    + "=required) but Virtuoso cannot be started: " + missing);
        }
        return false;
    }

    /** The reason to give when {@link #enabled()} is false (for JUnit's assumeTrue). */
    public static String whyDisabled() {
        if (mode() == Mode.OFF) return "Virtuoso tests are off (" + SWITCH + "=off)";
        String missing = missing();
        if (missing == null) return "Virtuoso is available";
        return mode() == Mode.REQUIRED ? "Virtuoso is required but cannot be started: " + missing
                : "Virtuoso tests skipped: " + missing + "; set " + SWITCH + "=required (or " + SWITCH_ENV
                        + "=required) to make this a failure";
    }

    // ------------------------------------------------------------------------------------------ start and stop

    /**
     * Starts a fresh instance whose database lives in {@code dir} (created if needed; it must not hold a database),
     * and returns once SPARQL answers. The folder is kept on close, for the log ({@code virtuoso.log}).
     */
    public static VirtuosoProcess start(Path dir) throws IOException {
        return start(dir, false);
    }

    /** As {@link #start(Path)}, in a new temporary folder that {@link #close()} deletes. */
    public static VirtuosoProcess startTemporary() throws IOException {
        return start(Files.createTempDirectory("virtuoso-"), true);
    }

    private static VirtuosoProcess start(Path dir, boolean deleteOnClose) throws IOException {
        String missing = missing();
        if (missing != null) throw new IllegalStateException("cannot start Virtuoso: " + missing);
        Files.createDirectories(dir);
        Path abs = dir.toAbsolutePath();
        Result r = run(START_TIMEOUT_SECONDS, "start", abs.toString());
        if (r.exit != 0) {
            throw new IOException("'.ci/virtuoso start " + abs + "' failed (exit " + r.exit + "):\n" + r.output);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(abs.resolve("endpoint.properties"))) {
            p.load(in);
        }
        return new VirtuosoProcess(abs, deleteOnClose, p);
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s) and, for a temporary folder, deletes it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the server itself
        }
        try {
            Result r = run(STOP_TIMEOUT_SECONDS, "stop", dir.toString());
            if (r.exit != 0) throw new IllegalStateException("'.ci/virtuoso stop " + dir + "' failed:\n" + r.output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (deleteOnClose) deleteTree(dir);
    }

    private void stopQuietly() {
        try {
            run(STOP_TIMEOUT_SECONDS, "stop", dir.toString());
        } catch (Exception ignored) {
            // the JVM is exiting; nothing more to do
        }
    }

    // --------------------------------------------------------------------------------------------- what it offers

    /** SPARQL 1.1 Query endpoint (basic auth). */
    public String queryUrl() { return get("query"); }

    /** SPARQL 1.1 Update endpoint (basic auth); the same URL as {@link #queryUrl()}. */
    public String updateUrl() { return get("update"); }

    /** SPARQL 1.1 Graph Store Protocol endpoint ({@code ?graph=IRI}; basic auth). */
    public String gspUrl() { return get("gsp"); }

    /** Read-only query endpoint that needs no credentials. */
    public String anonymousQueryUrl() { return get("anonymous-query"); }

    public String user() { return get("user"); }

    public String password() { return get("password"); }

    /** A file holding {@code user:password}, the format of the facade's store-credentials file. */
    public Path credentialsFile() { return Path.of(get("credentials-file")); }

    /** The value of a pre-emptive {@code Authorization} header. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user() + ":" + password()).getBytes(StandardCharsets.UTF_8));
    }

    public int httpPort() { return Integer.parseInt(get("http-port")); }

    public long pid() { return Long.parseLong(get("pid")); }

    /** Milliseconds from launch until the SPARQL endpoint answered (users and grants set up). */
    public long startMillis() { return Long.parseLong(get("start-millis")); }

    /** The instance's folder: virtuoso.ini, virtuoso.log, the database. */
    public Path dir() { return dir; }

    public Path log() { return dir.resolve("virtuoso.log"); }

    @Override
    public String toString() {
        return "Virtuoso[" + queryUrl() + ", pid " + pid() + ", " + dir + "]";
    }

    private String get(String key) {
        String v = endpoint.getProperty(key);
        if (v == null) throw new IllegalStateException("endpoint.properties in " + dir + " has no " + key);
        return v;
    }

    // ------------------------------------------------------------------------------------------------- plumbing

    private record Result(int exit, String output) {}

    private static Result run(long timeoutSeconds, String... args) throws IOException {
        Path script = script();
        if (script == null) throw new IllegalStateException("the control script .ci/virtuoso was not found");
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = script.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        Path out = Files.createTempFile("virtuoso-ctl-", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted while running " + String.join(" ", cmd), e);
            }
            if (!done) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** {@code -Dnqpf.virtuoso.script}, else {@code .ci/virtuoso} in the working folder or one above it. */
    static Path script() {
        String given = System.getProperty(SCRIPT);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isRegularFile(p) ? p.toAbsolutePath() : null;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve(".ci").resolve("virtuoso");
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static Path onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an instance, prints its endpoints, waits for Enter, stops it: {@code java VirtuosoProcess.java [DIR]}. */
    public static void main(String[] args) throws Exception {
        System.out.println("mode " + mode() + "; " + whyDisabled());
        try (VirtuosoProcess v = args.length > 0 ? start(Path.of(args[0])) : startTemporary()) {
            System.out.println(v + " started in " + v.startMillis() + " ms");
            System.out.println("query/update " + v.queryUrl() + "  gsp " + v.gspUrl() + "  credentials " + v.credentialsFile());
            if (System.console() != null) {
                System.out.println("Enter stops it.");
                System.console().readLine();
            }
        }
    }
}
