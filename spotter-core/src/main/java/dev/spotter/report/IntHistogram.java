package dev.spotter.report;

import java.util.ArrayList;
import java.util.List;
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

    /** Number of samples with {@code from <= value < to}. */
    public long countBetween(int from, int to) {
        long c = 0;
        for (long[] v : counts.subMap(from, true, to, false).values()) {
            c += v[0];
        }
        return c;
    }

    /**
     * Equal-width bins from 0 covering [0, max], for a chart: the width is the smallest "nice" number (1, 2 or 5 ×
     * 10^k) of at least {@code ceil(max / target)}, so there are at most {@code target + 1} bins. Empty when there
     * are no samples.
     */
    public List<Bin> niceBins(int target) {
        if (target < 1) {
            throw new IllegalArgumentException("target must be >= 1, was " + target);
        }
        if (n == 0) {
            return List.of();
        }
        int max = max();
        int width = niceWidth(Math.max(1, (int) ((max + (long) target - 1) / target)));
        long[] c = new long[max / width + 1];
        counts.forEach((v, k) -> c[v / width] += k[0]);
        List<Bin> bins = new ArrayList<>(c.length);
        for (int b = 0; b < c.length; b++) {
            bins.add(new Bin((long) b * width, (long) (b + 1) * width, c[b]));
        }
        return bins;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least {@code w}. */
    private static int niceWidth(int w) {
        long p = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * p >= w) {
                    return (int) (m * p);
                }
            }
            p *= 10;
        }
    }

    /** Samples with {@code from <= value < to}. */
    public record Bin(long from, long to, long count) {}

    /** min, p10, median, p90, max, mean, sum: the summary every report prints. */
    public Summary summary() {
        return new Summary(min(), percentile(10), percentile(50), percentile(90), max(), mean(), sum);
    }

    public record Summary(int min, int p10, int median, int p90, int max, double mean, long total) {}
}
