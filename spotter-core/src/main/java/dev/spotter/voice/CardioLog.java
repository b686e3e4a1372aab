package dev.spotter.voice;

import java.util.List;
import java.util.Objects;

/** A cardio (running) log in the contract's shape; unit fields are null exactly when their value is. */
public record CardioLog(
        String activity,
        String workoutType,
        Double distance,
        DistanceUnit distanceUnit,
        Integer durationS,
        Integer paceSPerUnit,
        DistanceUnit paceUnit,
        Intervals intervals,
        double confidence,
        List<String> trace)
        implements VoiceResult {
    public CardioLog {
        Objects.requireNonNull(activity, "activity");
        if ((distance == null) != (distanceUnit == null)) {
            throw new IllegalArgumentException("distanceUnit must be null exactly when distance is null");
        }
        if ((paceSPerUnit == null) != (paceUnit == null)) {
            throw new IllegalArgumentException("paceUnit must be null exactly when paceSPerUnit is null");
        }
        trace = trace == null ? List.of() : List.copyOf(trace);
    }

    @Override
    public String type() {
        return "cardio";
    }

    @Override
    public String toJson() {
        StringBuilder sb = new StringBuilder(240);
        sb.append("{\"type\":\"cardio\",\"activity\":");
        Json.str(sb, activity);
        sb.append(",\"workout_type\":");
        Json.str(sb, workoutType);
        sb.append(",\"distance\":");
        Json.num(sb, distance);
        sb.append(",\"distance_unit\":");
        Json.str(sb, distanceUnit == null ? null : distanceUnit.wire());
        sb.append(",\"duration_s\":");
        Json.num(sb, durationS == null ? null : durationS.doubleValue());
        sb.append(",\"pace_s_per_unit\":");
        Json.num(sb, paceSPerUnit == null ? null : paceSPerUnit.doubleValue());
        sb.append(",\"pace_unit\":");
        Json.str(sb, paceUnit == null ? null : paceUnit.wire());
        sb.append(",\"intervals\":");
        if (intervals == null) {
            sb.append("null");
        } else {
            intervals.appendJson(sb);
        }
        sb.append(",\"confidence\":");
        Json.num(sb, confidence);
        return sb.append('}').toString();
    }
}
