package org.nqpfkg.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.nqpfkg.server.remote.Credentials;
import org.nqpfkg.server.remote.FusekiProcess;
import org.nqpfkg.server.remote.RemoteEndpoints;
import org.nqpfkg.server.remote.VirtuosoProcess;

/** The remote stores the contract tests run against, each started as a process of its own for one test class. */
final class RemoteStores {
    private RemoteStores() {}

    /** A running store: how to reach it, and how to stop it. */
    record Started(RemoteEndpoints endpoints, AutoCloseable process) implements AutoCloseable {
        @Override
        public void close() throws Exception { process.close(); }
    }

    /** Plain Fuseki (TDB2, union default graph), files under {@code dir}. */
    static Started fuseki(Path dir) throws Exception {
        FusekiProcess fuseki = FusekiProcess.start(dir, null);
        return new Started(new RemoteEndpoints(fuseki.dataset(), null, null, null, 60_000), fuseki);
    }

    /**
     * A throwaway Virtuoso with basic-auth query, update and Graph Store endpoints ({@code .ci/virtuoso}); the test
     * is skipped, saying why, where Virtuoso is not installed, unless {@code NQPF_VIRTUOSO=required}.
     */
    static Started virtuoso(Path dir) throws Exception {
        assumeTrue(VirtuosoProcess.enabled(), VirtuosoProcess.whyDisabled());
        VirtuosoProcess virtuoso = VirtuosoProcess.start(dir.resolve("virtuoso"));
        return new Started(new RemoteEndpoints(virtuoso.queryUrl(), virtuoso.updateUrl(), virtuoso.gspUrl(),
                Credentials.read(virtuoso.credentialsFile()), 60_000), virtuoso);
    }
}
