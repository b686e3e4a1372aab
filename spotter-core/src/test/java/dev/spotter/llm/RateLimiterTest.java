package dev.spotter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bucket arithmetic on a fake clock: the limiter "sleeps" by advancing it, so no real time is measured. */
class RateLimiterTest {
    private long now = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private RateLimiter limiter(int rpm, long tpm) {
        return new RateLimiter(rpm, tpm, () -> now, d -> {
            long n = d.toNanos();
            sleeps.add(n);
            now += n;
        });
    }

    @Test
    void requestsPerMinuteAllowOneSecondBurstThenSpaceEvenly() throws Exception {
        RateLimiter l = limiter(600, 0); // 10/s, burst 10
        long start = now;
        for (int i = 0; i < 10; i++) {
            l.acquire(0);
        }
        assertThat(sleeps).as("the burst goes out at once").isEmpty();
        for (int i = 0; i < 600; i++) {
            l.acquire(0);
        }
        // 600 more requests at 10/s need 60 s of (fake) time, give or take one interval
        assertThat(now - start).isBetween(59_900_000_000L, 60_100_000_000L);
    }

    @Test
    void tokensPerMinuteThrottleByEstimateAndUsageCorrectsIt() throws Exception {
        RateLimiter l = limiter(0, 60_000); // 1,000 tokens/s, bucket 1,000
        l.acquire(1000);
        assertThat(sleeps).isEmpty();
        l.acquire(500); // bucket empty: wait 0.5 s
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isBetween(499_000_000L, 501_000_000L);
        sleeps.clear();
        l.adjustTokens(-500); // the last call used 500 fewer tokens than estimated: credit them back
        l.acquire(500);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void oversizedRequestWaitsForAFullBucketThenGoesIntoDebt() throws Exception {
        RateLimiter l = limiter(0, 60_000);
        l.acquire(1000);
        l.acquire(5000); // larger than the bucket: waits until full (1 s), never forever
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isBetween(999_000_000L, 1_001_000_000L);
        sleeps.clear();
        l.acquire(1); // the debt of 4,000 tokens is paid first: ~4 s
        assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isBetween(3_990_000_000L, 4_010_000_000L);
    }

    @Test
    void unlimitedNeverWaitsAndNegativeLimitsAreRejected() throws Exception {
        RateLimiter l = limiter(0, 0);
        for (int i = 0; i < 10_000; i++) {
            l.acquire(1_000_000);
        }
        assertThat(sleeps).isEmpty();
        assertThatThrownBy(() -> new RateLimiter(-1, 0)).hasMessageContaining(">= 0");
    }
}
