package dev.spotter.voice;

/**
 * One unit of an utterance after exercise matching and number grouping: a word, or a number that may have come
 * from several spoken words ("two twenty five"). Mutable {@code used} flag so each rule consumes what it reads.
 */
final class Item {
    final String word; // null for numbers
    final double num;
    /** Seconds when the number can be read as a clock ("8:30", "eight thirty" → 510), else -1. */
    final int clock;
    /** True for "8:30"-style digits (explicitly a time); false for "eight thirty" (a time or 830). */
    final boolean explicitClock;

    final boolean decimal;
    /** The words as said, for the trace. */
    final String spoken;

    boolean used;

    private Item(String word, double num, int clock, boolean explicitClock, boolean decimal, String spoken) {
        this.word = word;
        this.num = num;
        this.clock = clock;
        this.explicitClock = explicitClock;
        this.decimal = decimal;
        this.spoken = spoken;
    }

    static Item word(String w) {
        return new Item(w, Double.NaN, -1, false, false, w);
    }

    static Item number(double v, int clock, boolean explicitClock, String spoken) {
        return new Item(null, v, clock, explicitClock, v != Math.rint(v), spoken);
    }

    boolean isNum() {
        return word == null;
    }

    boolean is(String w) {
        return word != null && word.equals(w);
    }

    boolean isInt() {
        return word == null && !decimal && !explicitClock;
    }

    @Override
    public String toString() {
        return spoken;
    }
}
