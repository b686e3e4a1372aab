package dev.spotter.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Exact distribution of non-negative ints (token counts, messages per example) in memory proportional to the number
 * of <em>distinct</em> values, not of samples: a million examples of a few hundred distinct lengths cost a few
 * hundred map entries. Percentiles use the nearest-rank method: the p-th percentile is the smallest value v with
 * at least ceil(p/100 × n) samples ≤ v (so the median of an even count is the lower middle value).
 * Not thread-safe.
 */
public final class IntHistogram {
    private final TreeMap<Integer, long[]> counts = new TreeMap<>();
    private long n;
    private long sum;

    public void add(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must be >= 0, was " + value);
        }
        counts.computeIfAbsent(value, k -> new long[1])[0]++;
        n++;
        sum += value;
    }

    public long count() {
        return n;
    }

    public long sum() {
        return sum;
    }

    /** 0 when empty. */
    public int min() {
        return n == 0 ? 0 : counts.firstKey();
    }

    /** 0 when empty. */
    public int max() {
        return n == 0 ? 0 : counts.lastKey();
    }

    public double mean() {
        return n == 0 ? 0 : (double) sum / n;
    }

    /** Nearest-rank percentile, {@code 0 < p <= 100}; 0 when empty. */
    public int percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in (0, 100], was " + p);
        }
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p / 100.0 * n);
        long seen = 0;
        for (Map.Entry<Integer, long[]> e : counts.entrySet()) {
            seen += e.getValue()[0];
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    /** Number of samples strictly greater than {@code limit}. */
    public long countAbove(int limit) {
        long c = 0;
        for (long[] v : counts.tailMap(limit, false).values()) {
            c += v[0];
        }
        return c;
    }

    /** min, p10, median, p90, max, mean, sum: the summary every report prints. */
    public Summary summary() {
        return new Summary(min(), percentile(10), percentile(50), percentile(90), max(), mean(), sum);
    }

    public record Summary(int min, int p10, int median, int p90, int max, double mean, long total) {}
}
