package org.nqpfkg.server;

import java.nio.file.Path;

/** Two facades over one Virtuoso: where the store version was first found never to move (docs/virtuoso-notes.md, item 16). */
class VirtuosoTwoFacadesTest extends TwoFacadesContract {
    @Override
    RemoteStores.Started startStore(Path dir) throws Exception { return RemoteStores.virtuoso(dir); }
}
