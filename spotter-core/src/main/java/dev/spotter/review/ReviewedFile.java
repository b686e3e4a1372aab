package dev.spotter.review;

import dev.spotter.kb.KbChunk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reviewed source as the build, {@code spotter review status} and the review app all see it: the source's one
 * data file, its provenance sidecar, the category of records whose provenance names none, the generation plan the
 * checks come from and the {@code review:} policy. The build and the app index the file through this one record,
 * so they cut the same batches (a sign-off is bound to a batch's id and membership).
 *
 * @param sourceId        the source id (as in spotter.yaml); decisions are stored under it
 * @param data            the chat JSONL file
 * @param sidecar         its provenance sidecar, or null
 * @param defaultCategory category of records whose provenance names none ({@code ""} when none)
 * @param plan            the source's generation plan, or null (then each record's provenance {@code plan})
 * @param policy          the source's review policy
 * @param chunks          a knowledge-base source's chunks (empty otherwise): the app shows each answer beside the
 *                        chunk its provenance names
 */
public record ReviewedFile(
        String sourceId,
        Path data,
        @Nullable Path sidecar,
        String defaultCategory,
        @Nullable String plan,
        ReviewPolicy policy,
        List<KbChunk> chunks) {
    public ReviewedFile {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(defaultCategory, "defaultCategory");
        Objects.requireNonNull(policy, "policy");
        chunks = List.copyOf(chunks);
    }

    /** A source without knowledge-base chunks. */
    public ReviewedFile(
            String sourceId,
            Path data,
            @Nullable Path sidecar,
            String defaultCategory,
            @Nullable String plan,
            ReviewPolicy policy) {
        this(sourceId, data, sidecar, defaultCategory, plan, policy, List.of());
    }

    /** The source's review state now: its file indexed and judged against the decisions {@code gate} reads. */
    public SourceReview review(ReviewGate gate) throws IOException {
        return gate.review(sourceId, data, sidecar, defaultCategory, policy);
    }
}
