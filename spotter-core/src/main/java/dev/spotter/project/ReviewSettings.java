package dev.spotter.project;

import dev.spotter.kb.KbChunk;
import dev.spotter.kernel.Sidecars;
import dev.spotter.review.ReviewPolicy;
import dev.spotter.review.ReviewedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code review:} section of spotter.yaml: where the decisions database is and which sources a person must
 * review, each with its {@link ReviewPolicy}. A project without any {@code review:} key has no reviewed source.
 *
 * <p>Which sources are reviewed: with a top-level {@code review:} block, every {@code generation} and
 * {@code knowledge-base} source (the machine-written ones), unless it says {@code review: false}; any other
 * file source that has its own {@code review:} mapping. A source's mapping overrides the project's keys. A reviewed
 * source names exactly one file (no glob): decisions and sign-offs are bound to that file's batches.
 *
 * @param db           the decisions database (SQLite), absolute; never inside the output directory
 * @param leaseMinutes how long opening a record reserves it for one reviewer
 * @param sources      source id to policy, for the reviewed sources only, in spotter.yaml order
 */
public record ReviewSettings(Path db, int leaseMinutes, Map<String, ReviewPolicy> sources) {
    /** The database used when spotter.yaml names none: {@code .spotter/review.db} beside spotter.yaml. */
    public static final String DEFAULT_DB = ".spotter/review.db";

    public ReviewSettings {
        Objects.requireNonNull(db, "db");
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** No reviewed source (the database path is the default, unused). */
    static ReviewSettings none(Path baseDir) {
        return new ReviewSettings(baseDir.resolve(DEFAULT_DB).normalize(), 10, Map.of());
    }

    /** True when at least one source is reviewed. */
    public boolean enabled() {
        return !sources.isEmpty();
    }

    /** The policy of a reviewed source, or null when the source is not reviewed. */
    public ReviewPolicy policy(String sourceId) {
        return sources.get(sourceId);
    }

    /**
     * The reviewed sources' files as the build and the review app index them: the source's one file, its sidecar
     * (the {@code categorySidecar}, else {@code NAME.provenance.jsonl} when it exists) and its fixed category.
     */
    public static List<ReviewedFile> files(Project project) {
        List<ReviewedFile> out = new ArrayList<>();
        for (SourceSpec s : project.sources()) {
            ReviewPolicy p = project.review().policy(s.id());
            if (p != null) {
                out.add(file(project, s, p));
            }
        }
        return out;
    }

    /** The reviewed file of source {@code s} under policy {@code p}. */
    static ReviewedFile file(Project project, SourceSpec s, ReviewPolicy p) {
        Path data = project.baseDir().resolve(s.paths().get(0)).normalize();
        Path side = s.sidecar(data);
        if (side == null && Files.isRegularFile(Sidecars.provenance(data))) {
            side = Sidecars.provenance(data);
        }
        List<KbChunk> chunks = new ArrayList<>();
        s.chunkText()
                .forEach((id, text) -> chunks.add(
                        new KbChunk(id, false, s.chunkCategory().getOrDefault(id, ""), "", text, "{}", "", "")));
        chunks.sort(java.util.Comparator.comparing(KbChunk::id));
        return new ReviewedFile(s.id(), data, side, s.category() == null ? "" : s.category(), s.plan(), p, chunks);
    }
}
