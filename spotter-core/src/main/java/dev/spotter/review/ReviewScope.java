package dev.spotter.review;

import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.kernel.Sidecars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one review works on: the reviewed files, the decisions database they share and the command that opens them.
 * Two kinds: a project's reviewed sources ({@code dev.spotter.Spotter#reviewScope(Path)}, database from its
 * {@code review.db}) and one lone file with its provenance sidecar ({@link #loneFile}). The operations below are the
 * same for both; the facade hands them out and the CLI only prints.
 *
 * <p>A lone file {@code DIR/NAME.jsonl} is source {@code NAME} (or {@code --source}), reviewed under the default
 * policy (every record, batches by generation run, else {@code batchSize} lines), its decisions in
 * {@code DIR/.spotter/review.db} (or {@code --db}): beside the file, like a project's {@code .spotter/review.db}
 * beside spotter.yaml, so a project in that same folder whose source has that id sees them. A database inside a
 * build's output folder (one holding {@code summary.json}) is refused: decisions never go beside upload files.
 */
public final class ReviewScope {
    private final List<ReviewedFile> files;
    private final Path db;
    private final Duration lease;
    private final String openCommand;

    private ReviewScope(List<ReviewedFile> files, Path db, Duration lease, String openCommand) {
        this.files = List.copyOf(files);
        this.db = db;
        this.lease = lease;
        this.openCommand = openCommand;
    }

    /** A scope over {@code files}; {@code openCommand} is what a person runs to review them. */
    public static ReviewScope of(List<ReviewedFile> files, Path db, Duration lease, String openCommand) {
        Objects.requireNonNull(db, "db");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a review needs at least one file");
        }
        return new ReviewScope(files, db, lease, openCommand);
    }

    /**
     * One file without a project.
     *
     * @param db        the decisions database, or null for {@code DIR/.spotter/review.db}
     * @param sourceId  the source id decisions are stored under, or null for the file name without {@code .jsonl}
     * @param batchSize records per batch for lines without a generation run id
     */
    public static ReviewScope loneFile(Path data, @Nullable Path db, @Nullable String sourceId, int batchSize) {
        if (!Files.isRegularFile(data)) {
            throw FileException.of(data, "cannot review", "no such file");
        }
        Path abs = data.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        String id = sourceId != null ? sourceId : name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
        if (id.isBlank()) {
            throw ConfigurationException.forParameter("source", "must not be blank");
        }
        if (batchSize < 1) {
            throw ConfigurationException.forParameter("batchSize", "must be >= 1, was " + batchSize);
        }
        Path parent = Objects.requireNonNull(abs.getParent());
        Path store = db != null
                ? db.toAbsolutePath().normalize()
                : parent.resolve(".spotter").resolve("review.db");
        Path up = store.getParent();
        for (int level = 0; level < 3 && up != null; level++, up = up.getParent()) { // DIR, DIR/.., DIR/../..
            if (Files.isRegularFile(up.resolve("summary.json"))) {
                throw ConfigurationException.forParameter(
                        "db",
                        store + " is inside the build output " + up
                                + " (decisions never go beside upload files): pass --db elsewhere");
            }
        }
        Path sidecar = Sidecars.provenance(abs);
        ReviewPolicy policy =
                ReviewPolicy.defaults().toBuilder().batchSize(batchSize).build();
        ReviewedFile f = new ReviewedFile(id, abs, Files.isRegularFile(sidecar) ? sidecar : null, "", null, policy);
        StringBuilder cmd = new StringBuilder("spotter review ").append(data);
        if (db != null) {
            cmd.append(" --db ").append(db);
        }
        if (sourceId != null) {
            cmd.append(" --source ").append(sourceId);
        }
        return new ReviewScope(List.of(f), store, Duration.ofMinutes(10), cmd.toString());
    }

    public List<ReviewedFile> files() {
        return files;
    }

    /** The decisions database (may not exist yet: nothing reviewed). */
    public Path db() {
        return db;
    }

    public Duration lease() {
        return lease;
    }

    /** What a person runs to review these files. */
    public String openCommand() {
        return openCommand;
    }

    /** Every file's batches and counts as the build would judge them now (reads the decisions only). */
    public List<SourceReview> status() {
        List<SourceReview> out = new ArrayList<>();
        try (ReviewGate gate = ReviewGate.open(db)) {
            for (ReviewedFile f : files) {
                if (Files.isRegularFile(f.data())) {
                    out.add(f.review(gate));
                }
            }
        } catch (IOException e) {
            throw FileException.reading(db, e);
        } catch (IllegalStateException e) {
            throw FileException.of(db, "cannot read review.db", String.valueOf(e.getMessage()));
        }
        return out;
    }

    /** Reject reasons per category and prompt hash, from {@link #status()}. */
    public RejectReport report() {
        return RejectReport.of(status());
    }

    /** Writes every live decision as JSONL to {@code out} (atomically); returns the count. */
    public int exportDecisions(Path out) {
        try (DecisionStore store = DecisionStore.openReadOnly(db)) {
            return DecisionsJsonl.export(store, out);
        } catch (IOException e) {
            throw FileException.of(e);
        } catch (IllegalStateException e) {
            throw FileException.of(db, "cannot read review.db", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Imports decisions from {@code in} (see {@link DecisionsJsonl}): checked against these files' policies and
     * current records; a malformed file stores nothing.
     */
    public DecisionsJsonl.ImportResult importDecisions(Path in) {
        if (!Files.isRegularFile(in)) {
            throw FileException.of(in, "cannot import decisions", "no such file");
        }
        Map<String, ReviewPolicy> policies = new LinkedHashMap<>();
        Map<String, SourceIndex> indexes = new LinkedHashMap<>();
        try {
            for (ReviewedFile f : files) {
                policies.put(f.sourceId(), f.policy());
                if (Files.isRegularFile(f.data())) {
                    indexes.put(
                            f.sourceId(),
                            SourceIndex.scan(
                                    f.sourceId(),
                                    f.data(),
                                    f.sidecar(),
                                    f.defaultCategory(),
                                    f.policy().batchSize()));
                }
            }
            Path dir = db.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try (DecisionStore store = DecisionStore.open(db)) {
                return DecisionsJsonl.importFile(store, in, policies, indexes);
            }
        } catch (IOException e) {
            throw FileException.of(e);
        } catch (IllegalStateException e) {
            throw FileException.of(db, "cannot open review.db", String.valueOf(e.getMessage()));
        }
    }
}
