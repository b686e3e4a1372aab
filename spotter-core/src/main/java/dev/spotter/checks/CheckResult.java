package dev.spotter.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Outcome of one deterministic check: empty = passed. Each violation has a stable machine code (for counting
 * rejects by reason) and a human message naming the field.
 */
public record CheckResult(List<Violation> violations) {
    /** One broken rule. {@code code} is stable, e.g. {@code schema}, {@code probability_sum}. */
    public record Violation(String code, String message) {
        @Override
        public String toString() {
            return code + ": " + message;
        }
    }

    public static final CheckResult OK = new CheckResult(List.of());

    public CheckResult {
        violations = List.copyOf(violations);
    }

    public static CheckResult of(String code, String message) {
        return new CheckResult(List.of(new Violation(code, message)));
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public CheckResult and(CheckResult other) {
        if (other.ok()) {
            return this;
        }
        if (ok()) {
            return other;
        }
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(other.violations);
        return new CheckResult(all);
    }

    /** "code: message; code: message" (first 5), for reject reasons. */
    public String summary() {
        String s = violations.stream().limit(5).map(Violation::toString).collect(Collectors.joining("; "));
        return violations.size() > 5 ? s + "; (+" + (violations.size() - 5) + " more)" : s;
    }

    /** Mutable collector used by the checkers. */
    static final class Builder {
        private final List<Violation> list = new ArrayList<>();

        Builder add(String code, String message) {
            list.add(new Violation(code, message));
            return this;
        }

        CheckResult build() {
            return new CheckResult(list);
        }
    }
}
