package dev.spotter.assemble;

import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.format.ConvertFormat;
import dev.spotter.kernel.IoErrors;
import dev.spotter.kernel.ProgressListener;
import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Inventory;
import dev.spotter.project.Project;
import dev.spotter.project.SourceScanner;
import dev.spotter.project.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dataset build: ingest ({@link IngestStep}, with {@link SynthStep} for synthesized sources) → dedup
 * ({@link DedupStep}) → PII scrub ({@link ScrubStep}) → split + leakage check ({@link SplitStep}) → write
 * ({@link WriteStep}) → accounting ({@link AccountingStep}) → trainer check ({@link TrainerCheckStep}) → summary,
 * card and report ({@link ReportStep}).
 *
 * <p>Every step streams its input file by file and line by line; what it holds in memory is stated on the step
 * (the dedup and leakage indexes, about 470 bytes per kept example, and 16 bytes per example for the split). Each
 * step hands the next a record of what it produced ({@link BuildSummary} collects them). Files go where the
 * {@link DatasetLayout} says; intermediate files and the step cache live in its state directory, and each step's
 * key is a SHA-256 of its inputs' content and its settings, so a re-run only repeats steps whose inputs changed
 * (adding a source re-ingests only that source; {@link StepRunner}). Nothing in the outputs depends on time,
 * machine or thread scheduling: same inputs and seed, same bytes.
 *
 * <pre>{@code
 * BuildResult r = BuildPipeline.builder(ProjectLoader.load(Path.of("examples/spotter.yaml")))
 *         .outDir(Path.of("build"))
 *         .build()
 *         .run();
 * }</pre>
 */
public final class BuildPipeline {
    private final Project project;
    private final DatasetLayout layout;
    private final ExampleTokenCounter tokens;
    private final Consumer<String> log;
    private final ProgressListener progress;
    private final List<FormatWriter> writers;

    private BuildPipeline(Builder b, DatasetLayout layout, List<FormatWriter> writers) {
        this.project = b.project;
        this.layout = layout;
        this.tokens = b.tokens;
        this.log = b.log;
        this.progress = b.progress;
        this.writers = writers;
    }

    public static Builder builder(Project project) {
        return new Builder(project);
    }

    /** Configures a build; {@link #build()} checks the settings. */
    public static final class Builder {
        private static final Pattern WRITER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
        private static final Set<String> TAKEN = Set.of("provenance", "eval", "report.html", "summary.json");

        private final Project project;
        private Path outDir;
        private Path stateDir;
        private ExampleTokenCounter tokens = ExampleTokenCounter.llama3();
        private Consumer<String> log = s -> {};
        private ProgressListener progress = ProgressListener.NONE;
        private List<FormatWriter> writers;

        private Builder(Project project) {
            this.project = Objects.requireNonNull(project, "project");
        }

        /** Output directory; default: the project's {@code output.dir} relative to the project file. */
        public Builder outDir(Path dir) {
            this.outDir = Objects.requireNonNull(dir, "outDir");
            return this;
        }

        /**
         * Where the build keeps what must not be uploaded (step state, quarantine, dedup and leakage logs); default:
         * the project's {@code output.stateDir}, else the sibling {@code <out>.state} of the output directory.
         */
        public Builder stateDir(Path dir) {
            this.stateDir = Objects.requireNonNull(dir, "stateDir");
            return this;
        }

        public Builder tokenCounter(ExampleTokenCounter counter) {
            this.tokens = Objects.requireNonNull(counter, "tokenCounter");
            return this;
        }

        /** Receives one line per step and the final summary lines. */
        public Builder log(Consumer<String> sink) {
            this.log = Objects.requireNonNull(sink, "log");
            return this;
        }

        /** Receives the lines and bytes the ingest reads, per input file (task "ingest FILE"). */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /**
         * The upload formats to write, each to {@code <out>/<name>/}; default: the project's {@code output.formats}
         * as the foundation's {@link ConvertFormat}s ({@link FormatWriter#of}). Names must be distinct directory
         * names (lower-case letters, digits, '.', '_', '-') and not one of the build's own files.
         */
        public Builder writers(List<FormatWriter> writers) {
            this.writers = List.copyOf(writers);
            return this;
        }

