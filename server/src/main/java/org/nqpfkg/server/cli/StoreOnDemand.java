package org.nqpfkg.server.cli;

import java.util.function.Supplier;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The store, opened the first time a load needs it. A load whose first batch cannot be read then never
 * opens the store, so it does not create one where there was none: a failed load leaves no trace.
 */
final class StoreOnDemand implements Supplier<KnowledgeStore>, AutoCloseable {
    private final StoreOption option;
    private KnowledgeStore store;

    StoreOnDemand(StoreOption option) { this.option = option; }

    /** Whether the store folder was there before: if not, the load can find nothing stored in it. */
    boolean exists() { return store != null || option.exists(); }

    @Override
    public KnowledgeStore get() {
        if (store == null) store = option.open();
        return store;
    }

    @Override
    public void close() {
        if (store != null) store.close();
    }
}
