package dev.spotter.assemble;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spotter.review.RejectReport;
import java.util.List;

/**
 * The review state of one reviewed source as the build used it ({@code summary.json} {@code "review"}): what ingest
 * did with its lines, and each batch's gate.
 *
 * @param source        the source id
 * @param used          lines used: accepted by a reviewer, edited (the edited line), or in a passed sample's batch
 * @param edited        of {@code used}, lines replaced by a reviewer's edit
 * @param rejected      lines quarantined as {@code review_rejected}
 * @param batchFailed   lines quarantined as {@code review_batch_failed} (undecided lines of a failed sample)
 * @param pending       lines held back in {@code review-pending.jsonl}: not reviewed, or their batch not signed off
 * @param batches       every batch of the file, in file order
 * @param command       what opens the pending lines for review
 * @param rejectReasons reject reasons per category and per prompt hash ({@link RejectReport}); empty in a summary
 *                      written before they were recorded
 */
public record ReviewStats(
        String source,
        long used,
        long edited,
        long rejected,
        long batchFailed,
        long pending,
        List<Batch> batches,
        String command,
        List<RejectReport.Row> rejectReasons) {

    public ReviewStats {
        batches = List.copyOf(batches);
        rejectReasons = rejectReasons == null ? List.of() : List.copyOf(rejectReasons);
    }

    /**
     * One batch.
     *
     * @param state     {@code in-review}, {@code ready} (decided, waiting for a sign-off), {@code passed} or {@code failed}
     * @param reviewed  records with a decision (accepted, edited or rejected)
     * @param pending   records the build held back
     * @param signedOffBy the reviewer whose sign-off applies, or null
     * @param signedAt  when, ISO-8601, or null
     * @param why       the gate's explanation, one line
     */
    public record Batch(
            String id,
            String state,
            int records,
            int reviewed,
            int accepted,
            int edited,
            int rejected,
            int pending,
            @JsonInclude(JsonInclude.Include.NON_NULL) String signedOffBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) String signedAt,
            String why) {}

    /** True when the build held back at least one line of this source. */
    public boolean blocked() {
        return pending > 0;
    }
}
