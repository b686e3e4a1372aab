package dev.spotter.assemble;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What ingesting one source produced ({@code .state/ingest/<id>.jsonl} and {@code <id>.rejects.jsonl}).
 *
 * @param read        input lines read
 * @param accepted    lines that passed validation
 * @param rejected    lines quarantined
 * @param idSum       sum of {@code Text.hash64(id)} over every line read: the accounting checksum
 * @param reasons     reject reason code to count, sorted by code
 * @param categories  accepted examples and their tokens per category, sorted by category
 * @param files       the source's files that exist (project-relative), or the synthesizer's label
 * @param missing     the source's files that do not exist
 * @param firstErrors the first 10 rejects as {@code file:line: reason (detail)}
 * @param reviewQuarantined lines that passed validation but a reviewer rejected (or their batch failed): quarantined
 * @param pendingReview lines that passed validation and wait for review ({@code <id>.pending.jsonl})
 * @param review      the review state of a reviewed source, else null
 */
record IngestStats(
        long read,
        long accepted,
        long rejected,
        long idSum,
        Map<String, Long> reasons,
        Map<String, CategoryCount> categories,
        List<String> files,
        List<String> missing,
        List<String> firstErrors,
        long reviewQuarantined,
        long pendingReview,
        @Nullable ReviewStats review)
        implements StepStats {

    /** Examples and tokens of one category. */
    record CategoryCount(long examples, long tokens) {}

    IngestStats {
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        files = List.copyOf(files);
        missing = List.copyOf(missing);
        firstErrors = List.copyOf(firstErrors);
    }

    @Override
    public String detail() {
        return String.format(
                Locale.ROOT,
                "%,d read, %,d accepted, %,d rejected%s%s",
                read,
                accepted,
                rejected,
                review == null
                        ? ""
                        : String.format(
                                Locale.ROOT, ", review: %,d rejected, %,d pending", reviewQuarantined, pendingReview),
                missing.isEmpty() ? "" : ", missing: " + missing.get(0));
    }
}
