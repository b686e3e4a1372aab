package dev.spotter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spotter} command. Each subcommand is a thin adapter over a library package; add new ones to
 * {@code subcommands} below (one line each, kept sorted).
 */
@Command(
        name = "spotter",
        mixinStandardHelpOptions = true,
        versionProvider = SpotterCli.Version.class,
        description = "Builds, checks and ships the fine-tuning dataset for a fitness-coaching Llama 3.3 model.",
        subcommands = {
            CommandLine.HelpCommand.class,
            BuildCommand.class,
            AuditVoiceCommand.class,
            CheckCommand.class,
            ConvertCommand.class,
            CostCommand.class,
            EvalCommand.class,
            ExportCommand.class,
            GenerateCommand.class,
            InventoryCommand.class,
            KbCommand.class,
            ParseCommand.class,
            StatsCommand.class,
            SynthVoiceCommand.class,
            TokensCommand.class,
            TrainCommand.class,
            ValidateCommand.class,
        })
public final class SpotterCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI in-process and returns the exit code (used by tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new SpotterCli());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.USAGE_OR_IO);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            // One clear line, never a stack trace, for expected failures (I/O, bad config, refused service).
            cmd.getErr()
                    .println("spotter: "
                            + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            if (System.getenv("SPOTTER_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ExitCodes.USAGE_OR_IO;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SpotterCli.class.getPackage().getImplementationVersion();
            return new String[] {"spotter " + (v == null ? "dev" : v)};
        }
    }
}
