package org.nqpfkg.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.nqpfkg.server.remote.Credentials;
import org.nqpfkg.server.remote.RemoteEndpoints;
import org.nqpfkg.server.remote.VirtuosoProcess;

/**
 * The facade contract over Virtuoso Open Source (Debian's package, a throwaway instance on loopback with
 * basic-auth query, update and Graph Store endpoints; see {@code docs/virtuoso-notes.md}). Skipped, saying why,
 * where Virtuoso is not installed, unless {@code NQPF_VIRTUOSO=required} (as {@code .ci/run} sets it).
 */
class VirtuosoStoreTest extends RemoteStoreContract {
    private VirtuosoProcess virtuoso;

    @Override
    RemoteEndpoints startStore(Path dir) throws Exception {
        assumeTrue(VirtuosoProcess.enabled(), VirtuosoProcess.whyDisabled());
        virtuoso = VirtuosoProcess.start(dir.resolve("virtuoso"));
        return new RemoteEndpoints(virtuoso.queryUrl(), virtuoso.updateUrl(), virtuoso.gspUrl(),
                Credentials.read(virtuoso.credentialsFile()), 60_000);
    }

    @Override
    AutoCloseable storeProcess() { return virtuoso; }
}
