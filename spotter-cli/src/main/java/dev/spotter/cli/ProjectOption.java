package dev.spotter.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --project FILE}, the project file of every command that works on a whole project (one definition). */
final class ProjectOption {
    @Option(
            names = "--project",
            paramLabel = "FILE",
            defaultValue = "spotter.yaml",
            description = "Project file (default: ${DEFAULT-VALUE}).")
    Path file;

    Path file() {
        return file;
    }
}
