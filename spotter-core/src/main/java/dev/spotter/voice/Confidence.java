package dev.spotter.voice;

import java.util.List;

/**
 * The confidence rule, in one place so it can be documented, measured and tested.
 *
 * <p><b>Algorithm.</b> A result starts at {@link #STRENGTH_BASE} or {@link #CARDIO_BASE} (everything said with its
 * keyword: "225 pounds for 8 reps at rpe 8") and loses a fixed amount for every inference the parser made, clamped
 * to [{@link #FLOOR}, 1] and rounded to 2 decimals; {@code unparsed} is always 0. The amounts come in three tiers,
 * chosen so that the score can be cut at two thresholds (measured on the dev sets, docs/areas/voice.md):
 *
 * <ol>
 *   <li><b>Conventions</b> (0.01–0.03 each): readings that are right whenever the lifter follows the usual way of
 *       speaking — a defaulted unit, "bench" for the barbell bench press, plate arithmetic, "3 x 5" read by size, a
 *       homophone ("for ate"), a clock-looking load ("2:25" = 225), a self-correction, a field copied on an explicit
 *       reference ("same weight"). A parse with only these stays at or above 0.90.
 *   <li><b>Guesses</b> (0.05–0.10): a number placed by its size alone, a bare "at 9" as RPE, a load split in two
 *       ("4 25"), the exercise taken from the previous set, a change of load, a missing field, plates on a machine
 *       whose sled weight is unknown. One guess leaves the parse between 0.80 and 0.93; two push it under 0.90.
 *   <li><b>Signs of a misreading</b> (0.15–0.25): a word next to a number that no rule explained (it probably
 *       changes what the number means: "lighter", "each", "chip"), a number no rule could place, a second exercise,
 *       a misheard exercise name, two values for one field, a change in the other unit, an ambiguous "plus". One of these puts the parse under
 *       0.80, where audit-voice sends it to human review.
 * </ol>
 *
 * <p>The coverage check ({@link #leftovers}) is what makes the score mean something on speech nobody here wrote: the
 * rules cannot know every phrasing, but they know which words they used. A word left over that is not a known
 * filler ({@link Fillers}) costs {@link #UNEXPLAINED_NEAR} when it stands within two items of a number or right
 * next to the exercise name (an unknown variant: "cossack squats"), else
 * {@link #UNEXPLAINED_FAR} (chatter at the edges: "honestly", "though"). Risk: a new filler word next to a number
 * flags a right parse for review (a cost in review time, never a confident wrong answer); a phrasing that the rules
 * read wrongly while using every word is not caught, which is why the rules only fire on specific phrases.
 */
final class Confidence {
    static final double STRENGTH_BASE = 0.98;
    static final double CARDIO_BASE = 0.97;
    static final double FLOOR = 0.05;

    // ---- tier 1: conventions
    /** Weight said without a unit; the default unit was used. */
    static final double UNIT_DEFAULTED = 0.03;
    /** "bench" alone → Barbell Bench Press: a convention, usually right. */
    static final double GENERIC_ALIAS = 0.02;
    /** Plate arithmetic ("two plates" → 225 lb). */
    static final double PLATES = 0.02;
    /** "225 x 5" read as weight × reps, or "3 x 5" as sets × reps, by the size of the first number. */
    static final double PAIR_BY_SIZE = 0.02;
    /** A homophone read as a number ("for ate", "to sets", "315 four 5"). */
    static final double HOMOPHONE = 0.03;
    /** A self-correction ("8, no 9") kept the corrected value. */
    static final double CORRECTION = 0.02;
    /** Each field copied from the previous set on a reference ("same weight", "again"). */
    static final double CONTEXT_FIELD = 0.02;
    /** "curls 35s": the dumbbell variant inferred from a per-implement weight. */
    static final double EQUIPMENT_INFERRED = 0.03;

