package dev.spotter.eval;

import dev.spotter.ProviderException;
import java.util.List;
import java.util.Map;

/**
 * One evaluation: what was read, every run's scores, the gates. {@code read == evaluated + rejected}; rejected
 * records (no assistant turn, not JSON, ...) are counted by reason and listed in the details file.
 * {@code passed} is the gates' verdict; {@link #verdict()} also fails a run that rejected records.
 * {@code dataSha256} identifies the data file's bytes (null in reports written before it was recorded), so
 * {@code eval compare} can tell whether two reports were computed on the same data.
 */
public record EvalReport(
        int formatVersion,
        String createdAt,
        String data,
        String split,
        String endpoint,
        long read,
        long evaluated,
        long rejected,
        Map<String, Long> rejectReasons,
        List<RunResult> runs,
        List<Gate> gates,
        boolean passed,
        String priceTableAsOf,
        String dataSha256) {

    /** True when the evaluated model had at least one gate. */
    public boolean gated() {
        return gates.stream().anyMatch(g -> g.label().equals("model"));
    }

    /**
     * The one-line result: "FAIL" when a gate failed or a record was rejected, "no gate applied" when no gate
     * covers the evaluated model, else "PASS"; the reason follows.
     */
    public String verdict() {
        if (rejected > 0) {
            return "FAIL: " + rejected + " of " + read + " records were rejected and not evaluated " + rejectReasons
                    + " (gates: " + (!gated() ? "none applied" : passed ? "passed" : "failed") + ")";
        }
        if (!gated()) {
            return "no gate applied (no gate applies to this split: the scores above are not thresholds)";
        }
        return passed ? "PASS" : "FAIL";
    }

    /**
     * Fails an evaluation that measured nothing: when every call to the evaluated model failed (after the client's
     * retries), the scores are those of empty answers, so this throws a {@link ProviderException} naming the
     * endpoint and the first failure instead of letting zeros pass for a result.
     */
    public void requireAnswers() {
        RunResult main = runs.get(0);
        long sent = main.examples().values().stream().mapToLong(Long::longValue).sum();
        if (sent > 0 && main.callErrors() == sent) {
            throw new ProviderException(
                    ProviderException.Kind.TRANSIENT,
                    "all " + sent + " calls to " + endpoint + " failed; first: " + main.firstError());
        }
    }
}
