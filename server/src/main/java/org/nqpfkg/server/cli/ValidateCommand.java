package org.nqpfkg.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.nqpfkg.loader.validate.ShaclGate;
import org.nqpfkg.server.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Print the SHACL report of every source graph in the store; exit 1 on violations.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin StoreOption storeOption;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        try (KnowledgeStore store = storeOption.openExisting()) {
            Map<String, ShaclGate.Verdict> verdicts = store.validate();
            int failing = 0;
            for (Map.Entry<String, ShaclGate.Verdict> e : verdicts.entrySet()) {
                ShaclGate.Verdict v = e.getValue();
                out.println((v.conforms() ? "ok    " : "FAIL  ") + e.getKey());
                v.problems().forEach(p -> out.println("      " + p));
                if (!v.conforms()) failing++;
            }
            out.printf("%d graph(s) validated, %d with violations%n", verdicts.size(), failing);
            out.flush();
            return failing == 0 ? 0 : 1;
        }
    }
}
