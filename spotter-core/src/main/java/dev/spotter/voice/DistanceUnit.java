package dev.spotter.voice;

import java.util.Optional;

/** Distance unit of a cardio log, spelled as in the voice contract. */
public enum DistanceUnit {
    MI("mi"),
    KM("km"),
    M("m");

    private final String wire;

    DistanceUnit(String wire) {
        this.wire = wire;
    }

    /** {@code "mi"}, {@code "km"} or {@code "m"}. */
    public String wire() {
        return wire;
    }

    public static Optional<DistanceUnit> fromWire(String s) {
        for (DistanceUnit u : values()) {
            if (u.wire.equals(s)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
