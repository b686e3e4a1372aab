package dev.spotter.assemble;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.format.ConvertFormat;
import dev.spotter.kernel.IoErrors;
import dev.spotter.kernel.Sidecars;
import dev.spotter.project.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where a build puts every file: the one place that knows the dataset's directory layout. The build writes
 * through it, {@link BuildResult#layout()} returns it, and {@code export}/{@code eval} open a finished build with
 * {@link #open}. The dataset folder {@code dir} holds only what may be uploaded (a user pushes it to the Hub as it
 * is); everything else lives in the state directory, by default the sibling {@code <dir>.state}:
 *
 * <pre>
 * dir/&lt;format&gt;/{train,validation}.jsonl   upload files, one directory per output format
 * dir/provenance/{train,validation}.jsonl  line N describes line N of every format's file of that split
 * stateDir/review-pending.jsonl   ids of reviewed examples held back until their review is finished (no content)
 * dir/README.md (dataset card), report.html, summary.json
 * stateDir/quarantine.jsonl, dedup-log.jsonl, leakage-log.jsonl   rejected and dropped lines, verbatim (may hold PII)
 * stateDir/state.json and stateDir/&lt;step&gt;/   step cache and the steps' intermediate files (before the PII scrub)
 * </pre>
 *
 * Why: the quarantine keeps rejected lines verbatim and the intermediate files precede the PII scrub, so neither
 * may sit in the folder that is uploaded. No step, report or command spells a path: they ask this record.
 *
 * @param dir      the build's output directory (absolute, normalised)
 * @param stateDir where the step cache, intermediate files, quarantine and logs live; never inside {@code dir}
 */
public record DatasetLayout(Path dir, Path stateDir) {
    /** The splits every format has, in file order. */
    public static final List<String> SPLITS = List.of("train", "validation");

    public DatasetLayout {
        dir = dir.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        if (stateDir.startsWith(dir)) {
            throw new ConfigurationException("state directory " + stateDir + " is inside the dataset folder " + dir
                    + ": the quarantine and the unscrubbed intermediate files must not be uploaded; choose a"
                    + " directory outside it");
        }
        if (dir.getParent() == null) {
            throw new ConfigurationException(
                    "output directory " + dir + " is a file-system root; choose a subdirectory");
        }
    }

    /** The layout of a build written to {@code dir}, with its state in the sibling {@code <dir>.state}. */
    public static DatasetLayout of(Path dir) {
        return of(dir, null);
    }

    /** The layout of a build written to {@code dir} with its state in {@code stateDir} (null: {@link #defaultStateDir}). */
    public static DatasetLayout of(Path dir, @Nullable Path stateDir) {
        Path d = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        return new DatasetLayout(d, stateDir != null ? stateDir : defaultStateDir(d));
    }

    /** The default state directory of a dataset folder: its sibling {@code <name>.state}. */
    public static Path defaultStateDir(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        Path name = d.getFileName();
        return d.resolveSibling((name == null ? "dataset" : name.toString()) + ".state");
    }

    /** The layout at the project's {@code output.dir} and {@code output.stateDir} (relative to the project file). */
    public static DatasetLayout of(Project project) {
        String state = project.output().stateDir();
        return of(
                project.baseDir().resolve(project.output().dir()),
                state == null ? null : project.baseDir().resolve(state));
    }

    /** The state directory as the card names it: relative to the dataset folder, with '/'. */
    public String stateDirShown() {
        return relative(stateDir);
    }

    /**
     * A finished build at {@code dir} (given as {@code --dataset DIR}) that wrote {@code format}: checks that the
     * build's {@code summary.json} exists and lists the format. Fails with a {@link ConfigurationException} that
     * says what to run.
     */
    public static DatasetLayout open(Path dir, String format) {
        return open(dir, format, null);
    }

    /**
     * As {@link #open(Path, String)}, for the build at {@code projectFile}'s {@code output.dir} ({@code --project
     * FILE}; null for {@code --dataset DIR}): the hint of a missing build is then the build of that project.
     */
    public static DatasetLayout open(Path dir, String format, @Nullable Path projectFile) {
        DatasetLayout l = of(dir);
        if (!Files.isDirectory(l.dir())) {
            throw new ConfigurationException(notBuilt(l.dir(), "no such directory", projectFile));
        }
        if (!Files.isRegularFile(l.summary())) {
            throw new ConfigurationException(notBuilt(l.dir(), "no summary.json", projectFile));
        }
        List<String> formats = l.builtFormats();
        if (!formats.contains(format) || !Files.isRegularFile(l.train(format))) {
            throw new ConfigurationException("the build in " + l.dir() + " has no " + format + " files (formats: "
                    + String.join(", ", formats) + "): add " + format + " to output.formats and build again");
        }
        return l;
    }

    /**
     * What to do when {@code dir} holds no build, as a command that works as printed from the working directory:
     * the project's own build when the build was looked up through a project; else, for {@code --dataset DIR}, the
     * option's right use and a build into DIR of {@code ./spotter.yaml} when there is one (Spotter cannot know
     * which project the user meant otherwise, so it names none).
     */
    private static String notBuilt(Path dir, String why, @Nullable Path projectFile) {
        String head = "no built dataset in " + dir + " (" + why + "): ";
        if (projectFile != null) {
            return head + "run `spotter build --project " + projectFile + "` first (it writes " + dir + ")";
        }
        String pass = "pass --dataset the directory a build wrote (its --out, or output.dir of its project)";
        Path local = Path.of("spotter.yaml");
        return Files.isRegularFile(local)
                ? head + pass + ", or build one there: `spotter build --project " + local + " --out " + dir + "`"
                : head + pass + ", or build one there with spotter build --project FILE --out " + dir;
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

    /** Rejected input lines with file, line and reason (verbatim: not for upload, so in the state directory). */
    public Path quarantine() {
        return stateDir.resolve("quarantine.jsonl");
    }

    /**
     * Examples of reviewed sources held back because their review is not finished (not reviewed yet, or their
     * batch not signed off): one line each with id, source, file, line, batch and why; never the content.
     */
    public Path reviewPending() {
        return stateDir.resolve("review-pending.jsonl");
    }

    /** Every dropped duplicate and the example it duplicates (in the state directory). */
    public Path dedupLog() {
        return stateDir.resolve("dedup-log.jsonl");
    }

    /** Validation examples moved to train by the leakage check (in the state directory). */
    public Path leakageLog() {
        return stateDir.resolve("leakage-log.jsonl");
    }

    /**
     * Files that earlier builds kept inside the dataset folder and that must not be uploaded: the build deletes
     * them when it writes the folder (they are in the state directory now).
     */
    List<Path> legacyFiles() {
        return List.of(
                dir.resolve("quarantine.jsonl"),
                dir.resolve("dedup-log.jsonl"),
                dir.resolve("leakage-log.jsonl"),
                dir.resolve(".state"));
    }

    /**
     * Refuses to build into a folder that holds files no build writes, before anything is written or deleted: the
     * folder is uploaded as a whole, so a stray file would ship, and a file that merely shares a name with a
     * build's (a user's {@code quarantine.jsonl}) would be replaced or removed. Allowed are a missing or empty
     * folder, the files of an earlier Spotter build (its state file {@code state.json} exists or, from builds
     * before the state directory, the folder holds {@code .state/}), the evaluation {@code spotter eval} writes
     * into {@code eval/} (the report shows it) and top-level dot entries ({@code .git},
     * {@code .gitattributes} of a Hub clone). A folder that holds no earlier build must be empty.
     */
    void requireBuildFolder() {
        if (!Files.isDirectory(dir)) {
            return; // absent (created by the build) or a file (the first write says so)
        }
        boolean earlierBuild = Files.isRegularFile(stateFile()) || Files.isDirectory(dir.resolve(".state"));
        Set<Path> known = new HashSet<>(legacyFiles());
        known.addAll(List.of(card(), report(), summary()));
        for (String split : SPLITS) {
            known.add(provenance(split));
            for (ConvertFormat f : ConvertFormat.values()) {
                known.add(split(f.cliName(), split));
            }
        }
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir))
                    .filter(p -> !dir.relativize(p).getName(0).toString().startsWith("."))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !earlierBuild || !(known.contains(p) || p.startsWith(dir.resolve("eval"))))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .forEach(foreign::add);
        } catch (IOException | UncheckedIOException e) {
            throw FileException.of(
                    dir,
                    "cannot read",
                    IoErrors.reason(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
        }
        if (foreign.isEmpty()) {
            return;
        }
        String shown = String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "");
        throw FileException.of(
                dir,
                "will not build into",
                earlierBuild
                        ? "it holds files no build writes (" + shown + "); the folder is uploaded as a whole, so"
                                + " move them out first"
                        : "it is not empty and holds no earlier Spotter build (" + shown + "); choose a new or"
                                + " empty folder");
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

    /**
     * A build file as the step cache records it: {@code $state/<path in stateDir>} for state files, else relative
     * to {@link #dir}, with '/'. Independent of where the folders are, so equal builds have equal state.
     */
    String key(Path p) {
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(stateDir)
                ? STATE_KEY + stateDir.relativize(a).toString().replace('\\', '/')
                : relative(a);
    }

    /** The file a {@link #key} names. */
    Path resolve(String key) {
        return key.startsWith(STATE_KEY) ? stateDir.resolve(key.substring(STATE_KEY.length())) : dir.resolve(key);
    }

    private static final String STATE_KEY = "$state/";

    /** A path as shown in logs: relative to {@link #dir}, with '/'. */
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
