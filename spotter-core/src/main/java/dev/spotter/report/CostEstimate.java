package dev.spotter.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A training-cost estimate: {@code billedTokens = tokensPerEpoch × epochs}, {@code cost = billedTokens / 1000 ×
 * pricePer1k} (exact decimal arithmetic; round only for display).
 *
 * @param examples       training examples
 * @param tokensPerEpoch billed tokens of one pass over the data (each example capped at the provider's limit)
 */
public record CostEstimate(
        long examples, long tokensPerEpoch, int epochs, long billedTokens, BigDecimal pricePer1k, BigDecimal cost) {
    public CostEstimate {
        Objects.requireNonNull(pricePer1k, "pricePer1k");
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * The OpenAI cookbook's default-epochs rule: 3 epochs, raised to min(25, 100 / n) when n × 3 < 100 and lowered
     * to max(1, 25,000 / n) when n × 3 > 25,000 (integer division).
     */
    public static int defaultEpochs(long examples) {
        if (examples <= 0) {
            return 3;
        }
        if (examples * 3 < 100) {
            return (int) Math.min(25, 100 / examples);
        }
        if (examples * 3 > 25_000) {
            return (int) Math.max(1, 25_000 / examples);
        }
        return 3;
    }

    /** From totals: {@code tokensPerEpoch} already summed (and capped) over the examples. */
    public static CostEstimate of(long examples, long tokensPerEpoch, int epochs, BigDecimal pricePer1k) {
        if (examples < 0 || tokensPerEpoch < 0) {
            throw new IllegalArgumentException("examples and tokens must be >= 0");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
        }
        if (pricePer1k.signum() < 0) {
            throw new IllegalArgumentException("price must be >= 0, was " + pricePer1k);
        }
        long billed = Math.multiplyExact(tokensPerEpoch, epochs);
        BigDecimal cost = BigDecimal.valueOf(billed).multiply(pricePer1k).divide(BigDecimal.valueOf(1000));
        return new CostEstimate(examples, tokensPerEpoch, epochs, billed, pricePer1k, cost);
    }

    /** From a plan: {@code examples × averageTokens} per epoch (the brief's back-of-envelope form). */
    public static CostEstimate fromAverages(long examples, long averageTokens, int epochs, BigDecimal pricePer1k) {
        return of(examples, Math.multiplyExact(examples, averageTokens), epochs, pricePer1k);
    }

    /** Cost rounded to cents, for display. */
    public BigDecimal costRounded() {
        return cost.setScale(2, RoundingMode.HALF_UP);
    }
}
