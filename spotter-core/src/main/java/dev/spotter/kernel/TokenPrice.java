package dev.spotter.kernel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price per token, exact (a {@link Money} per token: every published price has at most 12 decimal places per
 * token). Price files quote per 1,000 or per 1,000,000 tokens; {@link #perThousand}/{@link #perMillion} convert
 * exactly and refuse a figure that is not a whole number of pico-dollars per token.
 *
 * <p>Display, exact and never in scientific notation: {@link #describePerThousand()} gives
 * {@code $0.0008 per 1K tokens} (training prices are quoted so), {@link #describePerMillion()} and
 * {@link #toString()} give {@code $2.50 per 1M tokens} (inference prices are).
 *
 * @param perToken the price of one token, {@code >= 0}
 */
public record TokenPrice(Money perToken) implements Comparable<TokenPrice> {
    public static final TokenPrice FREE = new TokenPrice(Money.ZERO);

    public TokenPrice {
        Objects.requireNonNull(perToken, "perToken");
        if (perToken.isNegative()) {
            throw new IllegalArgumentException("a price must be >= 0, got " + perToken.toExactString() + " per token");
        }
    }

    /** {@code usd} per 1,000 tokens, exactly. */
    public static TokenPrice perThousand(BigDecimal usd) {
        return of(usd, 3);
    }

    /** {@code usd} per 1,000,000 tokens, exactly. */
    public static TokenPrice perMillion(BigDecimal usd) {
        return of(usd, 6);
    }

    /** {@code usd} per 1,000,000 tokens, from a double (a command-line figure such as 2.5): its decimal text. */
    public static TokenPrice perMillion(double usd) {
        return perMillion(BigDecimal.valueOf(usd));
    }

    private static TokenPrice of(BigDecimal usd, int digits) {
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("a price must be >= 0, got " + usd.toPlainString());
        }
        try {
            return new TokenPrice(Money.usd(usd.movePointLeft(digits)));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "$" + usd.stripTrailingZeros().toPlainString() + " per " + (digits == 3 ? "1K" : "1M")
                            + " tokens is finer than a pico-dollar per token",
                    e);
        }
    }

    /** The cost of {@code tokens} tokens, exact. */
    public Money cost(long tokens) {
        return perToken.times(tokens);
    }

    /** The price of 1,000 tokens. */
    public Money perThousand() {
        return perToken.times(1_000);
    }

    /** The price of 1,000,000 tokens. */
    public Money perMillion() {
        return perToken.times(1_000_000);
    }

    /** This price times {@code factor} (a batch discount), rounded half-even to a pico-dollar per token. */
    public TokenPrice times(BigDecimal factor) {
        return new TokenPrice(perToken.times(factor));
    }

    @Override
    public int compareTo(TokenPrice o) {
        return perToken.compareTo(o.perToken);
    }

    /** {@code $0.0008 per 1K tokens}. */
    public String describePerThousand() {
        return perThousand().toExactString() + " per 1K tokens";
    }

    /** {@code $2.50 per 1M tokens}. */
    public String describePerMillion() {
        return perMillion().toExactString() + " per 1M tokens";
    }

    /** {@link #describePerMillion()}. */
    @Override
    public String toString() {
        return describePerMillion();
    }
}
