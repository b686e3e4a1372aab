package dev.spotter.cli;

import dev.spotter.Environment;
import dev.spotter.Spotter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The environment a command runs in: the one {@link SpotterCli#execute(Environment, String...)} was given (the
 * process environment for {@code main}, a fixed map in tests), found through the root command of the spec.
 */
final class CliEnv {
    private CliEnv() {}

    static Environment of(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof SpotterCli cli ? cli.env : Environment.system();
    }

    /** The library facade in this command's environment. */
    static Spotter spotter(CommandSpec spec) {
        return Spotter.builder().environment(of(spec)).build();
    }

    /** As {@link #spotter(CommandSpec)}, reporting the progress of long work to {@code progress}. */
    static Spotter spotter(CommandSpec spec, dev.spotter.kernel.ProgressListener progress) {
        return Spotter.builder().environment(of(spec)).progress(progress).build();
    }
}
