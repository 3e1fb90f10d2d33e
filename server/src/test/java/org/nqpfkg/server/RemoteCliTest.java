package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.server.remote.FusekiProcess;

/**
 * kg load, query and validate over a remote store that wants credentials (every request behind HTTP basic
 * authentication, as the compose file's store is); kg compact refuses, having nothing to compact.
 */
class RemoteCliTest {
    @TempDir static Path dir;
    static FusekiProcess fuseki;
    static Path credentials;

    @BeforeAll
    static void start() throws Exception {
        // Jetty's realm file for the store; the facade's file uses the one-line user:password form.
        Path realm = Files.writeString(dir.resolve("realm.properties"), "kg: s3cret-store\n");
        credentials = Files.writeString(dir.resolve("store_credentials"), "kg:s3cret-store\n");
        fuseki = FusekiProcess.start(dir, realm);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fuseki != null) fuseki.close();
    }

    static TestSupport.Run kg(String verb, String... rest) {
        String[] args = new String[rest.length + 5];
        args[0] = verb;
        args[1] = "--endpoint";
        args[2] = fuseki.dataset();
        args[3] = "--endpoint-credentials-file";
        args[4] = credentials.toString();
        System.arraycopy(rest, 0, args, 5, rest.length);
        return TestSupport.kg(args);
    }

    @Test
    void loadQueryAndValidateSpeakSparqlToTheStore() throws Exception {
        loadQueryAndValidate(dir, RemoteCliTest::kg);
    }

    /** kg with a remote store's options, then the verb's own arguments. */
    interface Kg {
        TestSupport.Run run(String verb, String... rest);
    }

    /** Load (again, only with --replace), query and validate over a remote store: the same outcomes as over TDB2. */
    static void loadQueryAndValidate(Path dir, Kg kg) throws Exception {
        Path doc = Files.writeString(dir.resolve("qinglan.txt"), TwoFacadesTest.OPINION);
        TestSupport.Run load = kg.run("load", doc.toString());
        assertEquals(0, load.exit(), load.err());

        TestSupport.Run again = kg.run("load", doc.toString());
        assertEquals(1, again.exit(), "replacing must be asked for, as with a local store: " + again.err());
        assertTrue(again.err().contains("already in the store"), again.err());
        TestSupport.Run replace = kg.run("load", "--replace", doc.toString());
        assertEquals(0, replace.exit(), replace.err());

        TestSupport.Run query = kg.run("query", "--format", "csv", "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a nqpf:Document }");
        assertEquals(0, query.exit(), query.err());
        assertTrue(query.out().contains("\n1"), query.out());

        TestSupport.Run validate = kg.run("validate");
        assertEquals(0, validate.exit(), validate.out() + validate.err());
        assertTrue(validate.out().contains("0 with violations"), validate.out());
    }

    @Test
    void wrongCredentialsAreAClearError() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "kg\nnot-the-password\n");
        TestSupport.Run run = TestSupport.kg("query", "--endpoint", fuseki.dataset(), "--endpoint-credentials-file", wrong.toString(), "ASK {}");
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("401") || run.err().toLowerCase().contains("unauthorized"), run.err());
    }

    @Test
    void aStoreWhoseDefaultGraphIsNotTheUnionIsRefused() throws Exception {
        try (FusekiProcess plain = FusekiProcess.start(dir, null, false)) {
            TestSupport.Run run = TestSupport.kg("query", "--endpoint", plain.dataset(), "ASK {}");
            assertNotEquals(0, run.exit());
            assertTrue(run.err().contains("union"), run.err());
        }
    }

    @Test
    void compactHasNothingToDoOverARemoteStore() {
        TestSupport.Run run = kg("compact");
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("local TDB2 store"), run.err());
    }
}
