package dev.spotter.review.web;

import dev.spotter.kb.KbChunk;
import dev.spotter.kernel.Sidecars;
import dev.spotter.review.ReviewPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One source to review: a chat JSONL file, its provenance sidecar, the generation plan its checks come from, and its
 * review policy.
 *
 * @param id              the source id (as in spotter.yaml); decisions are stored under it
 * @param data            the chat JSONL file
 * @param sidecar         its provenance sidecar ({@code .provenance.jsonl}), or null
 * @param defaultCategory category of records whose provenance names none
 * @param plan            bundled plan name or plan file the generator used; null = the {@code plan} field of each
 *                        record's provenance
 * @param chunks          knowledge-base chunks, for a knowledge-base source (empty otherwise): answers are shown
 *                        beside their chunk and checked for grounding
 * @param policy          the {@code review:} settings
 */
public record ReviewSource(
        String id,
        Path data,
        @Nullable Path sidecar,
        String defaultCategory,
        @Nullable String plan,
        List<KbChunk> chunks,
        ReviewPolicy policy) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public ReviewSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(defaultCategory, "defaultCategory");
        Objects.requireNonNull(policy, "policy");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("source id '" + id + "' must match " + ID.pattern());
        }
        chunks = List.copyOf(chunks);
    }

    /** A generated file with its sidecar ({@code NAME.provenance.jsonl} beside {@code NAME.jsonl}). */
    public static ReviewSource generated(String id, Path data, ReviewPolicy policy) {
        return new ReviewSource(id, data, sidecarOf(data), "", null, List.of(), policy);
    }

    /** {@code NAME.provenance.jsonl} beside {@code NAME.jsonl} (the generator's naming). */
    public static Path sidecarOf(Path data) {
        return Sidecars.provenance(data);
    }
}
