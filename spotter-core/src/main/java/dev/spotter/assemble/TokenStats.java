package dev.spotter.assemble;

import dev.spotter.report.IntHistogram;
import java.util.List;

/**
 * Tokens per example of a set of examples: count, total, rounded mean, nearest-rank percentiles (see
 * {@link IntHistogram}) and a histogram of about 20 equal-width bins with a "nice" width (1, 2, 5 × 10^k) covering
 * [0, max].
 */
public record TokenStats(
        long examples, long total, long mean, int min, int p10, int p50, int p90, int max, List<Bin> histogram) {

    /** Bins wanted in the histogram ({@link IntHistogram#niceBins}: at most one more is drawn). */
    static final int BINS = 20;

    /** Examples with {@code from <= tokens < to}. */
    public record Bin(long from, long to, long examples) {}

    public TokenStats {
        histogram = List.copyOf(histogram);
    }

    static TokenStats of(IntHistogram h) {
        return new TokenStats(
                h.count(),
                h.sum(),
                Math.round(h.mean()),
                h.min(),
                h.percentile(10),
                h.percentile(50),
                h.percentile(90),
                h.max(),
                h.niceBins(BINS).stream()
                        .map(b -> new Bin(b.from(), b.to(), b.count()))
                        .toList());
    }
}
