package dev.spotter.voice;

import dev.spotter.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Deterministic parser from a spoken workout log to the voice contract object.
 *
 * <pre>{@code
 * VoiceParser parser = VoiceParser.builder().defaultWeightUnit(WeightUnit.LB).build();
 * VoiceResult r = parser.parse("rdl three fifteen for five at an eight", VoiceContext.NONE);
 * r.toJson();  // {"type":"strength","exercise_id":"romanian-deadlift",...,"weight":315,...}
 * r.trace();   // ['rdl' → Romanian Deadlift, 'three fifteen' → weight 315 lb (unit not said, default), ...]
 * }</pre>
 *
 * <p>Pipeline (one pass each, no regular expressions, linear in the utterance): {@link Lexer} normalises words;
 * context phrases ("same weight", "another set") are marked; the catalog's word trie finds the longest exercise
 * alias; {@link SpokenNumbers} groups the remaining words into numbers; {@link StrengthRules} or
 * {@link CardioRules} assign numbers to fields by the words around them, left to right, and leftover numbers
 * by magnitude. Every decision is appended to the trace, and every inference lowers the confidence by a fixed
 * amount ({@link Confidence}). Thread-safe and immutable: share one instance.
 */
public final class VoiceParser {
    /** Words that make an utterance a run (or walk or ride) log. */
    static final Set<String> RUN_VERBS = Set.of(
            "run",
            "ran",
            "runs",
            "running",
            "jog",
            "jogged",
            "jogging",
            "jogs",
            "sprint",
            "sprints",
            "sprinted",
            "walk",
            "walked",
            "walking",
            "hike",
            "hiked",
            "bike",
            "biked",
            "biking",
            "cycle",
            "cycled",
            "cycling",
            "ride",
            "rode",
            "parkrun");

    private static final Set<String> CARDIO_CUES = Set.of(
            "mile",
            "miles",
            "mi",
            "km",
            "kilometer",
            "kilometers",
            "kilometre",
            "kilometres",
            "meter",
            "meters",
            "metre",
            "metres",
            "pace",
            "marathon",
            "fartlek",
            "tempo",
            "repeats",
            "intervals",
            "interval",
            "k");

    // A question starts with a wh-word, or with an auxiliary followed by a pronoun ("should I", "can you"); "do 3
    // sets of bench" is a log, "do I need a deload" is not.
    private static final Set<String> WH_WORDS = Set.of("how", "what", "whats", "why", "when", "which", "who", "where");
    private static final Set<String> AUX_WORDS =
            Set.of("should", "can", "could", "would", "is", "are", "does", "do", "will", "am");
    private static final Set<String> PRONOUNS =
            Set.of("i", "you", "we", "they", "it", "my", "this", "that", "he", "she", "there", "your");

    private final ExerciseCatalog catalog;
    private final WeightUnit defaultWeightUnit;
    private final DistanceUnit defaultPaceUnit;
    private final boolean fuzzy;
    private final boolean tracing;

    private VoiceParser(Builder b) {
        this.catalog = b.catalog == null ? ExerciseCatalog.bundled() : b.catalog;
        this.defaultWeightUnit = b.defaultWeightUnit;
        this.defaultPaceUnit = b.defaultPaceUnit;
        this.fuzzy = b.fuzzy;
        this.tracing = b.tracing;
    }

    /** A parser over the bundled catalog with the contract's defaults (lb, miles, fuzzy alias matching on). */
    public static VoiceParser defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ExerciseCatalog catalog() {
        return catalog;
    }

    public WeightUnit defaultWeightUnit() {
        return defaultWeightUnit;
    }

    /** Parses without context. */
    public VoiceResult parse(String text) {
        return parse(text, VoiceContext.NONE);
    }

