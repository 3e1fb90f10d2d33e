package org.nqpfkg.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "kg", mixinStandardHelpOptions = true, versionProvider = KgCommand.Version.class,
        description = "nqpf-kg: a knowledge graph of how AI drives new quality productive forces (新质生产力).",
        subcommands = {ServeCommand.class, LoadCommand.class, ValidateCommand.class, QueryCommand.class, CompactCommand.class,
                CommandLine.HelpCommand.class})
public final class KgCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run verbs through it in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new KgCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() { return new String[] {"nqpf-kg " + org.nqpfkg.loader.LoaderVersion.get()}; }
    }
}
