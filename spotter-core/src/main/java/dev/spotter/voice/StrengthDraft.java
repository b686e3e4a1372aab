package dev.spotter.voice;

/**
 * The fields of a strength set while the rules fill them in, shared by {@link StrengthRules}, {@link LoadRules},
 * {@link EffortRules} and {@link ContextRules} for one utterance. Null means "not said". {@link #penalty} sums the
 * confidence costs of every inference made on the way ({@link Confidence}).
 */
final class StrengthDraft {
    // ---- load
    Double weight;
    WeightUnit unit;
    /** The weight was placed by its size alone (no keyword next to it). */
    boolean weightBare;
    /** Said per implement ("80s", "the 35s", "40 pound dumbbells"): a hint that the implement is a dumbbell. */
    boolean perImplement;

    boolean bodyweightSaid;
    /** "plus 45": load added to a bodyweight move. */
    boolean addedLoad;
    /** Plates per side ("two plates"), or null. */
    Integer plates;
    /** Weight of one of those plates when it was said ("two 20 kilo plates"), else 0 (the standard plate). */
    double plateWeight;
    /** Small plates per side on top of the big ones ("and a quarter", "and two tens"). */
    double extraPerSide;
    /** "just the bar", "empty bar": the bar's own weight. */
    boolean barOnly;
    /** Load per side said without the word plate ("a 45 on each side", "45s and 25s on each side"), else 0. */
    double loadPerSide;

    // ---- relative to the previous set
    /** Change of load against the previous set ("added ten pounds" +10, "drop twenty" −20), or null. */
    Double delta;
    /** Unit said with the change, or null. */
    WeightUnit deltaUnit;
    /** Change of reps against the previous set ("two more reps"), or null. */
    Integer repsDelta;
    /** "plus 25" said without a bodyweight exercise: added load, or a change of the previous load. */
    boolean plusAmbiguous;

    // ---- reps, sets, effort
    Integer reps;
    Integer sets;
    /** "3 more sets like that": the sets repeat the previous one (its reps carry). */
    boolean setsRepeat;

    boolean perSide;
    Double rpe;
    Integer rir;
    boolean failure;
    /** The rep that failed ("failed the 9th" → 9), or null. */
    Integer failedAt;

    double penalty;
    int numbersSeen;

    /** Sets the weight; a second, different weight in one utterance is a conflict the confidence shows. */
    void weight(double v) {
        if (weight != null && weight != v) {
            penalty += Confidence.CONFLICT;
        }
        weight = v;
    }

    /** Sets the reps; a second, different count is a conflict, like {@link #weight}. */
    void reps(int r) {
        if (reps != null && reps != r) {
            penalty += Confidence.CONFLICT;
        }
        reps = r;
    }
}
