package dev.spotter.generate;

import java.util.List;
import java.util.Map;

/**
 * Outcome of a run (or of an import), over the whole state.
 *
 * @param categories  per category: accepted (in output) vs target
 * @param totals      response counts, tokens and spend over the state
 * @param rejectsByReason reject/error counts by reason code
 * @param stopReason  null when every target was met, else why the run stopped short
 * @param outputLines lines written to the output file
 */
public record Report(
        List<CategoryCount> categories,
        GenerationState.Totals totals,
        Map<String, Long> rejectsByReason,
        String stopReason,
        long outputLines) {
    /** How {@link #stopReason} starts when the run ended only because slots used up their attempts. */
    public static final String OUT_OF_ATTEMPTS = "some slots failed ";

    /** Accepted vs target for one category. */
    public record CategoryCount(String category, long accepted, int target) {}

    public boolean complete() {
        return categories.stream().allMatch(c -> c.accepted() >= c.target());
    }

    /**
     * True when the run stopped short only because some slots used up their attempts in this run (a rerun or a
     * top-up round can still fill them), not because of the budget, an interruption or a refusal.
     */
    public boolean outOfAttemptsOnly() {
        return stopReason != null && stopReason.startsWith(OUT_OF_ATTEMPTS);
    }

    /** Multi-line human summary. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (CategoryCount c : categories) {
            sb.append(
                    String.format(java.util.Locale.ROOT, "  %-28s %5d / %d%n", c.category(), c.accepted(), c.target()));
        }
        sb.append(String.format(
                java.util.Locale.ROOT,
                "responses: %d accepted, %d rejected, %d errors, %d surplus (kept in state); tokens %d in / %d out; spend $%.4f%n",
                totals.accepted(),
                totals.rejected(),
                totals.errors(),
                totals.surplus(),
                totals.inputTokens(),
                totals.outputTokens(),
                totals.costUsd()));
        if (totals.estimatedUsd() > 0) {
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "of the spend, $%.4f is estimated (worst case of requests sent but never answered, or answered"
                            + " without usage); the rest is from the providers' usage%n",
                    totals.estimatedUsd()));
        }
        sb.append("retries by cause: ")
                .append(totals.retries().isEmpty() ? "none" : totals.retries().toString())
                .append('\n');
        if (!rejectsByReason.isEmpty()) {
            sb.append("rejects by reason: ").append(rejectsByReason).append('\n');
        }
        sb.append("output lines: ").append(outputLines);
        if (stopReason != null) {
            sb.append("\nstopped short: ").append(stopReason);
        }
        return sb.toString();
    }
}
