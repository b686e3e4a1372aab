package dev.spotter.generate;

import dev.spotter.kernel.Money;

/**
 * Spend cap with reservations. A request may start only if spent + reserved + its worst case (prompt estimate +
 * max_tokens at the price) stays within the cap; when it returns, its reservation is replaced by the real cost.
 * When other requests hold reservations, a blocked caller waits for them to settle instead of giving up early.
 *
 * <p>The arithmetic is exact ({@link Money}, whole pico-dollars): after every reservation has settled, the reserved
 * sum is exactly zero. With doubles it was not ({@code reserved - worst} left residue such as {@code 2.78e-17}),
 * and a blocked caller that waits while "something is reserved" could wait for a settle that never comes.
 */
final class Budget {
    private final Money cap;
    private Money spent;
    private Money reserved = Money.ZERO;

    /** @param cap null = no cap (reservations are still counted) */
    Budget(Money cap, Money alreadySpent) {
        this.cap = cap;
        this.spent = alreadySpent;
    }

    /** Blocks while other reservations may free room; false = the cap forbids this request. */
    synchronized boolean reserve(Money worst) throws InterruptedException {
        if (cap == null) {
            reserved = reserved.plus(worst);
            return true;
        }
        while (spent.plus(reserved).plus(worst).compareTo(cap) > 0) {
            if (reserved.signum() <= 0) {
                return false;
            }
            wait();
        }
        reserved = reserved.plus(worst);
        return true;
    }

    synchronized void settle(Money worst, Money actual) {
        reserved = reserved.minus(worst).max(Money.ZERO);
        spent = spent.plus(actual);
        notifyAll();
    }

    synchronized Money spent() {
        return spent;
    }

    /** What is reserved by requests still in flight. */
    synchronized Money reserved() {
        return reserved;
    }

    Money cap() {
        return cap;
    }
}
