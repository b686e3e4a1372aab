package dev.spotter.voice;

/**
 * The confidence rule, in one place so it can be documented and tested.
 *
 * <p>A result starts at {@link #STRENGTH_BASE} or {@link #CARDIO_BASE} (everything said explicitly, with its
 * keyword: "225 pounds for 8 reps at rpe 8") and loses a fixed amount for each field that was inferred rather
 * than heard, clamped to [{@link #FLOOR}, 1] and rounded to 2 decimals. The amounts order inferences by how often
 * they are wrong: a defaulted unit is usually right, a number with no keyword is a guess from its size, a field
 * taken from context is only as good as the context, a misheard exercise name is a real risk, and a number the
 * parser could not place means the reading may be incomplete.
 */
final class Confidence {
    static final double STRENGTH_BASE = 0.98;
    static final double CARDIO_BASE = 0.97;
    static final double FLOOR = 0.05;

    /** Weight said without a unit; the default unit was used. */
    static final double UNIT_DEFAULTED = 0.03;
    /** "bench" alone → Barbell Bench Press: a convention, usually right. */
    static final double GENERIC_ALIAS = 0.02;
    /** Plate arithmetic ("two plates" → 225 lb). */
    static final double PLATES = 0.02;
    /** "225 x 5" read as weight × reps, or "3 x 5" as sets × reps, by the size of the first number. */
    static final double PAIR_BY_SIZE = 0.02;
    /** A number with no keyword next to it placed by its size ("bench 225 8"). */
    static final double BARE_NUMBER = 0.05;
    /** A bare "at 9" after the reps read as RPE. */
    static final double BARE_RPE = 0.05;
    /** Each field copied from the previous set. */
    static final double CONTEXT_FIELD = 0.05;
    /** No exercise said; the previous set's exercise was used. */
    static final double CONTEXT_EXERCISE = 0.10;
    /** Exercise word one edit away from an alias ("romainian"). */
    static final double FUZZY_ALIAS = 0.15;
    /** A second, different exercise was also named; the longer match won. */
    static final double SECOND_EXERCISE = 0.20;
    /** A number the rules could not place. */
    static final double IGNORED_NUMBER = 0.15;
    /** A loaded exercise with no reps, or no weight: the set is incomplete. */
    static final double MISSING_FIELD = 0.10;
    /** An RPE outside 1–10 or not in half steps was dropped. */
    static final double INVALID_VALUE = 0.10;
    /** Cardio: a pace read from "at 7:45" without the word pace. */
    static final double BARE_PACE = 0.05;
    /** Cardio: a distance without unit ("ran 5"); or an interval distance without unit read as metres. */
    static final double DISTANCE_UNIT_DEFAULTED = 0.10;
    /** Cardio: pace unit taken from the default because no distance unit was said. */
    static final double PACE_UNIT_DEFAULTED = 0.03;
    /** Cardio: distance, time and pace disagree by more than 10 %. */
    static final double INCONSISTENT = 0.10;

    private Confidence() {}

    static double of(double base, double penalty) {
        double c = Math.max(FLOOR, Math.min(1.0, base - penalty));
        return Math.round(c * 100) / 100.0;
    }
}
