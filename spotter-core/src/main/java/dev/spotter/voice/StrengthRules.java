package dev.spotter.voice;

import java.util.List;
import java.util.Set;

/**
 * Assigns the numbers of a strength utterance to weight, reps, sets, RPE and RIR.
 *
 * <p>Pass 1, left to right: a number is placed by the word after it ("8 reps", "3 sets of 10", "225 pounds",
 * "80s", "two plates", "2 in the tank", "3 x 5") or else by the word before it ("for 8", "at 225", "at rpe 8",
 * "at an 8", "felt like a 9", "plus 45", "of 10", a bare "at 9" after another number). Pass 2 places leftover
 * numbers by size: for a loaded exercise the larger is the weight and a small integer the reps; for a bodyweight
 * exercise the first is the reps. Context fills what is still missing. One instance per utterance.
 */
final class StrengthRules extends ItemRules {
    private static final Set<String> REPS_WORDS = Set.of("reps", "rep", "repetitions", "repetition", "times");
    private static final Set<String> SETS_WORDS = Set.of("sets", "set");
    private static final Set<String> PLATE_WORDS = Set.of("plate", "plates", "wheel", "wheels");
    private static final Set<String> WEIGHT_PREPS = Set.of("with", "plus", "add", "added", "using", "adding");
    private static final Set<String> X_WORDS = Set.of("x", "by");

    private Double weight;
    private WeightUnit unit;
    private Integer plates;
    private double extraPerSide;
    private Integer reps;
    private Integer sets;
    private Double rpe;
    private Integer rir;
    private boolean bodyweightSaid;
    private boolean perImplement;
    private boolean addedLoad;
    private boolean weightBare;
    private double penalty;
    private int numbersSeen;

    StrengthRules(List<Item> items, List<String> trace) {
        super(items, trace);
    }

    private void pass1() {
        for (int i = 0; i < it.size(); i++) {
            Item x = it.get(i);
            if (x.used) {
                continue;
            }
            if (x.isNum()) {
                numbersSeen++;
                numberRule(i, x);
            } else {
                wordRule(i, x);
            }
        }
    }

    private void setWeight(double v, int from, int to, String how) {
        weight = v;
        use(from, to);
        note(from, to, "weight " + fmt(v) + how);
    }

    private void setReps(Item n, int from, int to, String how) {
        reps = (int) n.num;
        use(from, to);
        note(from, to, "reps " + reps + how);
    }

