package dev.spotter.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --progress} and {@code --progress-seconds}, shared by every command that does long work: on a terminal a
 * live progress line is always drawn on stderr; off a terminal nothing is, unless {@code --progress} asks for a
 * plain line every {@code --progress-seconds} (stdout is never touched: it stays the command's data).
 */
final class ProgressOptions {
    @Option(
            names = "--progress",
            description = "Print a progress line to stderr every --progress-seconds when stderr is not a terminal"
                    + " (on a terminal a live line is drawn anyway).")
    boolean progress;

    @Option(
            names = "--progress-seconds",
            paramLabel = "N",
            defaultValue = "5",
            description = "Seconds between plain progress lines (default ${DEFAULT-VALUE}).")
    int seconds = 5;

    /** The renderer for this run; {@code plainByDefault}: off a terminal print plain lines even without --progress. */
    ProgressRenderer renderer(CommandSpec spec, boolean plainByDefault) {
        ProgressRenderer.Mode mode = Terminal.interactive()
                ? ProgressRenderer.Mode.LIVE
                : progress || plainByDefault ? ProgressRenderer.Mode.PLAIN : ProgressRenderer.Mode.OFF;
        return new ProgressRenderer(spec.commandLine().getErr(), mode, Duration.ofSeconds(Math.max(1, seconds)));
    }
}
