package org.nqpfkg.server.cli;

import java.util.concurrent.Callable;
import org.nqpfkg.server.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Reclaim the space of replaced documents and aborted loads: rewrite the store into a new generation and delete the old one.")
final class CompactCommand implements Callable<Integer> {
    @Mixin StoreOption storeOption;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (storeOption.remote())
            throw new IllegalArgumentException("kg compact works on a local TDB2 store (--store); the remote store "
                    + storeOption.describe() + " reclaims its space by its own means");
        try (KnowledgeStore store = storeOption.openExisting()) {
            long[] bytes = store.compact();
            spec.commandLine().getOut().printf("compacted %s: %,d bytes before, %,d after%n", store.dir(), bytes[0], bytes[1]);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
