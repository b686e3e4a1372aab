package dev.spotter.voice;

import java.util.List;
import java.util.Objects;

/**
 * A strength set in the contract's shape. {@code weight} is per implement and null for bodyweight;
 * {@code weightUnit} is null exactly when {@code weight} is. {@code rpe} is 1–10 in half steps or null.
 *
 * @param perSide   the reps are per side ("10 each arm", "8 per leg", "12 a side"); the weight is still one
 *                  implement's. False when no such qualifier was said.
 * @param toFailure the set was taken to failure ("to failure", "till failure", "failed the 9th"); then
 *                  {@code rpe} is 10 and {@code rir} 0 unless other values were said.
 */
public record StrengthSet(
        String exerciseId,
        String exerciseName,
        Double weight,
        WeightUnit weightUnit,
        Integer reps,
        int sets,
        Double rpe,
        Integer rir,
        boolean perSide,
        boolean toFailure,
        double confidence,
        List<String> trace)
        implements VoiceResult {
    public StrengthSet {
        Objects.requireNonNull(exerciseId, "exerciseId");
        Objects.requireNonNull(exerciseName, "exerciseName");
        if ((weight == null) != (weightUnit == null)) {
            throw new IllegalArgumentException("weightUnit must be null exactly when weight is null");
        }
        if (sets < 1) {
            throw new IllegalArgumentException("sets must be >= 1, was " + sets);
        }
        trace = trace == null ? List.of() : List.copyOf(trace);
    }

    @Override
    public String type() {
        return "strength";
    }

    @Override
    public String toJson() {
        StringBuilder sb = new StringBuilder(200);
        sb.append("{\"type\":\"strength\",\"exercise_id\":");
        Json.str(sb, exerciseId);
        sb.append(",\"exercise_name\":");
        Json.str(sb, exerciseName);
        sb.append(",\"weight\":");
        Json.num(sb, weight);
        sb.append(",\"weight_unit\":");
        Json.str(sb, weightUnit == null ? null : weightUnit.wire());
        sb.append(",\"reps\":");
        Json.num(sb, reps == null ? null : reps.doubleValue());
        sb.append(",\"sets\":").append(sets);
        sb.append(",\"rpe\":");
        Json.num(sb, rpe);
        sb.append(",\"rir\":");
        Json.num(sb, rir == null ? null : rir.doubleValue());
        sb.append(",\"per_side\":").append(perSide);
        sb.append(",\"to_failure\":").append(toFailure);
        sb.append(",\"confidence\":");
        Json.num(sb, confidence);
        return sb.append('}').toString();
    }
}
