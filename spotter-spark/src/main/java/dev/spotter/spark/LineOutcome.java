package dev.spotter.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * What validation made of one line: accepted with its exact-duplicate key, or rejected with a reason code.
 * Shuffled as a key, so its hash code is a documented function of its values ({@code String} and {@code long}
 * hash codes are specified by the JDK): never an enum's or an object's identity hash, which differ between
 * executor JVMs and would send equal keys to different reducers.
 *
 * @param outcome  {@link #ACCEPTED}, or the stable {@code RejectReason} code ({@code invalid_json}, ...)
 * @param exactKey for an accepted line, {@code Text.hash64(Text.exactKey(example))} (the embedded build's exact
 *                 duplicate key); 0 for a rejected one
 */
public record LineOutcome(String outcome, long exactKey) implements Serializable {
    public static final String ACCEPTED = "accepted";

    public LineOutcome {
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.equals(ACCEPTED) && exactKey != 0) {
            throw new IllegalArgumentException("a rejected line has no exact key, was " + exactKey);
        }
    }

    public boolean accepted() {
        return outcome.equals(ACCEPTED);
    }

    /** {@code 31 * outcome.hashCode() + Long.hashCode(exactKey)}: the same on every JVM. */
    @Override
    public int hashCode() {
        return 31 * outcome.hashCode() + Long.hashCode(exactKey);
    }
}
