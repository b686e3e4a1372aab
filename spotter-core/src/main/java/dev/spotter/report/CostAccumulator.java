package dev.spotter.report;

import dev.spotter.ConfigurationException;
import dev.spotter.InputDataException;
import dev.spotter.format.AcceptedLine;
import dev.spotter.kernel.TokenPrice;
import java.util.function.Consumer;

/**
 * Sums billed tokens per epoch over accepted examples, each capped at {@code tokenCap} (the cookbook's
 * {@code min(cap, tokens)}; 0 = no cap). Feed it as the validator's consumer, then {@link #estimate}.
 */
public final class CostAccumulator implements Consumer<AcceptedLine> {
    private final int tokenCap;
    private long examples;
    private long tokens;
    private long capped;

    public CostAccumulator(int tokenCap) {
        if (tokenCap < 0) {
            throw ConfigurationException.forParameter("tokenCap", "must be >= 0, was " + tokenCap);
        }
        this.tokenCap = tokenCap;
    }

    @Override
    public void accept(AcceptedLine a) {
        if (a.tokens() < 0) {
            throw new InputDataException("example at " + a.source() + ":" + a.line() + " has no token count");
        }
        accept(a.tokens());
    }

    public void accept(int exampleTokens) {
        examples++;
        if (tokenCap > 0 && exampleTokens > tokenCap) {
            capped++;
            tokens += tokenCap;
        } else {
            tokens += exampleTokens;
        }
    }

    public long examples() {
        return examples;
    }

    public long tokensPerEpoch() {
        return tokens;
    }

    /** Examples billed at the cap rather than their full length. */
    public long cappedExamples() {
        return capped;
    }

    /** @param epochs null = the cookbook default for this many examples */
    public CostEstimate estimate(Integer epochs, TokenPrice price) {
        return CostEstimate.of(examples, tokens, epochs == null ? CostEstimate.defaultEpochs(examples) : epochs, price);
    }
}
