package org.nqpfkg.server;

import java.nio.file.Path;

/**
 * The facade contract over Virtuoso Open Source (Debian's package, a throwaway instance on loopback; see
 * {@code docs/virtuoso-notes.md}). Skipped, saying why, where Virtuoso is not installed, unless
 * {@code NQPF_VIRTUOSO=required} (as {@code .ci/run} sets it).
 */
class VirtuosoStoreTest extends RemoteStoreContract {
    @Override
    RemoteStores.Started startStore(Path dir) throws Exception { return RemoteStores.virtuoso(dir); }
}