    /**
     * Parses one utterance. Never throws for any text (null and blank give {@link Unparsed}); the context may be
     * {@link VoiceContext#NONE}.
     */
    public VoiceResult parse(String text, VoiceContext context) {
        if (context == null) {
            context = VoiceContext.NONE;
        }
        if (text == null || text.isBlank()) {
            return Unparsed.of("empty utterance");
        }
        String[] w = Lexer.words(text);
        if (w.length == 0) {
            return Unparsed.of("no words");
        }
        if (WH_WORDS.contains(w[0])
                || (AUX_WORDS.contains(w[0]) && w.length > 1 && PRONOUNS.contains(w[1]))
                || text.strip().endsWith("?")) {
            // "how do I improve my 5k time" mentions a distance but logs nothing
            return Unparsed.of("a question, not a workout log");
        }
        List<String> trace = tracing ? new ArrayList<>(8) : null;
        boolean[] taken = new boolean[w.length];
        References.Ref ref = References.mark(w, taken, trace);

        ExerciseCatalog.Match best = null;
        ExerciseCatalog.Match other = null;
        for (int i = 0; i < w.length; i++) {
            if (taken[i]) {
                continue;
            }
            ExerciseCatalog.Match m = catalog.matchAt(w, i);
            if (m != null && !overlapsTaken(taken, m)) {
                if (best == null) {
                    best = m;
                } else {
                    boolean better = best.generic() && !m.generic()
                            || best.generic() == m.generic() && m.end() - m.start() > best.end() - best.start();
                    ExerciseCatalog.Match loser = better ? best : m;
                    if (better) {
                        best = m;
                    }
                    if (loser.exercise() != best.exercise() && !sameFamily(loser, best)) {
                        other = loser;
                    } else {
                        // "pulled sumo 455": the plain verb names the family of the specific lift; not a second one
                        for (int k = loser.start(); k < loser.end(); k++) {
                            taken[k] = true;
                        }
                    }
                }
                i = Math.max(i, m.end() - 1);
            }
        }
        boolean runVerb = false;
        boolean cardioCue = false;
        for (String s : w) {
            runVerb |= RUN_VERBS.contains(s);
            cardioCue |= CARDIO_CUES.contains(s);
        }
        boolean fuzzyHit = false;
        if (best != null && fuzzy) {
            ExerciseCatalog.Match longer = catalog.fuzzy().extend(w, taken, best);
            if (longer != null) {
                best = longer;
                fuzzyHit = true;
            }
        }
        if (best == null && fuzzy && !runVerb && !cardioCue) {
            best = catalog.fuzzy().find(w, taken);
            fuzzyHit = best != null;
        }
        if (runVerb && (best == null || !isCarryOrSled(best, w))) {
            return CardioRules.parse(w, defaultPaceUnit, trace);
        }
        if (best == null && ref == null && (cardioCue || context.isEmpty())) {
            // no exercise: a run log without a verb ("8 by 800 at 3:10", "easy 30 minutes"); a bare duration with
            // nothing that says run ("set a timer for two minutes", "rest 90 seconds") is not one
            List<String> cardioTrace = trace == null ? null : new ArrayList<>(trace);
            VoiceResult cardio = CardioRules.parse(w, defaultPaceUnit, cardioTrace);
            if (cardio instanceof CardioLog log
                    && (cardioCue
                            || log.workoutType() != null
                            || log.distance() != null
                            || log.paceSPerUnit() != null
                            || log.intervals() != null)) {
                return cardio;
            }
        }
        // strength from here: homophones are read as numbers only now (a run's "twenty four thirty" is a time)
        double penalty = Homophones.repair(w, taken, trace) * Confidence.HOMOPHONE;
        Exercise exercise = null;
        if (best != null) {
            for (int k = best.start(); k < best.end(); k++) {
                taken[k] = true;
            }
            exercise = best.exercise();
            String said = SpokenNumbers.join(w, best.start(), best.end());
            if (trace != null)
                trace.add("'" + said + "' → " + exercise.name()
                        + (fuzzyHit
                                ? " (closest alias, heard differently)"
                                : best.generic() ? " (default for the plain word)" : ""));
            penalty += (best.generic() ? Confidence.GENERIC_ALIAS : 0) + (fuzzyHit ? Confidence.FUZZY_ALIAS : 0);
        }
        if (other != null) {
            penalty += Confidence.SECOND_EXERCISE;
            if (trace != null) trace.add("also heard " + other.exercise().name() + "; kept the more specific match");
        }
        markUnilateral(w, taken);
        List<Item> items = new ArrayList<>(w.length);
        int i = 0;
        while (i < w.length) {
            if (taken[i]) {
                if (items.isEmpty() || !items.get(items.size() - 1).is("|")) {
                    items.add(Item.word("|"));
                }
                i++;
                continue;
            }
            int j = i;
            while (j < w.length && !taken[j]) {
                j++;
            }
            SpokenNumbers.group(w, i, j, items, true);
            i = j;
        }
        StrengthSet prev = context.previous();
        Exercise prevExercise =
                prev == null ? null : catalog.byId(prev.exerciseId()).orElse(null);
        boolean prevBodyweight =
                prev != null && (prevExercise != null ? prevExercise.bodyweight() : prev.weight() == null);
        Exercise inEffect = exercise != null ? exercise : prevExercise;
        String equipment = inEffect == null ? "" : inEffect.equipment();
        StrengthRules rules = new StrengthRules(items, trace, equipment.equals("barbell"));
        rules.pass1();
        if (exercise != null && rules.d.perImplement && !equipmentSaid(w, best)) {
            // "curls 35s", "rows 80s": a weight per implement says dumbbells when the plain word named the barbell lift
            Exercise variant = catalog.dumbbellVariant(exercise).orElse(null);
            if (variant != null) {
                if (trace != null) trace.add("per-implement weight → " + variant.name());
                exercise = variant;
                penalty += Confidence.EQUIPMENT_INFERRED;
            }
        }
        return rules.finish(
                exercise, penalty, ref, prev, prevBodyweight, defaultWeightUnit, equipment.equals("machine"));
    }

