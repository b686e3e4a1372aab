package dev.spotter;

import dev.spotter.assemble.BuildPipeline;
import dev.spotter.assemble.BuildResult;
import dev.spotter.assemble.DatasetLayout;
import dev.spotter.eval.EvalReport;
import dev.spotter.eval.Evaluator;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.Converter;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.TokenCounter;
import dev.spotter.format.ValidationReport;
import dev.spotter.format.ValidationSummary;
import dev.spotter.generate.GenerateOptions;
import dev.spotter.generate.GenerationState;
import dev.spotter.generate.Generator;
import dev.spotter.generate.Report;
import dev.spotter.kb.KbDatabase;
import dev.spotter.kb.KbExport;
import dev.spotter.kb.KbLint;
import dev.spotter.kb.KbPlanning;
import dev.spotter.kb.KbReader;
import dev.spotter.kb.KbSource;
import dev.spotter.kb.KbSplitter;
import dev.spotter.kernel.ProgressListener;
import dev.spotter.kernel.ProgressStream;
import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Inventory;
import dev.spotter.project.Project;
import dev.spotter.project.ProjectLoader;
import dev.spotter.project.ReviewSettings;
import dev.spotter.review.ReviewApp;
import dev.spotter.review.ReviewScope;
import dev.spotter.review.ReviewedFile;
import dev.spotter.review.SourceReview;
import dev.spotter.train.TogetherClient;
import dev.spotter.train.export.ExportReport;
import dev.spotter.train.export.Exporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point a Java backend needs: every job the {@code spotter} command runs, without picocli. The CLI
 * is a set of adapters over this class; what a command decides (an empty input fails validation, an evaluation
 * whose every call failed is an error, where a build put its files) is decided here, so a backend gets the same
 * answers.
 *
 * <pre>{@code
 * Spotter spotter = Spotter.builder().environment(Environment.system()).log(System.out::println).build();
 * BuildResult build = spotter.build(Path.of("spotter.yaml"), null);        // the whole dataset pipeline
 * ValidationReport v = spotter.validate(List.of(Path.of("voice.jsonl")), Path.of("rejects.jsonl"));
 * ExportReport e = spotter.export(Exporter.builder(Target.TOGETHER, Path.of("out/together")), build.layout());
 * }</pre>
 *
 * <p>Contract: every method either returns a result or throws a {@link SpotterException} whose message is one line
 * safe to show (an I/O failure becomes a {@link FileException} naming the path). Nothing else escapes except bugs.
 * A {@code Spotter} holds no mutable state and is safe to share between threads; each call does its own I/O.
 * Secrets are read from the {@link Environment} given to the builder, never from the process unless that is the
 * environment given.
 */
public final class Spotter {
    private final Environment env;
    private final Consumer<String> log;
    private final ExampleTokenCounter tokens;
    private final ProgressListener progress;

    private Spotter(Builder b) {
        this.env = b.env;
        this.log = b.log;
        this.tokens = b.tokens;
        this.progress = b.progress;
    }

    /** A facade with no environment variables, no log and exact Llama 3 token counts. */
    public static Spotter create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The environment secrets and URLs are looked up in. */
    public Environment environment() {
        return env;
    }

    // ---------------------------------------------------------------- project and build

    /** Loads {@code spotter.yaml}; the message of a bad file names the key path. */
    public Project project(Path projectFile) {
        return ProjectLoader.load(projectFile, env);
    }

    /** Where the dataset stands against the project's targets, computed from the files on disk. */
    public Inventory inventory(Path projectFile) {
        return Inventory.compute(project(projectFile), tokens);
    }

    /**
     * Runs the whole build: ingest + validate, dedup, PII scrub, split + leakage check, upload files per format,
     * provenance, card, report, accounting. Steps whose inputs did not change are reused.
     *
     * @param outDir where to write; {@code null} = the project's {@code output.dir}
     */
    public BuildResult build(Path projectFile, @Nullable Path outDir) {
        return build(project(projectFile), outDir);
    }

    /** As {@link #build(Path, Path)} for a project already loaded with {@link #project(Path)}. */
    public BuildResult build(Project project, @Nullable Path outDir) {
        return build(project, outDir, null);
    }

    /**
     * As {@link #build(Project, Path)} with the state directory (quarantine, logs, step cache: what must not be
     * uploaded) at {@code stateDir}; {@code null} = the project's {@code output.stateDir}, else {@code <out>.state}.
     */
    public BuildResult build(Project project, @Nullable Path outDir, @Nullable Path stateDir) {
        BuildPipeline.Builder b =
                BuildPipeline.builder(project).tokenCounter(tokens).log(log).progress(progress);
        if (outDir != null) {
            b.outDir(outDir);
        }
        if (stateDir != null) {
            b.stateDir(stateDir);
        }
        return b.build().run();
    }

