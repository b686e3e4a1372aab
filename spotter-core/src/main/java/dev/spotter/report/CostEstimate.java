package dev.spotter.report;

import dev.spotter.ConfigurationException;
import dev.spotter.kernel.Money;
import dev.spotter.kernel.TokenPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A training-cost estimate: {@code billedTokens = tokensPerEpoch × epochs}, {@code cost = billedTokens × price}
 * (exact {@link Money} arithmetic; round only for display).
 *
 * @param examples       training examples
 * @param tokensPerEpoch billed tokens of one pass over the data (each example capped at the provider's limit)
 * @param price          per billed token
 */
public record CostEstimate(
        long examples, long tokensPerEpoch, int epochs, long billedTokens, TokenPrice price, Money cost) {
    public CostEstimate {
        Objects.requireNonNull(price, "price");
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
    public static CostEstimate of(long examples, long tokensPerEpoch, int epochs, TokenPrice price) {
        if (examples < 0 || tokensPerEpoch < 0) {
            throw new IllegalArgumentException("examples and tokens must be >= 0");
        }
        if (epochs < 1) {
            throw ConfigurationException.forParameter("epochs", "must be >= 1, was " + epochs);
        }
        long billed = Math.multiplyExact(tokensPerEpoch, epochs);
        return new CostEstimate(examples, tokensPerEpoch, epochs, billed, price, price.cost(billed));
    }

    /** From a plan: {@code examples × averageTokens} per epoch (the brief's back-of-envelope form). */
    public static CostEstimate fromAverages(long examples, long averageTokens, int epochs, TokenPrice price) {
        return of(examples, Math.multiplyExact(examples, averageTokens), epochs, price);
    }

    /** The price of 1,000 billed tokens, as quoted. */
    public Money pricePer1k() {
        return price.perThousand();
    }

    /** Cost rounded to cents (half up), for display. */
    public BigDecimal costRounded() {
        return cost.toBigDecimal().setScale(2, RoundingMode.HALF_UP);
    }
}
