package dev.spotter.assemble;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.ConfigurationException;
import dev.spotter.kernel.Sidecars;
import dev.spotter.project.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a build puts every file: the one place that knows the dataset's directory layout. The build writes
 * through it, {@link BuildResult#layout()} returns it, and {@code export}/{@code eval} open a finished build with
 * {@link #open}. Today everything lives under {@code dir}:
 *
 * <pre>
 * dir/&lt;format&gt;/{train,validation}.jsonl   upload files, one directory per output format
 * dir/provenance/{train,validation}.jsonl  line N describes line N of every format's file of that split
 * dir/quarantine.jsonl, dedup-log.jsonl, leakage-log.jsonl, review-pending.jsonl
 * dir/README.md (dataset card), report.html, summary.json
 * stateDir = dir/.state                     step cache (state.json) and the steps' intermediate files
 * </pre>
 *
 * Moving state, quarantine or logs elsewhere (e.g. a sibling of the upload folder) is a change to {@link #of}
 * and the accessors below, nothing else: no step, report or command spells a path.
 *
 * @param dir      the build's output directory (absolute, normalised)
 * @param stateDir where the step cache and intermediate files live
 */
public record DatasetLayout(Path dir, Path stateDir) {
    /** The splits every format has, in file order. */
    public static final List<String> SPLITS = List.of("train", "validation");

    public DatasetLayout {
        dir = dir.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    /** The layout of a build written to {@code dir}. */
    public static DatasetLayout of(Path dir) {
        Path d = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        return new DatasetLayout(d, d.resolve(".state"));
    }

    /** The layout at the project's {@code output.dir} (relative to the project file). */
    public static DatasetLayout of(Project project) {
        return of(project.baseDir().resolve(project.output().dir()));
    }

    /**
     * A finished build at {@code dir} that wrote {@code format}: checks that the build's {@code summary.json}
     * exists and lists the format. Fails with an {@link IllegalArgumentException} that says what to run.
     */
    public static DatasetLayout open(Path dir, String format) {
        DatasetLayout l = of(dir);
        if (!Files.isRegularFile(l.summary())) {
            throw new ConfigurationException("no built dataset in " + l.dir() + " (no summary.json): run `spotter"
                    + " build --project spotter.yaml --out " + dir + "` first");
        }
        List<String> formats = l.builtFormats();
        if (!formats.contains(format) || !Files.isRegularFile(l.train(format))) {
            throw new ConfigurationException("the build in " + l.dir() + " has no " + format + " files (formats: "
                    + String.join(", ", formats) + "): add " + format + " to output.formats and build again");
        }
        return l;
    }

    /** The formats the finished build wrote, from its {@code summary.json} (empty when it names none). */
    public List<String> builtFormats() {
        try {
            JsonNode formats = Jsonl.MAPPER.readTree(summary().toFile()).at("/output/formats");
            return formats.isArray()
                    ? List.copyOf(Jsonl.MAPPER.treeToValue(formats, new TypeReference<List<String>>() {}))
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + summary() + ": " + e.getMessage(), e);
        }
    }

    /** The upload file of a split ({@code train} or {@code validation}) in a format. */
    public Path split(String format, String split) {
        if (!SPLITS.contains(split)) {
            throw new ConfigurationException("unknown split \"" + split + "\" (train or validation)");
        }
        return dir.resolve(format).resolve(split + ".jsonl");
    }

    public Path train(String format) {
        return split(format, "train");
    }

    public Path validation(String format) {
        return split(format, "validation");
    }

    /** The provenance sidecar of a split: line N describes line N of that split's upload files. */
    public Path provenance(String split) {
        if (!SPLITS.contains(split)) {
            throw new ConfigurationException("unknown split \"" + split + "\" (train or validation)");
        }
        return dir.resolve("provenance").resolve(split + ".jsonl");
    }

    /** Rejected input lines with file, line and reason. */
    public Path quarantine() {
        return dir.resolve("quarantine.jsonl");
    }

    /**
     * Examples of reviewed sources held back because their review is not finished (not reviewed yet, or their
     * batch not signed off): one line each with id, source, file, line, batch and why; never the content.
     */
    public Path reviewPending() {
        return dir.resolve("review-pending.jsonl");
    }

    /** Every dropped duplicate and the example it duplicates. */
    public Path dedupLog() {
        return dir.resolve("dedup-log.jsonl");
    }

    /** Validation examples moved to train by the leakage check. */
    public Path leakageLog() {
        return dir.resolve("leakage-log.jsonl");
    }

    /** The dataset card. */
    public Path card() {
        return dir.resolve("README.md");
    }

    public Path report() {
        return dir.resolve("report.html");
    }

    public Path summary() {
        return dir.resolve("summary.json");
    }

    /** The step cache. */
    public Path stateFile() {
        return stateDir.resolve("state.json");
    }

    /** A path as recorded in state and logs: relative to {@link #dir}, with '/'. */
    String relative(Path p) {
        return dir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    // intermediate files of the steps (inside stateDir)

    Path synthesized(String sourceId) {
        return stateDir.resolve("synth").resolve(sourceId + ".jsonl");
    }

    Path accepted(String sourceId) {
        return stateDir.resolve("ingest").resolve(sourceId + ".jsonl");
    }

    /** The rejects sidecar of {@link #accepted}: {@code <id>.rejects.jsonl} ({@link Sidecars#rejects}). */
    Path rejected(String sourceId) {
        return Sidecars.rejects(accepted(sourceId));
    }

    /** The examples of a reviewed source that wait for review ({@code <id>.pending.jsonl}). */
    Path pending(String sourceId) {
        return stateDir.resolve("ingest").resolve(sourceId + ".pending.jsonl");
    }

    Path dedupKept() {
        return stateDir.resolve("dedup").resolve("kept.jsonl");
    }

    Path dedupDropped() {
        return stateDir.resolve("dedup").resolve("log.jsonl");
    }

    Path scrubbed() {
        return stateDir.resolve("scrub").resolve("scrubbed.jsonl");
    }

    Path assignment() {
        return stateDir.resolve("split").resolve("assign.txt");
    }

    Path leakageMoves() {
        return stateDir.resolve("split").resolve("leakage.jsonl");
    }
}
