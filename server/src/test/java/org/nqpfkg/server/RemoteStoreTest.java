package org.nqpfkg.server;

import java.nio.file.Path;

/** The facade contract over plain Fuseki, a process of its own. */
class RemoteStoreTest extends RemoteStoreContract {
    @Override
    RemoteStores.Started startStore(Path dir) throws Exception { return RemoteStores.fuseki(dir); }
}
