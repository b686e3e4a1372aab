package dev.spotter.voice;

import java.util.Optional;

/** Weight unit of a strength set, spelled as in the voice contract. */
public enum WeightUnit {
    LB("lb"),
    KG("kg");

    private final String wire;

    WeightUnit(String wire) {
        this.wire = wire;
    }

    /** {@code "lb"} or {@code "kg"}. */
    public String wire() {
        return wire;
    }

    public static Optional<WeightUnit> fromWire(String s) {
        for (WeightUnit u : values()) {
            if (u.wire.equals(s)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
