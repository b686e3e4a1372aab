package dev.spotter.cli;

import dev.spotter.review.ReviewPolicy;
import dev.spotter.review.ReviewScope;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What a review command works on: {@code --project FILE} (default spotter.yaml), or one lone data file
 * ({@code --file DATA.jsonl}, or the positional {@code spotter review DATA.jsonl}) with {@code --db},
 * {@code --source} and {@code --batch-size}. One definition for every review subcommand.
 */
final class ReviewScopeOptions {
    @CommandLine.Mixin
    ProjectOption project;

    @Option(
            names = "--file",
            paramLabel = "DATA.jsonl",
            description = "Review one chat JSONL file and its NAME.provenance.jsonl sidecar instead of a project.")
    Path file;

    @Option(
            names = "--db",
            paramLabel = "FILE",
            description = "With a lone file: the decisions database (default: .spotter/review.db beside the file).")
    Path db;

    @Option(
            names = "--source",
            paramLabel = "ID",
            description = "With a lone file: the source id decisions are stored under (default: the file name).")
    String source;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "With a lone file: records per batch for lines without a generation run_id (default: 50).")
    Integer batchSize;

    /** The scope; {@code positional} is the main command's {@code DATA.jsonl} argument (or null). */
    ReviewScope resolve(CommandSpec spec, Path positional) {
        Path lone = positional != null ? positional : file;
        if (positional != null && file != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give DATA.jsonl or --file, not both");
        }
        if (lone == null) {
            if (db != null || source != null || batchSize != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--db, --source and --batch-size apply to a lone DATA.jsonl (a project sets them in its"
                                + " review: section)");
            }
            return CliEnv.spotter(spec).reviewScope(project.file());
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--project")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give a lone DATA.jsonl or --project, not both");
        }
        return CliEnv.spotter(spec)
                .reviewFile(lone, db, source, batchSize == null ? ReviewPolicy.DEFAULT_BATCH_SIZE : batchSize);
    }
}