    private void numberRule(int i, Item n) {
        double v = n.num;
        // ---- by the following words
        // RIR: "2 reps in reserve", "2 in reserve", "2 in the tank", "2 left in the tank", "2 rir", "2 more in the
        // tank"
        int k = i + 1;
        if (w(k, "reps") || w(k, "rep") || w(k, "left") || w(k, "more")) {
            k++;
        }
        if (w(k, "in") && (w(k + 1, "reserve") || w(k + 1, "tank") || (w(k + 1, "the") && w(k + 2, "tank")))) {
            int end = w(k + 1, "the") ? k + 3 : k + 2;
            rir = (int) v;
            use(i, end);
            note(i, end, "RIR " + rir);
            return;
        }
        if (w(i + 1, "rir") && !num(i + 2)) {
            rir = (int) v;
            use(i, i + 2);
            note(i, i + 2, "RIR " + rir);
            return;
        }
        if (w(i + 1, "more") && (w(i - 1, "done") || w(i - 1, "had") || w(i - 1, "do") || w(i - 1, "got"))) {
            // "could have done 2 more"
            rir = (int) v;
            int from = w(i - 2, "have") ? (w(i - 3, "could") ? i - 3 : i - 2) : i - 1;
            use(from, i + 2);
            note(from, i + 2, "RIR " + rir);
            return;
        }
        if (w(i + 1, "left") && !num(i + 2)) {
            rir = (int) v;
            use(i, i + 2);
            note(i, i + 2, "RIR " + rir);
            return;
        }
        if (w(i + 1, "rpe") && !num(i + 2)) {
            setRpe(v, i, i + 2, "");
            return;
        }
        if (w(i + 1, SETS_WORDS) && n.isInt()) {
            sets = (int) v;
            int end = i + 2;
            // "3 sets of 10", "3 sets 10 reps", "3 sets at 225"
            if (w(end, "of") && num(end + 1) && at(end + 1).isInt()) {
                reps = (int) at(end + 1).num;
                end += 2;
                if (w(end, REPS_WORDS)) {
                    end++;
                }
                use(i, end);
                note(i, end, sets + " sets of " + reps + " reps");
                return;
            }
            use(i, end);
            note(i, end, "sets " + sets);
            return;
        }
        if (w(i + 1, REPS_WORDS) && n.isInt() && !(w(i + 1, "times") && num(i + 2))) {
            setReps(n, i, i + 2, "");
            return;
        }
        if (w(i + 1, "kg") || w(i + 1, "lb")) {
            unit = at(i + 1).is("kg") ? WeightUnit.KG : WeightUnit.LB;
            int from = i;
            addedLoad |= i > 0 && w(i - 1, WEIGHT_PREPS) && at(i - 1).is("plus");
            if (i > 0 && (w(i - 1, WEIGHT_PREPS) || w(i - 1, "at"))) {
                from = i - 1;
            }
            // "80 lb dumbbells" style: per implement
            setWeight(v, from, i + 2, " " + unit.wire());
            return;
        }
        if (w(i + 1, "s") || w(i + 1, "each") && (w(i + 2, "hand") || w(i + 2, "side") || w(i + 2, "arm"))) {
            // "db rows 80s" → 80 per implement
            perImplement = true;
            int end = w(i + 1, "s") ? i + 2 : i + 3;
            setWeight(v, i, end, " (per implement)");
            return;
        }
        if (w(i + 1, PLATE_WORDS) && n.isInt() && v >= 1 && v <= 8) {
            plates = (int) v;
            int end = plateExtra(i + 2);
            end = consumeSide(end);
            use(i, end);
            note(i, end, plates + " plate" + (plates == 1 ? "" : "s") + " a side");
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
                && weight == null
                && plates == null
                && !w(i - 1, "for")
                && (v > 12 || n.decimal || !w(i + 3, SETS_WORDS))) {
            // "225 for 8": the number before "for" is the weight
            setWeight(v, w(i - 1, "at") || w(i - 1, WEIGHT_PREPS) ? i - 1 : i, i + 1, "");
            return;
        }
        // ---- by the preceding words
        if (w(i - 1, "rpe") || (w(i - 1, "of") && w(i - 2, "rpe")) || (w(i - 1, "at") && w(i - 2, "rpe"))) {
            int from = w(i - 1, "rpe") ? i - 1 : i - 2;
            if (w(from - 1, "at")) {
                from--;
            }
            setRpe(v, from, i + 1, "");
            return;
        }
        if (w(i - 1, "rir")) {
            rir = (int) v;
            use(i - 1, i + 1);
            note(i - 1, i + 1, "RIR " + rir);
            return;
        }
        if ((w(i - 1, "an") || w(i - 1, "a")) && (w(i - 2, "at") || w(i - 2, "like")) && v <= 10) {
            int from = i - 2;
            if (w(from - 1, "felt") || w(from - 1, "feels") || w(from - 1, "was")) {
                from--;
            }
            setRpe(v, from, i + 1, "");
            return;
        }
        if (w(i - 1, "like") && w(i - 2, "for") && n.isInt() && reps == null) {
            // "for like 8": a filler, not a feeling
            setReps(n, i - 2, i + 1, "");
            return;
        }
        if (w(i - 1, "like") && v <= 10) {
            int from = w(i - 2, "felt") || w(i - 2, "feels") ? i - 2 : i - 1;
            setRpe(v, from, i + 1, "");
            return;
        }
        if (w(i - 1, WEIGHT_PREPS)) {
            addedLoad |= at(i - 1).is("plus")
                    || at(i - 1).is("added")
                    || at(i - 1).is("add")
                    || at(i - 1).is("adding");
            setWeight(v, i - 1, i + 1, "");
            return;
        }
        if (w(i - 1, "for") && n.isInt() && v <= 100 && reps == null) {
            setReps(n, i - 1, i + 1, "");
            return;
        }
        if (w(i - 1, "of") && n.isInt() && reps == null) {
            setReps(n, i - 1, i + 1, "");
            return;
        }
        if (w(i - 1, "at")) {
            if (v > 10) {
                setWeight(v, i - 1, i + 1, "");
                return;
            }
            if (numbersSeen > 1 || reps != null || weight != null || sets != null) {
                penalty += Confidence.BARE_RPE;
                setRpe(v, i - 1, i + 1, " (bare 'at' after the set)");
                return;
            }
        }
        // left for pass 2
    }

    /** "a plate and 10s", "two plates and a 25": extra load per side, added in {@link #finish}. */
    private int plateExtra(int end) {
        if (w(end, "and") && num(end + 1) && at(end + 1).num <= 45) {
            extraPerSide = at(end + 1).num;
            return w(end + 2, "s") ? end + 3 : end + 2;
        }
        if (w(end, "and") && w(end + 1, "a") && num(end + 2) && at(end + 2).num <= 45) {
            extraPerSide = at(end + 2).num;
            return end + 3;
        }
        return end;
    }

    private int consumeSide(int end) {
        if ((w(end, "a") || w(end, "per") || w(end, "each")) && w(end + 1, "side")) {
            return end + 2;
        }
        if (w(end, "aside")) {
            return end + 1;
        }
        return end;
    }