        public BuildPipeline build() {
            Path dir = outDir != null
                    ? outDir
                    : project.baseDir().resolve(project.output().dir());
            String projectState = project.output().stateDir();
            Path state = stateDir != null
                    ? stateDir
                    : outDir == null && projectState != null ? project.baseDir().resolve(projectState) : null;
            DatasetLayout layout = DatasetLayout.of(dir, state);
            if (project.baseDir().toAbsolutePath().normalize().startsWith(layout.dir())) {
                throw new ConfigurationException(
                        "output directory " + dir + " contains the project; choose a subdirectory");
            }
            if (project.review().enabled()
                    && project.review().db().toAbsolutePath().normalize().startsWith(layout.dir())) {
                throw new ConfigurationException(
                        "review.db " + project.review().db() + " is inside the output directory " + layout.dir()
                                + ": decisions are not uploaded; choose another --out or review.db");
            }
            List<FormatWriter> ws = writers != null
                    ? writers
                    : project.output().formats().stream()
                            .map(f -> FormatWriter.of(ConvertFormat.parse(f)))
                            .toList();
            if (ws.isEmpty()) {
                throw new ConfigurationException("writers: give at least one format writer");
            }
            Set<String> names = new HashSet<>();
            for (FormatWriter w : ws) {
                String n = w.name();
                if (n == null || !WRITER_NAME.matcher(n).matches() || TAKEN.contains(n)) {
                    throw new ConfigurationException("writers: '" + n + "' cannot be a format directory (lower-case"
                            + " letters, digits, '.', '_', '-', and none of " + TAKEN + ")");
                }
                if (!names.add(n)) {
                    throw new ConfigurationException("writers: format '" + n + "' is given twice");
                }
            }
            return new BuildPipeline(this, layout, ws);
        }
    }

    /** Where this build writes. */
    public DatasetLayout layout() {
        return layout;
    }

    /** Runs every step; returns what happened. I/O problems are {@link FileException}s or UncheckedIOExceptions naming the file. */
    public BuildResult run() {
        SourceSpec.requireJsonl(project); // before any work: Parquet needs the distributed build
        layout.requireBuildFolder();
        try {
            Files.createDirectories(layout.stateDir());
        } catch (IOException e) {
            throw FileException.of(layout.stateDir(), "cannot create", IoErrors.reason(e));
        }
        removeLegacyFiles();
        StepRunner runner = new StepRunner(BuildState.load(layout.stateFile()), layout, log);
        BuildContext b = new BuildContext(project, layout, tokens, writers, runner);
        SourceScanner scanner = new SourceScanner(project, tokens, progress);

        List<Step<IngestStats>> ingests = new ArrayList<>();
        for (SourceSpec s : project.sources()) {
            ingests.add(
                    s.synthesized()
                            ? IngestStep.synthesized(b, scanner, s, SynthStep.run(b, s, List.copyOf(ingests)))
                            : IngestStep.files(b, scanner, s));
        }
        Step<DedupStats> dedup = DedupStep.run(b, ingests);
        Step<ScrubStats> scrub = ScrubStep.run(b, dedup);
        Step<SplitStats> split = SplitStep.run(b, scrub);
        Step<WriteStats> write = WriteStep.run(b, ingests, dedup, scrub, split);
        AccountingStats accounting = AccountingStep.run(b, ingests);
        TrainerStats trainer = TrainerCheckStep.run(b, scrub.hash(layout, layout.scrubbed()));
        List<IngestStats> ingested = ingests.stream().map(Step::stats).toList();
        BuildSummary summary = BuildSummary.of(
                project,
                tokens,
                ingested,
                dedup.stats(),
                scrub.stats(),
                split.stats(),
                write.stats(),
                inventory(project, tokens, ingested, write.stats()),
                accounting,
                trainer,
                layout.stateDirShown());
        ReportStep.run(b, summary);
        runner.saveState();
        return new BuildResult(layout, runner.runs(), summary);
    }

    /**
     * Deletes what builds before the state directory left in the dataset folder (quarantine, logs, {@code .state/}):
     * raw rejected lines and unscrubbed intermediate files must not stay where the folder is uploaded from.
     */
    private void removeLegacyFiles() {
        for (Path p : layout.legacyFiles()) {
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            } catch (IOException e) {
                throw FileException.of(p, "cannot delete", IoErrors.reason(e));
            }
            log.accept("removed " + layout.relative(p) + " from the dataset folder (now kept in "
                    + layout.stateDirShown() + ")");
        }
    }

    /** What the dataset now holds against the targets: the written examples per source and category. */
    static Inventory inventory(
            Project project, ExampleTokenCounter tokens, List<IngestStats> ingests, WriteStats write) {
        Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
        for (WriteStats.Stratum s : write.strata()) {
            counts.computeIfAbsent(s.source(), x -> new LinkedHashMap<>())
                    .put(s.category(), new long[] {s.train() + s.validation(), s.tokens()});
        }
        Map<String, Long> rejects = new LinkedHashMap<>();
        long measuredExamples = 0;
        long measuredTokens = 0;
        for (int i = 0; i < ingests.size(); i++) {
            rejects.put(project.sources().get(i).id(), ingests.get(i).rejected());
            if (!project.sources().get(i).synthesized()) {
                // the cost figure is measured over the sources' accepted lines, as `spotter inventory` measures it
                for (IngestStats.CategoryCount cc : ingests.get(i).categories().values()) {
                    measuredExamples += cc.examples();
                    measuredTokens += cc.tokens();
                }
            }
        }
        return Inventory.from(project, tokens.describe(), counts, rejects, measuredExamples, measuredTokens);
    }
}
