package dev.spotter.voice;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns the numbers of a strength utterance to weight, reps, sets, RPE and RIR, and reads per-side reps.
 *
 * <p>First the items are repaired: a self-correction keeps the corrected value ("225 for 8, no 9" → for 9; "315
 * sorry 325" → 325), and a load split by speech-to-text is joined ("4 25 for 2" → 425 for 2, only before "for",
 * "x", "times" or a unit). Pass 1, left to right: {@link EffortRules} (RPE, RIR, failure) and {@link LoadRules}
 * (units, per-implement, plates, relative changes) are asked first; then a number is placed by the word after it
 * ("8 reps", "3 sets of 10", "3 x 5", "10 each arm", "three triples") or else by the word before it ("for 8",
 * "at 225", "got 12", "another 8", "a bare "at 9" after another number). Pass 2 places leftover numbers by size:
 * for a loaded exercise the larger is the weight and a small integer the reps; for a bodyweight exercise the first
 * is the reps. {@link ContextRules} fills what the previous set gives; the confidence is computed last
 * ({@link Confidence}). One instance per utterance.
 */
final class StrengthRules extends ItemRules {
    private static final Set<String> REPS_WORDS = Set.of("reps", "rep", "repetitions", "repetition", "times");
    private static final Set<String> SETS_WORDS = Set.of("sets", "set");
    private static final Set<String> X_WORDS = Set.of("x", "by");
    private static final Set<String> SIDE_NOUNS =
            Set.of("arm", "arms", "leg", "legs", "side", "sides", "hand", "hands");
    private static final Set<String> SIDE_DETS = Set.of("each", "per", "a", "an");
    private static final Map<String, Integer> MULTIPLES =
            Map.of("single", 1, "double", 2, "triple", 3, "singles", 1, "doubles", 2, "triples", 3);
    private static final Set<String> REST_UNITS =
            Set.of("seconds", "second", "sec", "secs", "minutes", "minute", "min", "mins");
    private static final Set<String> DISTANCE_UNITS = Set.of(
            "yards", "yard", "yd", "yds", "meters", "meter", "metres", "metre", "m", "feet", "foot", "ft", "steps");
    private static final Set<String> REPS_VERBS = Set.of("got", "hit", "did", "managed", "out", "only");
    private static final Set<String> OUT_VERBS = Set.of("repped", "cranked", "knocked", "banged", "pumped", "ground");
    private static final Set<String> CORRECTIONS = Set.of("no", "sorry", "wait", "actually", "correction", "mean");
    private static final Set<String> LOAD_FOLLOWERS = Set.of("for", "x", "times", "lb", "kg", "by");

    final StrengthDraft d = new StrengthDraft();
    private final EffortRules effort;
    private final LoadRules load;

    StrengthRules(List<Item> items, List<String> trace, boolean barbell) {
        super(items, trace);
        this.effort = new EffortRules(items, trace, d);
        this.load = new LoadRules(items, trace, d, barbell);
        repair();
    }

    /** Self-corrections and split loads, before any rule reads the items. */
    private void repair() {
        for (int i = 0; i + 1 < it.size(); i++) {
            Item a = it.get(i);
            Item b = it.get(i + 1);
            // "4 25 for 2", "bench 1 85 for 10": one load said as two numbers
            if (a.isInt()
                    && b.isInt()
                    && a.spoken.length() == 1
                    && a.num >= 1
                    && b.spoken.length() == 2
                    && b.num >= 10
                    && at(i + 2) != null
                    && at(i + 2).word != null
                    && LOAD_FOLLOWERS.contains(at(i + 2).word)) {
                Item joined = Item.number(a.num * 100 + b.num, -1, false, a.spoken + " " + b.spoken);
                it.set(i, joined);
                it.remove(i + 1);
                d.penalty += Confidence.SPLIT_NUMBER;
                if (trace != null) trace.add("'" + joined.spoken + "' → " + fmt(joined.num) + " (one number, split)");
            }
        }
        for (int i = 1; i < it.size(); i++) {
            // "225 for 8, no 9", "315 sorry 325 for 3", "405 for 5 wait no 4", "rpe 8 no actually more like a 9"
            if (!it.get(i).isNum()
                    && (CORRECTIONS.contains(it.get(i).word) || it.get(i).is("i") && w(i + 1, "mean"))
                    && it.get(i - 1).isNum()) {
                int m = i;
                while (m < it.size()
                        && !it.get(m).isNum()
                        && (CORRECTIONS.contains(it.get(m).word)
                                || it.get(m).is("i")
                                || it.get(m).is("make")
                                || it.get(m).is("that"))) {
                    m++;
                }
                int b = m;
                while (b < it.size()
                        && b - m < 4
                        && !it.get(b).isNum()
                        && !it.get(b).is("|")) {
                    b++;
                }
                if (b < it.size() && it.get(b).isNum()) {
                    // the corrected value takes the place of the old one; the words between go with the old one
                    Item old = it.get(i - 1);
                    if (trace != null)
                        trace.add("'" + span(i - 1, b + 1) + "' → " + it.get(b).spoken + " (corrected; " + old.spoken
                                + " dropped)");
                    for (int k = i - 1; k < b; k++) {
                        it.remove(i - 1);
                    }
                    d.penalty += Confidence.CORRECTION;
                    i = i - 1;
                }
            }
        }
    }

    /** Pass 1 (see the class comment); the parser reads {@link StrengthDraft#perImplement} after it. */
    void pass1() {
        for (int i = 0; i < it.size(); i++) {
            Item x = it.get(i);
            if (x.used) {
                continue;
            }
            if (x.isNum()) {
                d.numbersSeen++;
                numberRule(i, x);
            } else {
                wordRule(i, x);
            }
        }
    }

    private void setWeight(double v, int from, int to, String how) {
        d.weight(v);
        use(from, to);
        if (trace != null) note(from, to, "weight " + fmt(v) + how);
    }

    private void setReps(Item n, int from, int to, String how) {
        d.reps((int) n.num);
        use(from, to);
        if (trace != null) note(from, to, "reps " + d.reps + how);
    }

    /**
     * End of a per-side qualifier at {@code k} ("each arm", "per leg", "a side", "on each leg", a final "each", "a
     * piece"), or -1.
     */
    private int sideAt(int k) {
        if (w(k, "on") && (w(k + 1, "each") || w(k + 1, "either")) && w(k + 2, SIDE_NOUNS)) {
            return k + 3;
        }
        if (w(k, "a") && w(k + 1, "piece")) {
            return k + 2;
        }
        if (w(k, SIDE_DETS) && w(k + 1, SIDE_NOUNS)) {
            return k + 2;
        }
        if ((w(k, "each") || w(k, "apiece")) && !w(k + 1, SIDE_NOUNS)) {
            return k + 1;
        }
        return -1;
    }

    private void numberRule(int i, Item n) {
        double v = n.num;
        if (effort.number(i, n)) {
            return;
        }
        if (w(i + 1, "more") && w(i + 2, SETS_WORDS) && n.isInt()) {
            // "did 3 more sets like that": the previous set repeated
            d.sets = (int) v;
            d.setsRepeat = true;
            int from = w(i - 1, "did") ? i - 1 : i;
            use(from, i + 3);
            if (trace != null) note(from, i + 3, d.sets + " more sets like the previous one");
            return;
        }
        if ((w(i + 1, "more") || w(i + 1, "less") || w(i + 1, "fewer") || w(i + 1, "extra"))
                && (w(i + 2, "reps") || w(i + 2, "rep"))
                && n.isInt()) {
            d.repsDelta = at(i + 1).is("more") || at(i + 1).is("extra") ? (int) v : -(int) v;
            use(i, i + 3);
            if (trace != null)
                note(i, i + 3, (d.repsDelta >= 0 ? "+" : "−") + Math.abs(d.repsDelta) + " reps on the previous set");
            return;
        }
        if (load.number(i, n)) {
            return;
        }
        int side = sideAt(i + 1);
        if (side > 0 && n.isInt() && v <= 100 && (d.reps == null || w(i - 1, "for"))) {
            // "10 each arm", "8 per leg", "12 a side": the reps of one side
            int from = w(i - 1, "for") || w(i - 1, "x") ? i - 1 : i;
            d.perSide = true;
            setReps(n, from, side, " per side");
            return;
        }
        if (w(i + 1, "singles") || w(i + 1, "doubles") || w(i + 1, "triples")) {
            d.sets = (int) v;
            d.reps(MULTIPLES.get(at(i + 1).word));
            use(i, i + 2);
            if (trace != null) note(i, i + 2, d.sets + " sets of " + d.reps);
            return;
        }
        if (w(i + 1, REST_UNITS) || w(i + 1, DISTANCE_UNITS)) {
            // "rest 2 minutes", "farmer carries 50 yards": neither load nor reps
            int from = w(i - 1, "for") || w(i - 1, "rest") || w(i - 1, "rested") ? i - 1 : i;
            use(from, i + 2);
            if (trace != null) note(from, i + 2, "not a set field (time or distance)");
            return;
        }
        if (w(i + 1, SETS_WORDS) && n.isInt()) {
            d.sets = (int) v;
            int end = i + 2;
            if (w(i - 1, "another")) {
                use(i - 1, i); // "did another 3 sets like that"
            }
            // "3 sets of 10", "3 sets 10 reps", "3 sets at 225"
            if (w(end, "of") && num(end + 1) && at(end + 1).isInt()) {
                d.reps((int) at(end + 1).num);
                end += 2;
                if (w(end, REPS_WORDS)) {
                    end++;
                }
                use(i, end);
                if (trace != null) note(i, end, d.sets + " sets of " + d.reps + " reps");
                return;
            }
            use(i, end);
            if (trace != null) note(i, end, "sets " + d.sets);
            return;
        }
        if (w(i + 1, REPS_WORDS) && n.isInt() && !(w(i + 1, "times") && num(i + 2))) {
            int side2 = sideAt(i + 2);
            if (side2 > 0) {
                d.perSide = true; // "10 reps each arm"
                setReps(n, i, side2, " per side");
                return;
            }
            setReps(n, i, i + 2, "");
            return;
        }
        if (w(i + 1, X_WORDS) || (w(i + 1, "times") && num(i + 2))) {
            if (num(i + 2)) {
                pair(i, n, at(i + 2));
                return;
            }
        }
        if (w(i + 1, "for")
                && num(i + 2)
                && d.weight == null
                && d.plates == null
                && !w(i - 1, "for")
                && (v > 12 || n.decimal || !w(i + 3, SETS_WORDS))) {
            // "225 for 8": the number before "for" is the weight
            setWeight(v, w(i - 1, "at") ? i - 1 : i, i + 1, "");
            return;
        }
        // ---- by the preceding words
        if (w(i - 1, "like") && w(i - 2, "for") && n.isInt() && d.reps == null) {
            setReps(n, i - 2, i + 1, ""); // "for like 8"
            return;
        }
        if (w(i - 1, "for") && n.isInt() && v <= 100 && d.reps == null) {
            setReps(n, i - 1, i + 1, "");
            return;
        }
        if (w(i - 1, "of") && n.isInt() && d.reps == null) {
            setReps(n, i - 1, i + 1, "");
            return;
        }
        if ((w(i - 1, REPS_VERBS) || w(i - 1, "another")) && n.isInt() && v <= 100 && d.reps == null) {
            // "got 12", "hit 5", "cranked out 12", "another 8"
            int from = w(i - 1, "out") && (w(i - 2, "cranked") || w(i - 2, "knocked") || w(i - 2, "banged"))
                    ? i - 2
                    : i - 1;
            setReps(n, from, i + 1, "");
            return;
        }
        if (w(i - 1, "at")) {
            if (v > 10) {
                setWeight(v, i - 1, i + 1, "");
                return;
            }
            if (d.numbersSeen > 1 || d.reps != null || d.weight != null || d.sets != null) {
                effort.bareRpe(v, i - 1, i + 1);
            }
        }
        // left for pass 2
    }

    private void pair(int i, Item a, Item b) {
        int end = i + 3;
        Item c = null;
        if (w(end, X_WORDS) && num(end + 1)) {
            c = at(end + 1);
            end += 2;
        }
        d.penalty += Confidence.PAIR_BY_SIZE;
        if (a.num > 12 || a.decimal) {
            d.weight(a.num);
            d.weightBare = true;
            d.reps((int) b.num);
            if (c != null) {
                d.sets = (int) c.num;
            }
            use(i, end);
            if (trace != null)
                note(
                        i,
                        end,
                        "weight " + fmt(a.num) + " × " + d.reps + " reps"
                                + (c == null ? "" : " × " + d.sets + " sets"));
        } else {
            d.sets = (int) a.num;
            d.reps((int) b.num);
            if (c != null) {
                d.weight(c.num);
                d.weightBare = true;
            }
            use(i, end);
            if (trace != null)
                note(i, end, d.sets + " sets × " + d.reps + " reps" + (c == null ? "" : " at " + fmt(c.num)));
        }
        if (w(end, REPS_WORDS)) {
            use(end, end + 1);
        }
    }

    private void wordRule(int i, Item x) {
        if (effort.word(i, x) || load.word(i, x)) {
            return;
        }
        String s = x.word;
        if (s.equals("warm") && w(i + 1, "up") || s.equals("back") && w(i + 1, "off")) {
            use(i, i + 2); // "warm up", "back off": what kind of set, no field
            return;
        }
        if (s.equals("out") && w(i - 1, OUT_VERBS)) {
            use(i - 1, i + 1); // "repped out", "cranked out"
            return;
        }
        if (s.equals("bodyweight") || s.equals("bw") || (s.equals("body") && w(i + 1, "weight"))) {
            d.bodyweightSaid = true;
            int end = s.equals("body") ? i + 2 : i + 1;
            if (w(end, "only")) {
                end++;
            }
            use(i, end);
            if (trace != null) note(i, end, "no added weight");
        } else if (MULTIPLES.containsKey(s)
                && s.length() <= 6
                && d.reps == null
                && !w(i + 1, SIDE_NOUNS)
                && !w(i + 1, "arm")) {
            // "a double", "for a triple", "single @9.5"
            d.reps = MULTIPLES.get(s);
            int from = w(i - 1, "a") ? (w(i - 2, "for") ? i - 2 : i - 1) : w(i - 1, "for") ? i - 1 : i;
            use(from, i + 1);
            if (trace != null) note(from, i + 1, "reps " + d.reps);
        } else if ((s.equals("x") || s.equals("by"))
                && num(i + 1)
                && d.weight != null
                && d.reps == null
                && at(i + 1).isInt()) {
            d.reps = (int) at(i + 1).num;
            use(i, i + 2);
            if (trace != null) note(i, i + 2, "reps " + d.reps);
        } else if (s.equals("kg") || s.equals("lb")) {
            d.unit = s.equals("kg") ? WeightUnit.KG : WeightUnit.LB;
            use(i, i + 1);
            if (trace != null) note(i, i + 1, "unit " + d.unit.wire());
        } else if (sideAt(i) > 0
                && (!s.equals("each")
                        || w(i + 1, SIDE_NOUNS)
                        || at(i - 1) != null && at(i - 1).isNum())) {
            // "3 by 10 each arm", "2 sets of 8 a leg", "another set each arm": the reps are per side
            int end = sideAt(i);
            d.perSide = true;
            use(i, end);
            if (trace != null) note(i, end, "per side");
        }
    }

    void pass2(boolean bodyweightExercise) {
        for (int i = 0; i < it.size(); i++) {
            Item x = it.get(i);
            if (x.used || !x.isNum()) {
                continue;
            }
            double v = x.num;
            if (bodyweightExercise || d.bodyweightSaid) {
                if (d.reps == null && x.isInt() && v <= 200) {
                    d.reps = (int) v;
                    d.penalty += Confidence.BARE_NUMBER;
                    x.used = true;
                    if (trace != null) note(i, i + 1, "reps " + d.reps + " (bare number on a bodyweight exercise)");
                    continue;
                }
                if (d.weight == null && !d.bodyweightSaid) {
                    d.weight = v;
                    d.weightBare = true;
                    d.penalty += Confidence.BARE_NUMBER;
                    x.used = true;
                    if (trace != null) note(i, i + 1, "weight " + fmt(v) + " added load (bare number)");
                    continue;
                }
            } else {
                Item y = nextBare(i);
                if (d.weight == null && d.reps == null && y != null && d.plates == null) {
                    // two bare numbers: larger is the weight, the other the reps ("bench 225 8", "8 225")
                    Item big = x.num >= y.num ? x : y;
                    Item small = big == x ? y : x;
                    if (small.isInt() && small.num <= 100) {
                        d.weight = big.num;
                        d.weightBare = true;
                        d.reps = (int) small.num;
                        big.used = true;
                        small.used = true;
                        d.penalty += 2 * Confidence.BARE_NUMBER;
                        if (trace != null)
                            trace.add("'" + big.spoken + "' → weight " + fmt(d.weight) + " (larger bare number)");
                        if (trace != null)
                            trace.add("'" + small.spoken + "' → reps " + d.reps + " (smaller bare number)");
                        continue;
                    }
                }
                if (d.weight == null && d.plates == null && (d.reps != null || v > 20 || x.decimal)) {
                    d.weight = v;
                    d.weightBare = true;
                    d.penalty += Confidence.BARE_NUMBER;
                    x.used = true;
                    if (trace != null) note(i, i + 1, "weight " + fmt(v) + " (bare number)");
                    continue;
                }
                if (d.reps == null && x.isInt() && v <= 100) {
                    d.reps = (int) v;
                    d.penalty += Confidence.BARE_NUMBER;
                    x.used = true;
                    if (trace != null) note(i, i + 1, "reps " + d.reps + " (bare number)");
                    continue;
                }
            }
            d.penalty += Confidence.IGNORED_NUMBER;
            x.used = true;
            if (trace != null) note(i, i + 1, "not placed; ignored");
        }
    }

    private Item nextBare(int i) {
        for (int k = i + 1; k < it.size(); k++) {
            Item y = it.get(k);
            if (!y.used && y.isNum()) {
                return y;
            }
        }
        return null;
    }

    /**
     * Pass 2, context, plates, unit, effort and confidence; the result. {@link #pass1()} must have run.
     *
     * @param exercise   the exercise named (after the parser's choice of variant), or null
     * @param penalty    confidence costs the parser already decided (exercise match, homophones)
     */
    VoiceResult finish(
            Exercise exercise,
            double penalty,
            References.Ref ref,
            StrengthSet previous,
            boolean previousBodyweight,
            WeightUnit defaultUnit,
            boolean plateLoadedOnMachine) {
        boolean bwExercise = exercise != null ? exercise.bodyweight() : previous != null && previousBodyweight;
        pass2(bwExercise);
        d.penalty += penalty;
        String id;
        String name;
        boolean fromContext = false;
        if (exercise == null) {
            if (previous == null) {
                return new Unparsed(
                        ref != null || d.delta != null || d.repsDelta != null || d.setsRepeat
                                ? "refers to a previous set but no context was given"
                                : "no exercise recognised",
                        trace);
            }
            id = previous.exerciseId();
            name = previous.exerciseName();
            fromContext = true;
            d.penalty += Confidence.CONTEXT_EXERCISE;
            if (trace != null) trace.add("exercise → " + name + " (from the previous set)");
        } else {
            id = exercise.id();
            name = exercise.name();
        }
        String why = ContextRules.apply(d, exercise, bwExercise, previous, ref, trace);
        if (why != null) {
            return new Unparsed(why, trace);
        }
        WeightUnit u = d.unit == null ? defaultUnit : d.unit;
        if (d.barOnly && d.weight == null && d.plates == null && d.loadPerSide == 0) {
            d.weight = u == WeightUnit.KG ? 20.0 : 45.0;
            d.penalty += Confidence.PLATES;
            if (trace != null) trace.add("the bar → weight " + fmt(d.weight) + " " + u.wire());
        }
        if (d.plates != null || d.loadPerSide > 0) {
            double bar = u == WeightUnit.KG ? 20 : 45;
            double plate = d.plateWeight > 0 ? d.plateWeight : u == WeightUnit.KG ? 20 : 45;
            double perSide = d.plates == null ? d.loadPerSide : plate * d.plates + d.extraPerSide;
            d.weight = bar + 2 * perSide;
            d.penalty += Confidence.PLATES + (plateLoadedOnMachine ? Confidence.PLATES_ON_MACHINE : 0);
            if (trace != null)
                trace.add("plates → weight " + fmt(d.weight) + " " + u.wire() + " (" + fmt(bar) + " bar + 2 × "
                        + fmt(perSide) + " a side" + (plateLoadedOnMachine ? "; the sled's own weight is unknown" : "")
                        + ")");
        }
        if (d.bodyweightSaid && !d.addedLoad && d.weight != null && d.weight <= 10 && d.reps == null) {
            // "bodyweight 8" style leftovers are reps, not load
            d.reps = d.weight.intValue();
            d.weight = null;
        }
        if (d.weight != null && d.unit == null) {
            d.unit = defaultUnit;
            d.penalty += Confidence.UNIT_DEFAULTED;
            if (trace != null) trace.add("unit → " + d.unit.wire() + " (not said; default)");
        }
        if (d.weight == null) {
            d.unit = null;
        }
        effort.finish();
        if (d.reps == null && d.weight == null && d.sets == null) {
            return new Unparsed("no weight or reps stated", trace);
        }
        if (d.reps == null) {
            d.penalty += Confidence.MISSING_FIELD;
        }
        if (d.weight == null && !bwExercise && !d.bodyweightSaid && !fromContext) {
            d.penalty += Confidence.MISSING_FIELD;
        }
        if (d.reps != null && (d.reps < 0 || d.reps > 1000)) {
            d.reps = null;
            d.penalty += Confidence.INVALID_VALUE;
        }
        if (d.rpe != null || d.rir != null) {
            for (Item x : it) {
                if (!x.used && (x.is("rpe") || x.is("rir"))) {
                    x.used = true; // the word of an RPE whose first value was corrected away
                }
            }
        }
        d.penalty += Confidence.leftovers(it, trace);
        int s = d.sets == null ? 1 : Math.max(1, d.sets);
        return new StrengthSet(
                id,
                name,
                d.weight,
                d.unit,
                d.reps,
                s,
                d.rpe,
                d.rir,
                d.perSide,
                d.failure,
                Confidence.of(Confidence.STRENGTH_BASE, d.penalty),
                trace);
    }
}