    /** The build a directory holds (what {@code build --out} wrote), checked to contain {@code format}. */
    public DatasetLayout dataset(Path dir, String format) {
        return DatasetLayout.open(dir, format);
    }

    /** The build at the project's {@code output.dir}, checked to contain {@code format}. */
    public DatasetLayout datasetOf(Path projectFile, String format) {
        return DatasetLayout.open(DatasetLayout.of(project(projectFile)).dir(), format, projectFile);
    }

    // ---------------------------------------------------------------- validate and convert

    /**
     * Validates chat JSONL files with the default validator (exact Llama 3 tokens, 24,576-token limit).
     *
     * @param quarantine where rejected lines go verbatim with file, line and reason; {@code null} = nowhere
     */
    public ValidationReport validate(List<Path> files, @Nullable Path quarantine) {
        return validate(
                ChatValidator.builder().tokenCounter(TokenCounter.llama3()).build(), files, quarantine);
    }

    /** As {@link #validate(List, Path)} with a configured validator. */
    public ValidationReport validate(ChatValidator validator, List<Path> files, @Nullable Path quarantine) {
        List<Input> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(Input.of(f));
        }
        return validateInputs(validator, inputs, quarantine, Integer.MAX_VALUE);
    }

    /**
     * Validates inputs in order into one quarantine. {@code maxErrors} caps the example error lines kept in the
     * total (the counts are always exact).
     */
    public ValidationReport validateInputs(
            ChatValidator validator, List<Input> inputs, @Nullable Path quarantine, int maxErrors) {
        Objects.requireNonNull(validator, "validator");
        for (Input in : inputs) {
            in.checkReadable();
        }
        List<ValidationReport.FileResult> results = new ArrayList<>();
        ValidationSummary total = ValidationSummary.empty();
        try (QuarantineWriter q =
                quarantine == null ? QuarantineWriter.discarding() : QuarantineWriter.to(quarantine)) {
            for (Input in : inputs) {
                ValidationSummary s;
                try (InputStream stream = in.open("validate", progress)) {
                    s = validator.validate(stream, in.name(), a -> {}, q);
                } catch (IOException e) {
                    throw in.failure(e);
                }
                results.add(new ValidationReport.FileResult(in.name(), s));
                total = total.plus(s, maxErrors);
            }
        } catch (IOException e) {
            throw quarantine == null ? FileException.of(e) : FileException.writing(quarantine, e);
        } catch (UncheckedIOException e) {
            IOException cause = java.util.Objects.requireNonNull(e.getCause()); // UncheckedIOException always has one
            throw quarantine == null ? FileException.of(cause) : FileException.writing(quarantine, cause);
        }
        return new ValidationReport(results, total);
    }

    /**
     * Converts one input to {@code converter}'s format: accepted examples are written to {@code out} (atomically
     * when it is a file), rejected lines go to {@code quarantine}.
     */
    public Converter.Result convert(Converter converter, Input in, OutputStream out, @Nullable Path quarantine) {
        in.checkReadable();
        try (QuarantineWriter q = quarantine == null ? QuarantineWriter.discarding() : QuarantineWriter.to(quarantine);
                InputStream stream = in.open("convert", progress)) {
            return converter.convert(stream, in.name(), out, q);
        } catch (IOException e) {
            throw FileException.of(e);
        }
    }

    /** A named input: a file, or a stream such as stdin (read once). */
    public record Input(
            String name, @Nullable Path path, @Nullable InputStream stream) {
        public Input {
            Objects.requireNonNull(name, "name");
            if ((path == null) == (stream == null)) {
                throw new IllegalArgumentException("an input is a path or a stream");
            }
        }

        public static Input of(Path path) {
            return new Input(path.toString(), path, null);
        }

        /** A stream that is read but not closed (e.g. the process's stdin). */
        public static Input of(String name, InputStream stream) {
            return new Input(name, null, stream);
        }

        void checkReadable() {
            if (path != null) {
                FileException.requireReadableFile(path);
            }
        }

        /** Opens the input reporting lines and bytes read to {@code progress} as task "{@code verb} {@code name}". */
        InputStream open(String verb, ProgressListener progress) throws IOException {
            return ProgressStream.wrap(open(), verb + " " + name, path == null ? -1 : Files.size(path), progress);
        }

        InputStream open() throws IOException {
            if (path != null) {
                return Files.newInputStream(path);
            }
            InputStream s = Objects.requireNonNull(stream);
            return new java.io.FilterInputStream(s) {
                @Override
                public void close() {
                    // the caller owns the stream (stdin)
                }
            };
        }

        FileException failure(IOException e) {
            return FileException.reading(path != null ? path : Path.of(name), e);
        }
    }

    // ---------------------------------------------------------------- generate and knowledge base

    /**
     * Runs a generation plan to its quotas (resumable: the state directory remembers every paid response). The
     * API key is looked up in this facade's environment.
     */
    public Report generate(GenerateOptions.Builder options) {
        try {
            return Generator.run(options.env(env.lookup()).build());
        } catch (IOException e) {
            throw io(e);
        }
    }

    /** What {@link #generate} would do and cost, without a request. */
    public String generateDryRun(GenerateOptions.Builder options) {
        try {
            return Generator.dryRun(options.env(env.lookup()).build());
        } catch (IOException e) {
            throw io(e);
        }
    }

    /** Opens the knowledge-base database at {@code url} (a Supabase/PostgreSQL URI or JDBC URL). */
    public KbDatabase kbDatabase(String url) {
        return KbDatabase.fromUrl(url, env);
    }

    /**
     * Exports a knowledge-base table as chunks JSONL (canonical: re-importing and re-exporting gives the same
     * bytes); rows that cannot be exported go to {@code quarantine} with a reason.
     */
    public KbReader.Stats kbExport(String url, String table, @Nullable String category, Path out, Path quarantine) {
        return KbExport.toFile(new KbReader(kbDatabase(url), table), category, out, quarantine);
    }

    /**
     * Where a command's chunks come from: a chunks file, a database URL, the Supabase REST API, the URL in the
     * request's environment variable, and only when none is given the bundled sample ({@link KbSource#isSample()};
     * its {@link KbSource#describe()} says so). Nothing is read yet.
     */
    public KbSource kbSource(KbSource.Request request) {
        return KbSource.resolve(request, env);
    }

    /** Reads {@code source}, lints it (and splits long chunks when asked) and spreads the quotas over its chunks. */
    public KbPlanning kbPlan(KbSource source, KbPlanning.Settings settings) {
        return KbPlanning.prepare(source, settings);
    }

    /**
     * Exports {@code source} as chunks JSONL with the lint report; rows of other categories are skipped, rows that
     * cannot be exported go to {@code quarantine}; {@code splitter} (or null) splits chunks over its token limit.
     */
    public KbExport.Result kbExport(
            KbSource source,
            Predicate<String> category,
            Path out,
            Path quarantine,
            KbLint lint,
            @Nullable KbSplitter splitter) {
        return KbExport.toFile(source, category, out, quarantine, lint, splitter);
    }

    // ---------------------------------------------------------------- human review

    /**
     * The project's reviewed sources (its {@code review:} section) and their decisions database: status, report,
     * decisions export and import ({@link ReviewScope}).
     */
    public ReviewScope reviewScope(Path projectFile) {
        Project p = project(projectFile);
        return ReviewScope.of(
                reviewedFiles(p),
                p.review().db(),
                java.time.Duration.ofMinutes(p.review().leaseMinutes()),
                "spotter review --project " + projectFile);
    }

    /**
     * One file and its provenance sidecar without a project ({@link ReviewScope#loneFile}: decisions in
     * {@code .spotter/review.db} beside the file unless {@code db} is given).
     */
    public ReviewScope reviewFile(Path data, @Nullable Path db, @Nullable String sourceId, int batchSize) {
        return ReviewScope.loneFile(data, db, sourceId, batchSize);
    }

    /** As {@link #review(ReviewScope, ReviewApp.Options)} over the project's reviewed sources. */
    public ReviewApp.Running review(Path projectFile, ReviewApp.Options options) {
        return review(reviewScope(projectFile), options);
    }

    /**
     * Starts the review web app over {@code scope} on a free loopback port by default; the caller prints
     * {@link ReviewApp.Running#url()} (it carries the run's token) and closes the app. Needs the
     * {@code spotter-review} module on the class path (the {@code spotter} jar has it).
     */
    public ReviewApp.Running review(ReviewScope scope, ReviewApp.Options options) {
        ReviewApp app = ReviewApp.installed()
                .orElseThrow(() -> new ConfigurationException(
                        "the review app is not on the class path (module spotter-review): use the spotter jar"));
        try {
            Files.createDirectories(scope.db().toAbsolutePath().getParent());
            return app.start(scope.files(), scope.db(), options);
        } catch (IOException e) {
            throw FileException.of(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigurationException("review: " + e.getMessage());
        }
    }

    /**
     * Per reviewed source what the build would use, reject and hold back as pending review now (for
     * {@code spotter inventory}); empty when the project reviews nothing.
     */
    public List<SourceReview.Outcome> reviewOutcomes(Path projectFile) {
        Project p = project(projectFile);
        if (ReviewSettings.files(p).isEmpty()) {
            return List.of();
        }
        return reviewScope(projectFile).status().stream()
                .map(SourceReview::outcome)
                .toList();
    }

    /** Every reviewed source's batches and counts as the build would judge them now (reads the decisions only). */
    public List<SourceReview> reviewStatus(Path projectFile) {
        return reviewScope(projectFile).status();
    }

    /**
     * Re-opens the generation slots of the records reviewers rejected in source {@code sourceId}, in the generation
     * state at {@code stateDir} (the {@code --state} of {@code spotter generate}), so the next {@code generate}
     * with that state refills exactly those slots. Records without a generation {@code custom_id} (hand-written
     * files) are listed as not re-opened.
     *
     * @return custom ids re-opened, and record ids that were not (with why)
     */
    public ReopenReport reopenRejected(Path projectFile, String sourceId, Path stateDir) {
        SourceReview review = reviewStatus(projectFile).stream()
                .filter(r -> r.source().equals(sourceId))
                .findFirst()
                .orElseThrow(() -> ConfigurationException.forParameter(
                        "source", "'" + sourceId + "' is not a reviewed source with a file"));
        if (!Files.isRegularFile(stateDir.resolve("state.db"))) {
            throw FileException.of(stateDir, "cannot open generation state", "no state.db (the --state of generate)");
        }
        List<String> reopened = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (GenerationState st = GenerationState.open(stateDir)) {
            for (var rec : review.rejected()) {
                var d = Objects.requireNonNull(review.decision(rec));
                String note = d.note() == null ? d.reason() : d.reason() + ": " + d.note();
                if (st.reopen(rec.recordId(), "review_rejected", note)) {
                    reopened.add(rec.recordId());
                } else {
                    skipped.add(rec.recordId() + " (not an accepted response in this state)");
                }
            }
        } catch (IOException e) {
            throw FileException.of(e);
        }
        return new ReopenReport(reopened, skipped);
    }

    /** What {@link #reopenRejected} did: the custom ids whose slots re-opened, and the records it could not. */
    public record ReopenReport(List<String> reopened, List<String> notReopened) {
        public ReopenReport {
            reopened = List.copyOf(reopened);
            notReopened = List.copyOf(notReopened);
        }
    }

    private static List<ReviewedFile> reviewedFiles(Project p) {
        List<ReviewedFile> files = ReviewSettings.files(p);
        if (files.isEmpty()) {
            throw new ConfigurationException(
                    p.file() + ": no source is reviewed: add a review: block (see" + " docs/areas/review.md)");
        }
        return files;
    }

    // ---------------------------------------------------------------- export, train, eval

    /** Exports a build's {@code messages} split for a platform, checked by that platform's own rules. */
    public ExportReport export(Exporter.Builder exporter, DatasetLayout dataset) {
        String format = "messages";
        List<Path> validation =
                Files.isRegularFile(dataset.validation(format)) ? List.of(dataset.validation(format)) : List.of();
        return exporter.build().export(List.of(dataset.train(format)), validation);
    }

    /** The Together client, with {@code TOGETHER_API_KEY} (and {@code TOGETHER_BASE_URL}) from the environment. */
    public TogetherClient together(@Nullable String baseUrl) {
        return TogetherClient.fromEnvironment(env, baseUrl);
    }

    /**
     * Scores a model on held-out data. An evaluation in which every call failed measured nothing: it is a
     * {@link ProviderException} naming the endpoint and the first failure, not a report of zeros.
     */
    public EvalReport eval(
            Evaluator evaluator,
            Path data,
            @Nullable Path provenance,
            String split,
            String endpoint,
            String model,
            @Nullable String baselineModel,
            @Nullable Path details) {
        EvalReport r = evaluator.run(data, provenance, split, endpoint, model, baselineModel, details);
        r.requireAnswers();
        return r;
    }

    private static FileException io(IOException e) {
        return FileException.of(e);
    }

    /** Configures a facade; every setting has a default. */
    public static final class Builder {
        private Environment env = Environment.empty();
        private Consumer<String> log = s -> {};
        private ExampleTokenCounter tokens = ExampleTokenCounter.llama3();
        private ProgressListener progress = ProgressListener.NONE;

        private Builder() {}

        /** Where API keys, database URLs and passwords are looked up (default: none). */
        public Builder environment(Environment env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** Receives one line per build step and progress note (default: discarded). */
        public Builder log(Consumer<String> sink) {
            this.log = Objects.requireNonNull(sink, "log");
            return this;
        }

        /** How examples are counted in tokens (default: exact Llama 3 tokenizer and Llama 3.3 template). */
        public Builder tokenCounter(ExampleTokenCounter counter) {
            this.tokens = Objects.requireNonNull(counter, "tokenCounter");
            return this;
        }

        /**
         * Receives the progress of long work: lines and bytes read by validate, convert and the build's ingest
         * (default: {@link ProgressListener#NONE}). The facade itself never prints.
         */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        public Spotter build() {
            return new Spotter(this);
        }
    }
}
