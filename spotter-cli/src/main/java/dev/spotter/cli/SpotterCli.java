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
        return commandLine(env).execute(args);
    }

    /**
     * The configured command tree (error handlers, the converters of library values, the command lists), for
     * {@link #execute} and for tests that set their own writers.
     */
    static CommandLine commandLine(Environment env) {
        CommandLine cl = new CommandLine(new SpotterCli(env));
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --bos include|exclude and other enum options
        cl.setParameterExceptionHandler(SpotterCli::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> failure(ex, cmd));
        // values the library parses: an unknown one is a usage error naming the option (registered on every command)
        cl.registerConverter(
                dev.spotter.train.export.Target.class, fromLibrary(dev.spotter.train.export.Target::parse));
        cl.registerConverter(
                dev.spotter.format.ConvertFormat.class, fromLibrary(dev.spotter.format.ConvertFormat::parse));
        cl.registerConverter(dev.spotter.llm.Provider.class, fromLibrary(dev.spotter.llm.Provider::parse));
        cl.registerConverter(dev.spotter.format.TrainOn.class, fromLibrary(dev.spotter.format.TrainOn::parse));
        CommandSummaries.install(cl);
        return cl;
    }

    /**
     * A usage error is one line that names the command and where its help is, not the whole usage text (which
     * would scroll the error off the screen): {@code spotter validate: Unknown option: '--bogus' (see spotter
     * validate --help)}. This is the one place that prints usage errors: picocli's own (unknown option, missing
     * parameter, a value its converter refused), a command's ({@link #usage}), and a missing command, which also
     * prints the command list (on stderr: the run failed) above that line.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        if (ex instanceof MissingCommand) {
            cmd.usage(err);
        }
        String m = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u
                && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            // picocli's "Unmatched argument at index 1: 'bogus'" for what the user meant as a command
            m = "unknown command '" + u.getUnmatched().get(0) + "' (commands: " + String.join(", ", commandNames(cmd))
                    + ")";
        }
        err.println(usageLine(cmd.getCommandSpec(), m));
        err.flush();
        return ExitCodes.USAGE_OR_IO;
    }

    /** {@code spotter <command>: <reason> (see spotter <command> --help)}: README's form of a usage error. */
    private static String usageLine(CommandLine.Model.CommandSpec spec, String reason) {
        String name = spec.qualifiedName(" ");
        return name + ": " + reason + " (see " + name + " --help)";
    }

    private static java.util.List<String> commandNames(CommandLine cmd) {
        return cmd.getSubcommands().keySet().stream()
                .filter(n -> !n.equals("help"))
                .toList();
    }

    /**
     * A usage error a command finds itself (a missing or contradictory combination of options): printed by
     * {@link #usageError} as picocli's own are. {@code throw SpotterCli.usage(spec, "give FILE or --examples N")}.
     */
    static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String reason) {
        return new CommandLine.ParameterException(spec.commandLine(), reason);
    }

    /** What a command made only of subcommands ({@code spotter}, {@code spotter kb}) throws when given none. */
    static CommandLine.ParameterException missingCommand(CommandLine.Model.CommandSpec spec) {
        return new MissingCommand(spec.commandLine());
    }

    private static final class MissingCommand extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;

        MissingCommand(CommandLine cmd) {
            super(cmd, "a command is required");
        }
    }

    /**
     * Maps what a command threw to one line and an exit code. A {@link SpotterException} is an expected failure in
     * the library's own words (a parameter it names is translated to this command's option, e.g. {@code
     * concurrency} to {@code --concurrency}, and the line is then a usage error); an I/O failure names its path;
     * anything else is a bug in Spotter and says so, with the pointer to {@code SPOTTER_DEBUG=1} for the stack
     * trace.
     */
    static int failure(Exception ex, CommandLine cmd) {
        java.io.PrintWriter err = cmd.getErr();
        int code;
        String line;
        if (ex instanceof SpotterException se) {
            String option = optionOf(se, cmd.getCommandSpec());
            String m = se.getMessage() == null ? se.getClass().getSimpleName() : se.getMessage();
            line = option == null
                    ? "spotter: " + m
                    : usageLine(
                            cmd.getCommandSpec(),
                            option + m.substring(se.parameter().length()));
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

    /**
     * The option of this command that a library parameter name stands for ("budgetUsd must be > 0" on a command
     * with {@code --budget-usd}), or null when the message does not start with a parameter this command has.
     */
    static String optionOf(SpotterException e, CommandLine.Model.CommandSpec spec) {
        String m = e.getMessage();
        String p = e.parameter();
        if (p == null || m == null || !m.startsWith(p)) {
            return null;
        }
        String option = "--" + p.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return spec.findOption(option) == null ? null : option;
    }

    /**
     * A library value parser ({@code Target::parse}) as a picocli converter, so an unknown value is a usage error
     * that names the option ({@code spotter export: Invalid value for option '--target': unknown target ...}).
     */
    static <T> CommandLine.ITypeConverter<T> fromLibrary(java.util.function.Function<String, T> parse) {
        return value -> {
            try {
                return parse.apply(value);
            } catch (dev.spotter.ConfigurationException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }

    private static final boolean DEBUG = Environment.system().isSet("SPOTTER_DEBUG");

    @Override
    public void run() {
        throw missingCommand(spec);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SpotterCli.class.getPackage().getImplementationVersion();
            return new String[] {"spotter " + (v == null ? "dev" : v)};
        }
    }
}
