package org.nqpfkg.server;

import java.nio.file.Path;

/** Two facades over one plain Fuseki. */
class TwoFacadesTest extends TwoFacadesContract {
    @Override
    RemoteStores.Started startStore(Path dir) throws Exception { return RemoteStores.fuseki(dir); }
}