    private static final java.util.Set<String> EQUIPMENT_WORDS = java.util.Set.of(
            "barbell", "bar", "ez", "smith", "machine", "cable", "trap", "hex", "landmine", "kettlebell", "band");

    private static boolean equipmentSaid(String[] w, ExerciseCatalog.Match m) {
        for (int k = m.start(); k < m.end(); k++) {
            if (EQUIPMENT_WORDS.contains(w[k])) {
                return true;
            }
        }
        return false;
    }

    /** Two matches name one lift family when one is a plain word and both have the same movement pattern. */
    private static boolean sameFamily(ExerciseCatalog.Match a, ExerciseCatalog.Match b) {
        return (a.generic() || b.generic())
                && a.exercise().pattern().equals(b.exercise().pattern());
    }

    /**
     * "single arm", "one arm", "single leg", "one leg at a time": how the lift was done, not a number ("one") and not
     * reps ("single"). Whether the reps are per side is said by the qualifier after them ("10 each arm").
     */
    private static void markUnilateral(String[] w, boolean[] taken) {
        for (int i = 0; i + 1 < w.length; i++) {
            if (taken[i] || !(w[i].equals("single") || w[i].equals("one"))) {
                continue;
            }
            String n = w[i + 1];
            if (n.equals("arm")
                    || n.equals("leg")
                    || n.equals("hand")
                    || n.equals("handed")
                    || n.equals("sided")
                    || n.equals("arms")
                    || n.equals("legs")) {
                taken[i] = true;
                taken[i + 1] = true;
                if (i + 4 < w.length && w[i + 2].equals("at") && w[i + 3].equals("a") && w[i + 4].equals("time")) {
                    taken[i + 2] = true;
                    taken[i + 3] = true;
                    taken[i + 4] = true;
                }
            }
        }
    }

    /** Parses many utterances without context, in order (the batch API the benchmark measures). */
    public List<VoiceResult> parseAll(List<String> texts) {
        List<VoiceResult> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(parse(t, VoiceContext.NONE));
        }
        return out;
    }

    private static boolean isCarryOrSled(ExerciseCatalog.Match m, String[] w) {
        // "farmers walk", "yoke walk": the walk belongs to the exercise name, not to a cardio log
        for (int k = m.start(); k < m.end(); k++) {
            if (RUN_VERBS.contains(w[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsTaken(boolean[] taken, ExerciseCatalog.Match m) {
        for (int k = m.start(); k < m.end(); k++) {
            if (taken[k]) {
                return true;
            }
        }
        return false;
    }

    /** Builder; every setter rejects null at once. */
    public static final class Builder {
        private ExerciseCatalog catalog;
        private WeightUnit defaultWeightUnit = WeightUnit.LB;
        private DistanceUnit defaultPaceUnit = DistanceUnit.MI;
        private boolean fuzzy = true;
        private boolean tracing = true;

        private Builder() {}

        /** The catalog to match against; default {@link ExerciseCatalog#bundled()}. */
        public Builder catalog(ExerciseCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Unit of a weight said without one; default lb (contract). */
        public Builder defaultWeightUnit(WeightUnit unit) {
            this.defaultWeightUnit = Objects.requireNonNull(unit, "defaultWeightUnit");
            return this;
        }

        /** Pace unit when neither the pace nor a distance names one; default mi (contract). */
        public Builder defaultPaceUnit(DistanceUnit unit) {
            Objects.requireNonNull(unit, "defaultPaceUnit");
            if (unit == DistanceUnit.M) {
                throw new ConfigurationException("defaultPaceUnit must be mi or km; a pace per metre is not used");
            }
            this.defaultPaceUnit = unit;
            return this;
        }

        /** Whether a word one edit away from an alias word may match (lowers confidence); default true. */
        public Builder fuzzyAliases(boolean on) {
            this.fuzzy = on;
            return this;
        }

        /**
         * Whether results carry a {@link VoiceResult#trace()}; default true. Off skips building the trace
         * strings (about 2× faster for bulk parsing where only the JSON is needed); reasoning chains need it on.
         */
        public Builder trace(boolean on) {
            this.tracing = on;
            return this;
        }

        public VoiceParser build() {
            return new VoiceParser(this);
        }
    }
}
