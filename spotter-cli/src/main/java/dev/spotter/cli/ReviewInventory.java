package dev.spotter.cli;

import dev.spotter.review.SourceReview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The "human review" lines of {@code spotter inventory}: per reviewed source what the build uses and holds back. */
final class ReviewInventory {
    private ReviewInventory() {}

    static void print(List<SourceReview.Outcome> review, Path project, PrintWriter out) {
        if (review.isEmpty()) {
            return;
        }
        out.println("human review (what the build uses now):");
        for (SourceReview.Outcome r : review) {
            out.printf(
                    Locale.ROOT,
                    "  %s: %,d records: %,d accepted (%,d edited), %,d rejected, %,d in failed batches, %,d pending"
                            + " review%s%n",
                    r.source(),
                    r.records(),
                    r.used(),
                    r.edited(),
                    r.rejected(),
                    r.batchFailed(),
                    r.pending(),
                    r.pending() == 0 ? "" : ": open them with spotter review --project " + project);
        }
    }
}
