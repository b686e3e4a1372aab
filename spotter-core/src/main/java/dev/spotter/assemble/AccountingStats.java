package dev.spotter.assemble;

import java.util.List;
import java.util.Locale;

/**
 * The accounting check on the files as they are on disk ({@code summary.json} {@code "accounting"}): every line
 * read is in exactly one of the upload files, the quarantine, the dedup log or the review-pending file.
 *
 * @param read         input lines read by ingest
 * @param train        provenance lines of the train split
 * @param validation   provenance lines of the validation split
 * @param quarantined  quarantine lines
 * @param deduplicated dedup log lines
 * @param pendingReview review-pending lines (reviewed sources' lines held back until their review is done)
 * @param ok           true when the counts and the id checksum add up and every format has the provenance's lines
 * @param problems     what did not add up
 */
public record AccountingStats(
        long read,
        long train,
        long validation,
        long quarantined,
        long deduplicated,
        long pendingReview,
        boolean ok,
        List<String> problems)
        implements StepStats {

    public AccountingStats {
        problems = List.copyOf(problems);
    }

    @Override
    public String detail() {
        return ok
                ? String.format(
                        Locale.ROOT,
                        "OK: %,d read = %,d train + %,d validation + %,d quarantined + %,d duplicates"
                                + " + %,d pending review",
                        read,
                        train,
                        validation,
                        quarantined,
                        deduplicated,
                        pendingReview)
                : "FAILED: " + String.join("; ", problems);
    }
}
