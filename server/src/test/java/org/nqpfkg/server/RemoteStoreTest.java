package org.nqpfkg.server;

import java.nio.file.Path;
import org.nqpfkg.server.remote.FusekiProcess;
import org.nqpfkg.server.remote.RemoteEndpoints;

/** The facade contract over plain Fuseki, a process of its own ({@link FusekiProcess}). */
class RemoteStoreTest extends RemoteStoreContract {
    private FusekiProcess fuseki;

    @Override
    RemoteEndpoints startStore(Path dir) throws Exception {
        fuseki = FusekiProcess.start(dir, null);
        return new RemoteEndpoints(fuseki.dataset(), null, null, null, 60_000);
    }

    @Override
    AutoCloseable storeProcess() { return fuseki; }
}
