package org.nqpfkg.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class over one remote store of one make: the store starts before the subclass's own set-up (JUnit runs a
 * superclass's {@code @BeforeAll} first) and stops after its tear-down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteStoreFixture {
    /** The class's temporary folder: the store's files and the facades' own folders. */
    Path dir;
    RemoteStores.Started store;

    /** Starts the store for this class's tests, its files under {@code dir}. */
    abstract RemoteStores.Started startStore(Path dir) throws Exception;

    @BeforeAll
    void startTheStore(@TempDir Path dir) throws Exception {
        this.dir = dir;
        store = startStore(dir);
    }

    @AfterAll
    void stopTheStore() throws Exception {
        if (store != null) store.close();
    }
}
