package dev.spotter.generate;

/**
 * Spend cap with reservations. A request may start only if spent + reserved + its worst case (prompt estimate +
 * max_tokens at the price) stays within the cap; when it returns, its reservation is replaced by the real cost.
 * When other requests hold reservations, a blocked caller waits for them to settle instead of giving up early.
 */
final class Budget {
    private final Double cap;
    private double spent;
    private double reserved;

    Budget(Double cap, double alreadySpent) {
        this.cap = cap;
        this.spent = alreadySpent;
    }

    /** Blocks while other reservations may free room; false = the cap forbids this request. */
    synchronized boolean reserve(double worst) throws InterruptedException {
        if (cap == null) {
            reserved += worst;
            return true;
        }
        while (spent + reserved + worst > cap + 1e-12) {
            if (reserved <= 0) {
                return false;
            }
            wait();
        }
        reserved += worst;
        return true;
    }

    synchronized void settle(double worst, double actual) {
        reserved = Math.max(0, reserved - worst);
        spent += actual;
        notifyAll();
    }

    synchronized double spent() {
        return spent;
    }

    Double cap() {
        return cap;
    }
}
