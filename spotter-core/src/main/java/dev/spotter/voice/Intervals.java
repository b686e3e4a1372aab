package dev.spotter.voice;

/**
 * Interval block of a cardio log: {@code repeats} × {@code distance} (may be null, "hill repeats 8 times 90
 * seconds") at {@code targetTimeS} seconds each (may be null).
 */
public record Intervals(int repeats, Double distance, DistanceUnit distanceUnit, Integer targetTimeS) {
    public Intervals {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, was " + repeats);
        }
        if ((distance == null) != (distanceUnit == null)) {
            throw new IllegalArgumentException("distanceUnit must be null exactly when distance is null");
        }
    }

    void appendJson(StringBuilder sb) {
        sb.append("{\"repeats\":").append(repeats).append(",\"distance\":");
        Json.num(sb, distance);
        sb.append(",\"distance_unit\":");
        Json.str(sb, distanceUnit == null ? null : distanceUnit.wire());
        sb.append(",\"target_time_s\":");
        Json.num(sb, targetTimeS == null ? null : targetTimeS.doubleValue());
        sb.append('}');
    }
}
