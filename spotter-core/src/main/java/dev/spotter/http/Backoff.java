package dev.spotter.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before retry number {@code n} (0 = the first retry): {@code initial x 2^n}, capped at {@code max}.
 * With jitter the wait is drawn uniformly from the upper half, {@code [d/2, d]}, so that many threads that failed
 * together do not return together (a herd that earns the next 429); without jitter it is exact (the platform
 * client, whose few sequential calls gain nothing from it and whose tests check the waits). A server's own
 * {@code Retry-After} is honoured by {@link #honour}, plus up to 10% jitter in jittered mode.
 *
 * @param initial the first wait, {@code > 0}
 * @param max     the longest wait, {@code >= initial}
 * @param jitter  draw from {@code [d/2, d]} instead of waiting exactly {@code d}
 */
public record Backoff(Duration initial, Duration max, boolean jitter) {
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be > 0, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
        }
    }

    /** Exponential with jitter (the LLM client's policy). */
    public static Backoff jittered(Duration initial, Duration max) {
        return new Backoff(initial, max, true);
    }

    /** Exponential without jitter (the platform client's policy). */
    public static Backoff exact(Duration initial, Duration max) {
        return new Backoff(initial, max, false);
    }

    /** The wait before retry {@code retry} (0-based). */
    public Duration delay(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must be >= 0, was " + retry);
        }
        long cap = max.toMillis();
        long ms = initial.toMillis();
        for (int i = 0; i < retry && ms < cap; i++) {
            ms <<= 1;
        }
        ms = Math.min(ms, cap);
        return Duration.ofMillis(jitter ? ThreadLocalRandom.current().nextLong(ms / 2, ms + 1) : ms);
    }

    /** The server's wait, plus up to 10% in jittered mode. */
    public Duration honour(Duration retryAfter) {
        if (!jitter) {
            return retryAfter;
        }
        long ms = retryAfter.toMillis();
        return Duration.ofMillis(ms + ThreadLocalRandom.current().nextLong(ms / 10 + 1));
    }
}