    private void pair(int i, Item a, Item b) {
        int end = i + 3;
        Item c = null;
        if (w(end, X_WORDS) && num(end + 1)) {
            c = at(end + 1);
            end += 2;
        }
        penalty += Confidence.PAIR_BY_SIZE;
        if (a.num > 12 || a.decimal) {
            weight = a.num;
            weightBare = true;
            reps = (int) b.num;
            if (c != null) {
                sets = (int) c.num;
            }
            use(i, end);
            note(i, end, "weight " + fmt(a.num) + " × " + reps + " reps" + (c == null ? "" : " × " + sets + " sets"));
        } else {
            sets = (int) a.num;
            reps = (int) b.num;
            if (c != null) {
                weight = c.num;
                weightBare = true;
            }
            use(i, end);
            note(i, end, sets + " sets × " + reps + " reps" + (c == null ? "" : " at " + fmt(c.num)));
        }
        if (w(end, REPS_WORDS)) {
            use(end, end + 1);
        }
    }

    private void setRpe(double v, int from, int to, String how) {
        use(from, to);
        if (v < 1 || v > 10 || v * 2 != Math.rint(v * 2)) {
            penalty += Confidence.INVALID_VALUE;
            note(from, to, "RPE " + fmt(v) + " is outside 1–10 in half steps; dropped");
            return;
        }
        rpe = v;
        note(from, to, "RPE " + fmt(v) + how);
    }

    private void wordRule(int i, Item x) {
        String s = x.word;
        if (s.equals("bodyweight") || s.equals("bw") || (s.equals("body") && w(i + 1, "weight"))) {
            bodyweightSaid = true;
            int end = s.equals("body") ? i + 2 : i + 1;
            use(i, end);
            note(i, end, "no added weight");
        } else if ((s.equals("a") || s.equals("one")) && w(i + 1, PLATE_WORDS)) {
            plates = 1;
            int end = consumeSide(plateExtra(i + 2));
            use(i, end);
            note(i, end, "1 plate a side");
        } else if ((s.equals("single") || s.equals("double") || s.equals("triple"))
                && reps == null
                && (w(i - 1, "a") || w(i - 1, "for"))) {
            reps = s.equals("single") ? 1 : s.equals("double") ? 2 : 3;
            use(i - 1, i + 1);
            note(i - 1, i + 1, "reps " + reps);
        } else if ((s.equals("x") || s.equals("by"))
                && num(i + 1)
                && weight != null
                && reps == null
                && at(i + 1).isInt()) {
            reps = (int) at(i + 1).num;
            use(i, i + 2);
            note(i, i + 2, "reps " + reps);
        } else if (s.equals("kg") || s.equals("lb")) {
            unit = s.equals("kg") ? WeightUnit.KG : WeightUnit.LB;
            use(i, i + 1);
            note(i, i + 1, "unit " + unit.wire());
        }
    }

