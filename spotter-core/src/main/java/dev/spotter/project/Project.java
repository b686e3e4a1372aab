package dev.spotter.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A dataset project as declared in {@code spotter.yaml}: where the examples come from, what the dataset should
 * contain, and how to build it. Immutable; load with {@link ProjectLoader#load(Path, dev.spotter.Environment)}.
 *
 * @param file       the spotter.yaml it was read from (relative paths inside resolve against its directory)
 * @param name       dataset name (dataset card title, Hugging Face pretty name)
 * @param seed       seed for every random choice (split); same inputs + seed give byte-identical outputs
 * @param tokenLimit examples with more tokens than this are rejected at ingest (Together's SFT limit by default)
 * @param license    dataset card licence identifier
 * @param sources    in priority order: when two examples duplicate each other, the earlier source's one is kept
 * @param quality    reject-rate tolerance (exit code policy)
 * @param eval       project-relative eval result JSON for the report, or null for the default location
 * @param review     the {@code review:} section: the decisions database and the reviewed sources' policies
 */
public record Project(
        Path file,
        String name,
        String description,
        long seed,
        int tokenLimit,
        String license,
        List<SourceSpec> sources,
        Output output,
        Split split,
        Dedup dedup,
        Pii pii,
        Provider provider,
        Cost cost,
        Quality quality,
        String eval,
        ReviewSettings review) {

    /**
     * Input quality gate.
     *
     * @param maxRejectRate fraction of a source's read lines that may be rejected (quarantined) while the build
     *                      still exits 0; a source may set its own {@code maxRejectRate}. Default 0: any reject
     *                      fails the build (exit 1), the quarantine is written either way.
     */
    public record Quality(double maxRejectRate) {}

    /** The eval result JSON (spotter eval) shown in the report: the {@code eval:} key, else {@code <out>/eval/eval.json}. */
    public Path evalFile(Path outDir) {
        return eval == null
                ? outDir.resolve("eval").resolve("eval.json")
                : baseDir().resolve(eval).normalize();
    }

    public Project {
        Objects.requireNonNull(file, "file");
        sources = List.copyOf(sources);
        review = review == null ? ReviewSettings.none(baseDirOf(file)) : review;
    }

    private static Path baseDirOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** Directory that relative paths in the project file resolve against. */
    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /**
     * Upload formats and where the build goes by default.
     *
     * @param dir      the dataset folder (upload files, card, report, provenance), relative to the project file
     * @param stateDir where the build keeps what must not be uploaded (step state, quarantine, dedup and leakage
     *                 logs), relative to the project file; null means the sibling {@code <dir>.state}
     */
    public record Output(
            List<String> formats, String dir, @Nullable String stateDir) {
        public Output {
            formats = List.copyOf(formats);
        }
    }

    /**
     * @param validation      fraction of each source+category stratum that goes to validation
     * @param minValidation   a stratum with at least {@code minStratum} examples gives validation at least this many
     * @param minStratum      smaller strata go wholly to train (a 1-example stratum cannot be split)
     */
    public record Split(double validation, int minValidation, int minStratum) {}

    /**
     * @param threshold        estimated Jaccard similarity at or above which two examples are near-duplicates
     * @param leakageThreshold similarity at or above which a train/validation pair counts as leakage
     * @param shingle          {@code word} or {@code char} shingles
     * @param shingleSize      words or characters per shingle
     * @param permutations     MinHash signature length
     */
    public record Dedup(double threshold, double leakageThreshold, String shingle, int shingleSize, int permutations) {}

    /** PII scrubbing: which kinds and which roles' messages. */
    public record Pii(boolean enabled, List<String> types, List<String> roles) {
        public Pii {
            types = List.copyOf(types);
            roles = List.copyOf(roles);
        }
    }

    /**
     * LLM provider for generation, by environment variable NAME only: the key itself is never in the file.
     *
     * @param name      e.g. anthropic, openai
     * @param apiKeyEnv name of the environment variable holding the key
     * @param model     model id used for generation
     */
    public record Provider(String name, String apiKeyEnv, String model, boolean keyPresent) {
        /**
         * True when the named environment variable was set and non-blank in the environment the project was loaded
         * with (its value is never read further or kept).
         */
        public boolean configured() {
            return keyPresent;
        }
    }

    /** The brief's cost arithmetic, with its assumptions as settings. */
    public record Cost(
            int epochs,
            double trainingPricePer1k,
            int assumedTokensPerExample,
            double generationPricePer1k,
            int generationTokensPerExample) {}
}
