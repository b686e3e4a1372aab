package dev.spotter.voice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * Reads a voice label written by someone else: the contract object, or the brief's legacy object
 * ({@code exercise_id, exercise_name, weight, reps, rpe, confidence}) without type, unit or sets.
 *
 * <p>Each field is kept as "labelled with this value" or "not labelled" (absent key), so an audit can tell a
 * disagreement from a field the label never had. Exercises resolve by catalog id first, then by name or alias.
 *
 * @param type           "strength", "cardio", "unparsed" or null when the label does not say (legacy)
 * @param exercise       the catalog exercise the label names, if it resolves
 * @param exerciseLabel  the label's own exercise text (id or name), for reports; null when absent
 * @param hasWeight      whether the label has a {@code weight} key (its value may be null: bodyweight)
 * @param hasPerSide     whether the label has {@code per_side} (legacy labels and labels written before the field
 *                       existed do not: then it is "not labelled", and {@code perSide} is false)
 * @param hasToFailure   the same for {@code to_failure}
 */
public record VoiceLabel(
        String type,
        Optional<Exercise> exercise,
        String exerciseLabel,
        boolean hasWeight,
        Double weight,
        boolean hasUnit,
        WeightUnit unit,
        boolean hasReps,
        Integer reps,
        boolean hasSets,
        Integer sets,
        boolean hasRpe,
        Double rpe,
        boolean hasRir,
        Integer rir,
        boolean hasPerSide,
        boolean perSide,
        boolean hasToFailure,
        boolean toFailure) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses a label from JSON text; throws IllegalArgumentException with the reason when it is not one. */
    public static VoiceLabel parse(String json, ExerciseCatalog catalog) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json.strip());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("label is not JSON: " + e.getOriginalMessage());
        }
        return from(n, catalog);
    }

    public static VoiceLabel from(JsonNode n, ExerciseCatalog catalog) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("label is not a JSON object");
        }
        String type = n.hasNonNull("type") ? n.get("type").asText() : null;
        String exId = n.hasNonNull("exercise_id") ? n.get("exercise_id").asText() : null;
        String exName = n.hasNonNull("exercise_name") ? n.get("exercise_name").asText() : null;
        Optional<Exercise> ex = Optional.empty();
        if (exId != null) {
            ex = catalog.byId(exId);
        }
        if (ex.isEmpty() && exName != null) {
            ex = catalog.lookup(exName);
        }
        if (ex.isEmpty() && exId != null) {
            ex = catalog.lookup(exId.replace('_', ' ').replace('-', ' '));
        }
        if (type == null && exId == null && exName == null) {
            throw new IllegalArgumentException("label has neither type nor exercise");
        }
        WeightUnit unit = null;
        if (n.hasNonNull("weight_unit")) {
            unit = WeightUnit.fromWire(
                            n.get("weight_unit").asText().toLowerCase().replace("lbs", "lb"))
                    .orElse(null);
        }
        return new VoiceLabel(
                type,
                ex,
                exName != null ? exName : exId,
                n.has("weight"),
                number(n.get("weight")),
                n.has("weight_unit"),
                unit,
                n.has("reps"),
                integer(n.get("reps")),
                n.has("sets"),
                integer(n.get("sets")),
                n.has("rpe"),
                number(n.get("rpe")),
                n.has("rir"),
                integer(n.get("rir")),
                n.has("per_side"),
                n.path("per_side").asBoolean(false),
                n.has("to_failure"),
                n.path("to_failure").asBoolean(false));
    }

    private static Double number(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer integer(JsonNode v) {
        Double d = number(v);
        return d == null ? null : (int) Math.round(d);
    }

    /**
     * The label as a previous-set context for the next turn, when it names a catalog exercise. The unit defaults
     * to lb when the label has a weight but no unit (legacy labels). {@code per_side} goes with the set (a next
     * "same thing for 8" is per side again); {@code to_failure} does not matter to a next set (effort never carries).
     */
    public Optional<StrengthSet> toContext(WeightUnit defaultUnit) {
        if (exercise.isEmpty() || (type != null && !type.equals("strength"))) {
            return Optional.empty();
        }
        Exercise e = exercise.get();
        WeightUnit u = weight == null ? null : (unit == null ? defaultUnit : unit);
        return Optional.of(new StrengthSet(
                e.id(),
                e.name(),
                weight,
                u,
                reps,
                sets == null || sets < 1 ? 1 : sets,
                rpe,
                rir,
                perSide,
                toFailure,
                1.0,
                List.of()));
    }
}
