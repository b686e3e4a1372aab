package dev.spotter.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * An amount of US dollars, held exactly as a whole number of pico-dollars (10<sup>-12</sup> USD) in a {@code long}.
 *
 * <p>Why pico-dollars: prices are quoted per token, and a per-token price is tiny ($0.15 per million tokens is
 * $0.00000015 per token, $0.0008 per 1K tokens is $0.0000008). Every published price has at most 12 decimal places
 * per token, so per-token prices, costs (price x tokens) and sums of costs are exact integers: a budget that
 * reserves and settles a million requests returns to exactly zero, where doubles leave residue such as
 * {@code 2.78e-17} that can keep a waiting thread from ever seeing "nothing reserved". The range is
 * +-9,223,372 USD, far above any spend cap or training job; arithmetic that would leave it throws
 * {@link ArithmeticException} instead of wrapping around.
 *
 * <p>Conversions: {@link #usd(BigDecimal)} and {@link #parse(String)} are exact and refuse an amount finer than a
 * pico-dollar; {@link #ofUsdRounded(double)} rounds (for figures that were stored as doubles). Display:
 * {@link #toString()} gives cents ({@code $0.82}, {@code $18.04}, {@code -$1.50}); {@link #toPlainString()} all
 * significant digits ({@code 0.0008}) and {@link #toExactString()} the same with a sign ({@code $0.0008},
 * {@code $12.00}); none ever uses scientific notation. Immutable.
 */
public final class Money implements Comparable<Money> {
    /** Pico-dollars per dollar. */
    public static final long PICO_PER_USD = 1_000_000_000_000L;

    private static final int SCALE = 12;

    public static final Money ZERO = new Money(0);

    private final long pico;

    private Money(long pico) {
        this.pico = pico;
    }

    /** {@code pico} pico-dollars. */
    public static Money ofPico(long pico) {
        return pico == 0 ? ZERO : new Money(pico);
    }

    /**
     * Exactly {@code usd} dollars.
     *
     * @throws ArithmeticException when {@code usd} has a digit below a pico-dollar or is out of range
     */
    public static Money usd(BigDecimal usd) {
        BigDecimal p = usd.movePointRight(SCALE);
        try {
            return ofPico(p.longValueExact());
        } catch (ArithmeticException e) {
            if (p.stripTrailingZeros().scale() > 0) {
                throw new ArithmeticException(
                        "$" + usd.toPlainString() + " is finer than a pico-dollar ($0.000000000001)");
            }
            throw new ArithmeticException("$" + usd.toPlainString() + " is out of range (at most $9,223,372)");
        }
    }

    /** Exactly the decimal text {@code usd} ({@code "0.0008"}, {@code "12.5"}); see {@link #usd(BigDecimal)}. */
    public static Money parse(String usd) {
        try {
            return usd(new BigDecimal(usd.strip()));
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a dollar amount: '" + usd + "'");
        }
    }

    /** {@code usd} rounded to the nearest pico-dollar (for amounts already stored as doubles). */
    public static Money ofUsdRounded(double usd) {
        if (!Double.isFinite(usd)) {
            throw new ArithmeticException("not a dollar amount: " + usd);
        }
        return usd(BigDecimal.valueOf(usd).setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    /** The amount in pico-dollars. */
    public long pico() {
        return pico;
    }

    public Money plus(Money other) {
        return ofPico(Math.addExact(pico, other.pico));
    }

    public Money minus(Money other) {
        return ofPico(Math.subtractExact(pico, other.pico));
    }

    /** This amount {@code n} times (a per-token price times a token count). */
    public Money times(long n) {
        return ofPico(Math.multiplyExact(pico, n));
    }

    /** This amount times {@code factor} (e.g. a batch discount of 0.5), rounded half-even to a pico-dollar. */
    public Money times(BigDecimal factor) {
        return usd(toBigDecimal().multiply(factor).setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    /** The larger of the two. */
    public Money max(Money other) {
        return pico >= other.pico ? this : other;
    }

    /** -1, 0 or 1. */
    public int signum() {
        return Long.signum(pico);
    }

    public boolean isZero() {
        return pico == 0;
    }

    public boolean isNegative() {
        return pico < 0;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(pico, o.pico);
    }

    /** The exact amount in dollars, without trailing zeros and never in scientific notation (scale >= 0). */
    public BigDecimal toBigDecimal() {
        BigDecimal d = BigDecimal.valueOf(pico, SCALE).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** The nearest double (for JSON fields and state columns that hold dollars as numbers). */
    public double toUsdDouble() {
        return BigDecimal.valueOf(pico, SCALE).doubleValue();
    }

    /** The exact amount without a currency sign: {@code 0.0008}, {@code 18.0432}, {@code 12}. */
    public String toPlainString() {
        return toBigDecimal().toPlainString();
    }

    /** The exact amount with a dollar sign and at least cents: {@code $0.0008}, {@code $12.00}, {@code $2.50}. */
    public String toExactString() {
        BigDecimal d = toBigDecimal().abs();
        return (pico < 0 ? "-$" : "$") + (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
    }

    /** Rounded to cents (half up), with a dollar sign: {@code $0.82}, {@code $18.04}, {@code -$1.50}. */
    @Override
    public String toString() {
        BigDecimal c = toBigDecimal().setScale(2, RoundingMode.HALF_UP);
        return (c.signum() < 0 ? "-$" : "$") + c.abs().toPlainString();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Money m && m.pico == pico;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(pico);
    }
}