    private void pass2(boolean bodyweightExercise) {
        for (int i = 0; i < it.size(); i++) {
            Item x = it.get(i);
            if (x.used || !x.isNum()) {
                continue;
            }
            double v = x.num;
            if (bodyweightExercise || bodyweightSaid) {
                if (reps == null && x.isInt() && v <= 200) {
                    reps = (int) v;
                    penalty += Confidence.BARE_NUMBER;
                    x.used = true;
                    note(i, i + 1, "reps " + reps + " (bare number on a bodyweight exercise)");
                    continue;
                }
                if (weight == null && !bodyweightSaid) {
                    weight = v;
                    weightBare = true;
                    penalty += Confidence.BARE_NUMBER;
                    x.used = true;
                    note(i, i + 1, "weight " + fmt(v) + " added load (bare number)");
                    continue;
                }
            } else {
                Item y = nextBare(i);
                if (weight == null && reps == null && y != null && plates == null) {
                    // two bare numbers: larger is the weight, the other the reps ("bench 225 8", "8 225")
                    Item big = x.num >= y.num ? x : y;
                    Item small = big == x ? y : x;
                    if (small.isInt() && small.num <= 100) {
                        weight = big.num;
                        weightBare = true;
                        reps = (int) small.num;
                        big.used = true;
                        small.used = true;
                        penalty += 2 * Confidence.BARE_NUMBER;
                        if (trace != null)
                            trace.add("'" + big.spoken + "' → weight " + fmt(weight) + " (larger bare number)");
                        if (trace != null)
                            trace.add("'" + small.spoken + "' → reps " + reps + " (smaller bare number)");
                        continue;
                    }
                }
                if (weight == null && plates == null && (reps != null || v > 20 || x.decimal)) {
                    weight = v;
                    weightBare = true;
                    penalty += Confidence.BARE_NUMBER;
                    x.used = true;
                    note(i, i + 1, "weight " + fmt(v) + " (bare number)");
                    continue;
                }
                if (reps == null && x.isInt() && v <= 100) {
                    reps = (int) v;
                    penalty += Confidence.BARE_NUMBER;
                    x.used = true;
                    note(i, i + 1, "reps " + reps + " (bare number)");
                    continue;
                }
            }
            penalty += Confidence.IGNORED_NUMBER;
            x.used = true;
            note(i, i + 1, "not placed; ignored");
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

    VoiceResult finish(
            Exercise exercise,
            boolean generic,
            boolean fuzzy,
            Exercise other,
            String ref,
            StrengthSet previous,
            boolean previousBodyweight,
            WeightUnit defaultUnit) {
        pass1();
        boolean bwExercise = exercise != null ? exercise.bodyweight() : previous != null && previousBodyweight;
        pass2(bwExercise);
        if (generic) {
            penalty += Confidence.GENERIC_ALIAS;
        }
        if (fuzzy) {
            penalty += Confidence.FUZZY_ALIAS;
        }
        if (other != null) {
            penalty += Confidence.SECOND_EXERCISE;
            if (trace != null) trace.add("also heard " + other.name() + "; kept the longer match");
        }
        String id;
        String name;
        boolean fromContext = false;
        if (exercise == null) {
            if (previous == null) {
                return new Unparsed(
                        ref != null ? "refers to a previous set but no context was given" : "no exercise recognised",
                        trace);
            }
            id = previous.exerciseId();
            name = previous.exerciseName();
            fromContext = true;
            penalty += Confidence.CONTEXT_EXERCISE;
            if (trace != null) trace.add("exercise → " + name + " (from the previous set)");
        } else {
            id = exercise.id();
            name = exercise.name();
        }
        if (ref != null && previous == null) {
            return new Unparsed("refers to a previous set but no context was given", trace);
        }
        if (ref != null && previous != null) {
            if (weight == null && plates == null && !bodyweightSaid && previous.weight() != null) {
                weight = previous.weight();
                if (unit == null) {
                    unit = previous.weightUnit();
                }
                penalty += Confidence.CONTEXT_FIELD;
                if (trace != null)
                    trace.add("weight → " + fmt(weight) + " " + unit.wire() + " (from the previous set)");
            }
            if (!ref.equals("same weight") && reps == null && previous.reps() != null) {
                reps = previous.reps();
                penalty += Confidence.CONTEXT_FIELD;
                if (trace != null) trace.add("reps → " + reps + " (from the previous set)");
            }
        }
        if (plates != null) {
            WeightUnit u = unit == null ? defaultUnit : unit;
            double bar = u == WeightUnit.KG ? 20 : 45;
            double plate = u == WeightUnit.KG ? 20 : 45;
            weight = bar + 2 * plate * plates + 2 * extraPerSide;
            penalty += Confidence.PLATES;
            if (trace != null)
                trace.add(plates + " plate" + (plates == 1 ? "" : "s") + " → weight " + fmt(weight) + " " + u.wire()
                        + " (" + fmt(bar) + " bar + 2 × " + plates + " × " + fmt(plate)
                        + (extraPerSide > 0 ? " + 2 × " + fmt(extraPerSide) : "") + ")");
        }
        if (bodyweightSaid && !addedLoad && weight != null && weight <= 10 && reps == null) {
            // "bodyweight 8" style leftovers are reps, not load
            reps = weight.intValue();
            weight = null;
        }
        if (weight != null && unit == null) {
            unit = defaultUnit;
            penalty += Confidence.UNIT_DEFAULTED;
            if (trace != null) trace.add("unit → " + unit.wire() + " (not said; default)");
        }
        if (weight == null) {
            unit = null;
        }
        if (rpe == null && rir != null) {
            if (rir >= 0 && rir <= 9) {
                rpe = 10.0 - rir;
                if (trace != null) trace.add("RPE → " + fmt(rpe) + " (10 − RIR " + rir + ")");
            } else {
                penalty += Confidence.INVALID_VALUE;
                if (trace != null) trace.add("RIR " + rir + " out of range; dropped");
                rir = null;
            }
        }
        if (reps == null && weight == null && sets == null) {
            return new Unparsed("no weight or reps stated", trace);
        }
        if (reps == null) {
            penalty += Confidence.MISSING_FIELD;
        }
        if (weight == null && !bwExercise && !bodyweightSaid && !fromContext) {
            penalty += Confidence.MISSING_FIELD;
        }
        if (reps != null && (reps < 0 || reps > 1000)) {
            reps = null;
            penalty += Confidence.INVALID_VALUE;
        }
        int s = sets == null ? 1 : Math.max(1, sets);
        return new StrengthSet(
                id, name, weight, unit, reps, s, rpe, rir, Confidence.of(Confidence.STRENGTH_BASE, penalty), trace);
    }
}
