package dev.spotter.cli;

import dev.spotter.Environment;
import dev.spotter.SpotterException;
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
            CompletionCommand.class,
            ConvertCommand.class,
            CostCommand.class,
            EvalCommand.class,
            ExportCommand.class,
            GenerateCommand.class,
            InventoryCommand.class,
            KbCommand.class,
            ParseCommand.class,
            PreviewCommand.class,
            ReviewCommand.class,
            StatsCommand.class,
            SynthVoiceCommand.class,
            TokensCommand.class,
            TrainCommand.class,
            ValidateCommand.class,
        })
public final class SpotterCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where commands look up environment variables (API keys, SPOTTER_KB_URL, PGPASSWORD). */
    final Environment env;

    SpotterCli(Environment env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(execute(Environment.system(), args));
    }

    /** Runs the CLI in-process with the process environment and returns the exit code. */
    public static int execute(String... args) {
        return execute(Environment.system(), args);
    }

    /**
     * Runs the CLI in-process in {@code env} (tests pass a fixed map: no child JVM is needed to set a variable) and
     * returns the exit code.
     */
    public static int execute(Environment env, String... args) {
        CommandLine cl = new CommandLine(new SpotterCli(env));
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --bos include|exclude and other enum options
        cl.setParameterExceptionHandler(SpotterCli::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> failure(ex, cmd));
        CommandSummaries.install(cl);
        return cl.execute(args);
    }

    /**
     * A usage error is one line that names the command and where its help is, not the whole usage text (which
     * would scroll the error off the screen): {@code spotter validate: unknown option: '--bogus' (see spotter
     * validate --help)}.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        String m = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
        cmd.getErr().println(name + ": " + m + " (see " + name + " --help)");
        cmd.getErr().flush();
        return ExitCodes.USAGE_OR_IO;
    }

    /**
     * Maps what a command threw to one line and an exit code. A {@link SpotterException} is an expected failure in
     * the library's own words (a parameter it names is translated to this command's option, e.g. {@code
     * concurrency} to {@code --concurrency}); an I/O failure names its path; anything else is a bug in Spotter and
     * says so, with the pointer to {@code SPOTTER_DEBUG=1} for the stack trace.
     */
    static int failure(Exception ex, CommandLine cmd) {
        java.io.PrintWriter err = cmd.getErr();
        int code;
        String line;
        if (ex instanceof SpotterException se) {
            line = "spotter: " + withOptionNames(se, cmd.getCommandSpec());
            code = ExitCodes.USAGE_OR_IO;
        } else if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            // the JDK's file exceptions carry only the path ("java.nio.file.NoSuchFileException: x"): name the path
            // and the reason in words, as every other error line does
            java.io.IOException io =
                    ex instanceof java.io.UncheckedIOException u ? u.getCause() : (java.io.IOException) ex;
            String m = ex.getMessage();
            line = "spotter: "
                    + (m != null && m.startsWith("cannot ")
                            ? m
                            : dev.spotter.FileException.of(io).getMessage());
            code = ExitCodes.USAGE_OR_IO;
        } else {
            line = "spotter: internal error (a bug in Spotter, please report it): "
                    + ex.getClass().getName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                    + (DEBUG ? "" : " (rerun with SPOTTER_DEBUG=1 for the stack trace)");
            code = ExitCodes.INTERNAL_ERROR;
        }
        err.println(line);
        if (DEBUG) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Replaces a leading library parameter name ("budgetUsd must be > 0") with this command's option name. */
    static String withOptionNames(SpotterException e, CommandLine.Model.CommandSpec spec) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String p = e.parameter();
        if (p == null || !m.startsWith(p)) {
            return m;
        }
        String option = "--" + p.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return spec.findOption(option) == null ? m : option + m.substring(p.length());
    }

    private static final boolean DEBUG = Environment.system().isSet("SPOTTER_DEBUG");

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