    // ---- tier 2: guesses
    /** A number with no keyword next to it placed by its size ("bench 225 8"). */
    static final double BARE_NUMBER = 0.05;
    /** A bare "at 9" after the reps read as RPE. */
    static final double BARE_RPE = 0.05;
    /** One load said as two numbers ("4 25 for 2" → 425). */
    static final double SPLIT_NUMBER = 0.05;
    /** No exercise said; the previous set's exercise was used. */
    static final double CONTEXT_EXERCISE = 0.05;
    /** A change of load or reps applied to the previous set ("added ten pounds"). */
    static final double RELATIVE_LOAD = 0.03;
    /** A loaded exercise with no reps, or no weight: the set is incomplete. */
    static final double MISSING_FIELD = 0.10;
    /** An RPE outside 1–10 or not in half steps was dropped. */
    static final double INVALID_VALUE = 0.10;
    /** Plates on a leg press or hack squat: the sled's own weight is not known. */
    static final double PLATES_ON_MACHINE = 0.10;
    /** A reference to the previous set while another exercise is named ("same weight on incline"). */
    static final double CONTEXT_OTHER_EXERCISE = 0.10;
    /** Cardio: a pace read from "at 7:45" without the word pace. */
    static final double BARE_PACE = 0.05;
    /** Cardio: a distance without unit ("ran 5"); or an interval distance without unit read as metres. */
    static final double DISTANCE_UNIT_DEFAULTED = 0.10;
    /** Cardio: pace unit taken from the default because no distance unit was said. */
    static final double PACE_UNIT_DEFAULTED = 0.03;
    /** Cardio: distance, time and pace disagree by more than 10 %. */
    static final double INCONSISTENT = 0.10;
    /** Cardio: "1:58" after a half marathon read as hours and minutes (as minutes and seconds it is impossible). */
    static final double CLOCK_AS_HOURS = 0.02;

    // ---- tier 3: signs of a misreading
    /** Exercise word one edit away from an alias ("romainian"). */
    static final double FUZZY_ALIAS = 0.15;
    /** A second, different exercise was also named; the more specific (or longer) match won. */
    static final double SECOND_EXERCISE = 0.20;
    /** A number the rules could not place. */
    static final double IGNORED_NUMBER = 0.25;
    /** A word no rule explained, within two items of a number. */
    static final double UNEXPLAINED_NEAR = 0.20;
    /** A word no rule explained, away from the numbers. */
    static final double UNEXPLAINED_FAR = 0.06;
    /** A change said in another unit than the previous set's ("five kilos less" after a set in lb). */
    static final double UNIT_MISMATCH = 0.25;
    /** Two different values for the weight, or for the reps, in one utterance (no self-correction said). */
    static final double CONFLICT = 0.20;
    /** "plus 10" after a loaded set, or a change and a new weight in one utterance. */
    static final double AMBIGUOUS_CHANGE = 0.15;

    private Confidence() {}

    static double of(double base, double penalty) {
        double c = Math.max(FLOOR, Math.min(1.0, base - penalty));
        return Math.round(c * 100) / 100.0;
    }

    /**
     * The coverage check: the cost of the words no rule used. Unused numbers are already charged by the rules.
     * Reads each item once and looks two items to each side for a number; linear in the utterance.
     */
    static double leftovers(List<Item> items, List<String> trace) {
        return leftovers(items, trace, Fillers.WORDS);
    }

    /** {@link #leftovers(List, List)} with another filler list (a run log's). */
    static double leftovers(List<Item> items, List<String> trace, java.util.Set<String> fillers) {
        double p = 0;
        int n = items.size();
        for (int i = 0; i < n; i++) {
            Item x = items.get(i);
            if (x.used || x.isNum() || x.is("|") || fillers.contains(x.word)) {
                continue;
            }
            // near: within two items of a number, or right next to the exercise name ("cossack squats": a variant
            // the catalog does not know)
            boolean near = i > 0 && items.get(i - 1).is("|")
                    || i + 1 < n && items.get(i + 1).is("|");
            for (int k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2) && !near; k++) {
                near = items.get(k).isNum();
            }
            p += near ? UNEXPLAINED_NEAR : UNEXPLAINED_FAR;
            if (trace != null) trace.add("'" + x.spoken + "' → not understood" + (near ? " (next to a number)" : ""));
        }
        return p;
    }
}
