package dev.spotter.voice;

import java.util.List;

/**
 * What an utterance takes from the previous set (the session's context). Conventions (docs/areas/voice.md,
 * "Context"):
 *
 * <ul>
 *   <li>When no exercise is named, the previous set's exercise is used, with its unit, its weight (unless a weight
 *       is said or "bodyweight" removes it) and its {@code per_side}. When another exercise is named ("now bench
 *       225 for 8") the context is ignored unless the utterance refers to it.
 *   <li>The reps carry only on "same reps", on a plain repeat ("same thing", "again", "one more set", "did 3 more
 *       sets like that") and as a change ("same weight two more reps" = previous + 2).
 *   <li>A change of load ("added ten pounds", "drop twenty", "five kilos less") is applied to the previous weight,
 *       in the previous set's unit. After a bodyweight set, "added ten" is the added load (+10 on its added load,
 *       if it had one). A change said in the other unit than the previous set's is applied as said and flagged.
 *   <li>RPE, RIR and failure never carry: effort is per set.
 *   <li>A reference or a change with no previous set cannot be resolved: the result is {@code unparsed}.
 * </ul>
 */
final class ContextRules {
    private ContextRules() {}

    /**
     * Applies {@code prev} to the draft. Returns null on success, or the reason the utterance cannot be parsed.
     *
     * @param named      the exercise the utterance names, or null
     * @param bodyweight whether the exercise in effect (named, else the previous one) is a bodyweight move
     */
    static String apply(
            StrengthDraft d,
            Exercise named,
            boolean bodyweight,
            StrengthSet prev,
            References.Ref ref,
            List<String> trace) {
        boolean relative = d.delta != null || d.repsDelta != null || d.setsRepeat;
        boolean refers = ref != null && ref.any();
        if (prev == null) {
            if (d.delta != null && d.plusAmbiguous && bodyweight && d.delta > 0 && d.weight == null) {
                // "pull ups added 25": load added to a bodyweight move, not a change of a previous set
                d.weight = d.delta;
                d.unit = d.unit == null ? d.deltaUnit : d.unit;
                d.addedLoad = true;
                d.delta = null;
                relative = d.repsDelta != null || d.setsRepeat;
            }
            return refers || relative ? "refers to a previous set but no context was given" : null;
        }
        boolean sameExercise = named == null || named.id().equals(prev.exerciseId());
        if (!sameExercise && !refers && !relative) {
            return null; // a new exercise: the context does not apply
        }
        if (!sameExercise) {
            d.penalty += Confidence.CONTEXT_OTHER_EXERCISE;
        }
        if (d.weight != null && d.addedLoad && d.delta == null && prev.weight() != null && !bodyweight) {
            // "plus 10" after a loaded set: a change of its weight, though "plus" also names added load
            d.delta = d.weight;
            d.weight = null;
            d.penalty += Confidence.AMBIGUOUS_CHANGE;
        }
        if (d.delta != null) {
            if (d.weight != null || d.plates != null) {
                d.penalty += Confidence.AMBIGUOUS_CHANGE; // a change and a new weight: keep the weight said
                d.delta = null;
            } else {
                double base = prev.weight() == null ? 0 : prev.weight();
                if (d.deltaUnit != null && prev.weightUnit() != null && d.deltaUnit != prev.weightUnit()) {
                    d.penalty += Confidence.UNIT_MISMATCH;
                }
                d.weight = base + d.delta;
                d.unit = prev.weightUnit() != null ? prev.weightUnit() : d.deltaUnit;
                d.penalty += Confidence.RELATIVE_LOAD;
                if (trace != null)
                    trace.add("weight → " + ItemRules.fmt(d.weight) + (d.unit == null ? "" : " " + d.unit.wire())
                            + " (previous " + ItemRules.fmt(base) + (d.delta >= 0 ? " + " : " − ")
                            + ItemRules.fmt(Math.abs(d.delta)) + ")");
                if (d.weight <= 0) {
                    d.penalty += Confidence.INVALID_VALUE;
                    d.weight = null;
                }
            }
        }
        boolean carryWeight = named == null || refers;
        if (carryWeight
                && d.weight == null
                && d.plates == null
                && d.loadPerSide == 0
                && !d.bodyweightSaid
                && prev.weight() != null) {
            d.weight = prev.weight();
            if (d.unit == null) {
                d.unit = prev.weightUnit();
            }
            d.penalty += Confidence.CONTEXT_FIELD;
            if (trace != null)
                trace.add("weight → " + ItemRules.fmt(d.weight) + " " + d.unit.wire() + " (from the previous set)");
        }
        if (d.reps == null && prev.reps() != null) {
            if (d.repsDelta != null) {
                d.reps = prev.reps() + d.repsDelta;
                d.penalty += Confidence.RELATIVE_LOAD;
                if (trace != null)
                    trace.add("reps → " + d.reps + " (previous " + prev.reps() + (d.repsDelta >= 0 ? " + " : " − ")
                            + Math.abs(d.repsDelta) + ")");
            } else if (ref != null && (ref.repeat || ref.sameReps) || d.setsRepeat) {
                d.reps = prev.reps();
                d.penalty += Confidence.CONTEXT_FIELD;
                if (trace != null) trace.add("reps → " + d.reps + " (from the previous set)");
            }
        }
        if (carryWeight && sameExercise && prev.perSide() && !d.perSide) {
            d.perSide = true;
            if (trace != null) trace.add("per side (as the previous set)");
        }
        return null;
    }
}
