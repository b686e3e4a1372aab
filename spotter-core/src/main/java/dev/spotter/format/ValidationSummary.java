package dev.spotter.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome of validating one or more inputs. Invariant (checked on construction): {@code read = accepted +
 * rejected} and the per-reason counts sum to {@code rejected}.
 *
 * @param reasons     reject counts by reason, only reasons that occurred, in {@link RejectReason} order
 * @param firstErrors the first few rejects as {@code file:line: reason_code (detail)}
 */
public record ValidationSummary(
        long read, long accepted, long rejected, Map<RejectReason, Long> reasons, List<String> firstErrors) {
    public ValidationSummary {
        EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
        copy.putAll(reasons);
        long sum = copy.values().stream().mapToLong(Long::longValue).sum();
        if (read != accepted + rejected || sum != rejected) {
            throw new IllegalStateException("accounting broken: read=" + read + " accepted=" + accepted + " rejected="
                    + rejected + " sum(reasons)=" + sum);
        }
        reasons = Collections.unmodifiableMap(copy);
        firstErrors = List.copyOf(firstErrors);
    }

    public static ValidationSummary empty() {
        return new ValidationSummary(0, 0, 0, Map.of(), List.of());
    }

    /** Sums two summaries (for several input files); keeps at most {@code maxErrors} error lines. */
    public ValidationSummary plus(ValidationSummary o, int maxErrors) {
        EnumMap<RejectReason, Long> r = new EnumMap<>(RejectReason.class);
        r.putAll(reasons);
        o.reasons.forEach((k, v) -> r.merge(k, v, Long::sum));
        List<String> errs = new ArrayList<>(firstErrors);
        for (String e : o.firstErrors) {
            if (errs.size() >= maxErrors) {
                break;
            }
            errs.add(e);
        }
        return new ValidationSummary(read + o.read, accepted + o.accepted, rejected + o.rejected, r, errs);
    }

    public long count(RejectReason reason) {
        return reasons.getOrDefault(reason, 0L);
    }
}
