package dev.spotter.voice;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RPE, RIR and failure: the effort of a set. Contract and documented conventions (docs/areas/voice.md):
 *
 * <ul>
 *   <li>RPE: "rpe 8", "at rpe 8", "8 rpe", "rpe of 8", "@8", "at an 8", "felt like a 9", "like a 6", "that was a
 *       9", "call it a nine and a half", "r p e eight", "our PE 8" (the lexer's "rpe"); decimals "8.5", "eight and
 *       a half", "nine point five". A range "rpe 7 to 8" is its midpoint (7.5).
 *   <li>RIR: "2 reps in reserve", "2 in reserve", "2 in the tank", "one left in the tank", "zero in the tank",
 *       "2 rir", "rir 2", "2 reps left", "could've done two more", "had maybe 3 more", "maybe one more in me".
 *       When only RIR is said, RPE = 10 − RIR; when only RPE is said, RIR stays null.
 *   <li>"2 reps shy of failure", "1 rep from failure": RIR 2, RIR 1. "9 out of 10": RPE 9.
 *   <li>Failure: "to / till / until (technical) failure", "went to failure", "failed the 9th" (the reps are those completed:
 *       8, when no reps were said). Failure means RPE 10 and RIR 0 unless other values were said, and sets
 *       {@code to_failure}. "RPE 10" alone or "zero in the tank" is not failure (the lifter did not say the rep
 *       failed). "Close to failure" / "near failure" is not read at all (so the parse is flagged).
 * </ul>
 *
 * Words like "easy", "grind", "warm up" give no number. Shares the utterance's items and draft with
 * {@link StrengthRules}, which asks these rules first for every item.
 */
final class EffortRules extends ItemRules {
    private static final Set<String> RIR_VERBS =
            Set.of("had", "have", "got", "do", "done", "couldve", "did", "left", "probably", "maybe");
    private static final Set<String> HEDGES = Set.of("maybe", "like", "about", "probably", "prob", "another", "easily");
    private static final Set<String> TANK = Set.of("reserve", "tank", "me");
    private static final Set<String> FAILURE_BEFORE = Set.of("to", "till", "until", "til", "untill");
    /** Words allowed between "rpe" and its number ("rpe was like 8", "rpe of 8", "rpe at 8"). */
    private static final Set<String> RPE_HEDGES =
            Set.of("of", "at", "was", "is", "like", "about", "around", "maybe", "probably", "a", "an", "say", "solid");
    /** "an easy 7", "a solid 8": an adjective between the article and an RPE. */
    private static final Set<String> RPE_ADJECTIVES =
            Set.of("easy", "solid", "hard", "tough", "light", "heavy", "honest", "true", "real", "strong", "smooth");
    /** Adjectives allowed between "to" and "failure" ("to technical failure"). */
    private static final Set<String> FAILURE_KINDS = Set.of("technical", "complete", "absolute", "total", "full");

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1),
            Map.entry("second", 2),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("fifth", 5),
            Map.entry("sixth", 6),
            Map.entry("seventh", 7),
            Map.entry("eighth", 8),
            Map.entry("ninth", 9),
            Map.entry("tenth", 10),
            Map.entry("eleventh", 11),
            Map.entry("twelfth", 12),
            Map.entry("fifteenth", 15),
            Map.entry("twentieth", 20));
    private static final Set<String> ORDINAL_SUFFIX = Set.of("th", "st", "nd", "rd");

    private final StrengthDraft d;

    EffortRules(List<Item> items, List<String> trace, StrengthDraft d) {
        super(items, trace);
        this.d = d;
    }

    /** Places the number at {@code i} if it is an RPE, an RIR or the reps after "failure at"; true if placed. */
    boolean number(int i, Item n) {
        double v = n.num;
        // RIR by the following words: "2 (reps|more|left)* in (reserve|the tank|tank|me)"
        int k = i + 1;
        for (int s = 0; s < 2 && (w(k, "reps") || w(k, "rep") || w(k, "left") || w(k, "more")); s++) {
            k++;
        }
        if (w(k, "in") && (w(k + 1, TANK) || (w(k + 1, "the") && w(k + 2, "tank")))) {
            int end = w(k + 1, "the") ? k + 3 : k + 2;
            setRir(n, w(i - 1, "left") ? i - 1 : i, end);
            return true;
        }
        if (w(i + 1, "rir") && !num(i + 2)) {
            setRir(n, i, i + 2);
            return true;
        }
        int left = w(i + 1, "left") ? i + 2 : (w(i + 1, "reps") || w(i + 1, "rep")) && w(i + 2, "left") ? i + 3 : -1;
        if (left > 0 && !num(left)) {
            setRir(n, i, left); // "2 left", "like 5 reps left"
            return true;
        }
        if (w(i + 1, "more") && !w(i + 2, "sets") && !w(i + 2, "set") && !w(i + 2, "lb") && !w(i + 2, "kg")) {
            // "could've done 2 more", "had maybe 3 more": a verb (and hedges) before; without one it is a change
            int j = i - 1;
            while (w(j, HEDGES)) {
                j--;
            }
            if (w(j, RIR_VERBS)) {
                int from = w(j, RIR_VERBS) ? j : j + 1;
                if (w(from - 1, "couldve") || w(from - 1, "could")) {
                    from--;
                } else if (w(from - 1, "have") && w(from - 2, "could")) {
                    from -= 2;
                }
                int end = w(i + 2, "reps") || w(i + 2, "rep") ? i + 3 : i + 2;
                setRir(n, from, end);
                return true;
            }
        }
        if (w(i + 1, "rpe") && !num(i + 2) && !(w(i + 2, RPE_HEDGES) && (num(i + 3) || num(i + 4)))) {
            // "8 rpe" (not "10, rpe of 6": there the number after "rpe" is the RPE)
            setRpe(v, i, i + 2, "");
            return true;
        }
        // "2 reps shy of failure", "1 rep from failure", "one away from failure": RIR, not failure
        int f = w(i + 1, "reps") || w(i + 1, "rep") ? i + 2 : i + 1;
        int f2 = w(f, "shy") || w(f, "short") || w(f, "away") ? f + 1 : f;
        if ((w(f2, "of") || w(f2, "from")) && w(f2 + 1, "failure") && (f2 > f || w(f2, "from"))) {
            setRir(n, i, f2 + 2);
            return true;
        }
        if (w(i + 1, "out") && w(i + 2, "of") && num(i + 3) && at(i + 3).num == 10 && v <= 10) {
            setRpe(v, i, i + 4, ""); // "a 9 out of 10"
            return true;
        }
        // RPE by the preceding words: "rpe 8", "rpe of 8", "at rpe 8", "rpe was like 8", "rpe around 7"
        int r = i - 1;
        while (r >= i - 3 && w(r, RPE_HEDGES)) {
            r--;
        }
        if (w(r, "rpe") && (r == i - 1 || !w(i - 1, "a") || r < i - 2)) {
            int from = w(r - 1, "at") ? r - 1 : r;
            setRpe(v, from, range(i), "");
            return true;
        }
        if (w(i - 1, "rir") || w(i - 1, "is") && w(i - 2, "rir") || w(i - 1, "was") && w(i - 2, "rir")) {
            setRir(n, w(i - 1, "rir") ? i - 1 : i - 2, i + 1);
            return true;
        }
        if ((w(i - 1, "an") || w(i - 1, "a")) && v <= 10) {
            int from = -1;
            if (w(i - 2, "at") || w(i - 2, "like")) {
                from = i - 2;
                if (w(from - 1, "felt") || w(from - 1, "feels") || w(from - 1, "was") || w(from - 1, "more")) {
                    from--;
                }
            } else if (w(i - 2, "was") || w(i - 2, "its") || w(i - 2, "say")) {
                from = i - 2; // "that was a 9", "it's a 9"
            } else if (w(i - 2, "it") && w(i - 3, "call")) {
                from = i - 3; // "call it a nine and a half"
            }
            if (from >= 0) {
                setRpe(v, from, range(i), "");
                return true;
            }
        }
        if (w(i - 1, "like") && w(i - 2, "for") && n.isInt() && d.reps == null) {
            return false; // "for like 8": a filler, not a feeling; the reps rule reads it
        }
        if ((w(i - 1, RPE_ADJECTIVES) && (w(i - 2, "a") || w(i - 2, "an")))
                && v <= 10
                && v >= 1
                && (d.reps != null || d.weight != null || d.numbersSeen > 1)) {
            setRpe(v, i - 2, i + 1, ""); // "an easy 7", "a solid 8", after the set
            return true;
        }
        if (w(i - 1, "like") && v <= 10 && v >= 1) {
            int from = w(i - 2, "felt") || w(i - 2, "feels") ? i - 2 : i - 1;
            setRpe(v, from, range(i), "");
            return true;
        }
        return false;
    }

    /** Reads failure phrases at word {@code i}; true if the word was consumed. */
    boolean word(int i, Item x) {
        String s = x.word;
        if (s.equals("failure") && (w(i - 1, FAILURE_BEFORE) || w(i - 1, FAILURE_KINDS) && w(i - 2, FAILURE_BEFORE))) {
            int from = w(i - 1, FAILURE_KINDS) ? i - 2 : i - 1;
            if (w(from - 1, "went") || w(from - 1, "taken") || w(from - 1, "take") || w(from - 1, "go")) {
                from--;
            }
            if (w(from - 1, "all") || w(from - 1, "set")) {
                from--;
            }
            d.failure = true;
            use(from, i + 1);
            if (trace != null) note(from, i + 1, "taken to failure");
            // "to failure 42", "to failure 15 reps", "went to failure at 22": the reps it took
            int k = w(i + 1, "at") ? i + 2 : i + 1;
            if (num(k) && at(k).isInt() && at(k).num <= 100 && d.reps == null && !followedByCue(k + 1)) {
                d.reps = (int) at(k).num;
                int end = w(k + 1, "reps") || w(k + 1, "rep") ? k + 2 : k + 1;
                use(i + 1, end);
                if (trace != null) note(i + 1, end, "reps " + d.reps + " (at failure)");
            }
            return true;
        }
        if (s.equals("failed") || s.equals("missed")) {
            // "failed the 9th", "failed on the ninth rep", "failed rep 9", "failed at 9"
            int k = i + 1;
            while (w(k, "on") || w(k, "the") || w(k, "at") || w(k, "rep") || w(k, "number")) {
                k++;
            }
            Integer nth = null;
            int end = k;
            if (num(k) && at(k).isInt()) {
                nth = (int) at(k).num;
                end = w(k + 1, ORDINAL_SUFFIX) ? k + 2 : k + 1;
            } else if (at(k) != null && !at(k).used && at(k).word != null && ORDINALS.containsKey(at(k).word)) {
                nth = ORDINALS.get(at(k).word);
                end = k + 1;
            }
            if (nth != null && nth >= 1 && nth <= 100) {
                if (w(end, "rep") || w(end, "one")) {
                    end++;
                }
                d.failure = true;
                d.failedAt = nth;
                use(i, end);
                if (trace != null) note(i, end, "failed rep " + nth + " (taken to failure)");
                return true;
            }
        }
        return false;
    }

    /** After the rules: failure and RIR fill in the rest of the effort (see the class comment). */
    void finish() {
        if (d.failure) {
            if (d.failedAt != null && d.reps == null && d.failedAt > 1) {
                d.reps = d.failedAt - 1;
                if (trace != null) trace.add("reps → " + d.reps + " (completed before the failed rep)");
            }
            if (d.rpe == null) {
                d.rpe = 10.0;
                if (trace != null) trace.add("RPE → 10 (failure)");
            }
            if (d.rir == null) {
                d.rir = 0;
                if (trace != null) trace.add("RIR → 0 (failure)");
            }
        }
        if (d.rpe == null && d.rir != null) {
            if (d.rir >= 0 && d.rir <= 9) {
                d.rpe = 10.0 - d.rir;
                if (trace != null) trace.add("RPE → " + fmt(d.rpe) + " (10 − RIR " + d.rir + ")");
            } else {
                d.penalty += Confidence.INVALID_VALUE;
                if (trace != null) trace.add("RIR " + d.rir + " out of range; dropped");
                d.rir = null;
            }
        }
    }

    private boolean followedByCue(int k) {
        return w(k, "lb") || w(k, "kg") || w(k, "s") || w(k, "sets") || w(k, "for") || w(k, "x");
    }

    /** "rpe 7 to 8": the end of an RPE range starting at item {@code i} (the range's midpoint is set). */
    private int range(int i) {
        if ((w(i + 1, "to") || w(i + 1, "or")) && num(i + 2)) {
            double lo = at(i).num;
            double hi = at(i + 2).num;
            if (hi > lo && hi <= 10 && hi - lo <= 2) {
                pendingRange = (lo + hi) / 2;
                return i + 3;
            }
        }
        return i + 1;
    }

    private double pendingRange = Double.NaN;

    private void setRpe(double v, int from, int to, String how) {
        if (!Double.isNaN(pendingRange)) {
            v = Math.round(pendingRange * 2) / 2.0;
            how = " (middle of the range)";
            pendingRange = Double.NaN;
        }
        use(from, to);
        if (v < 1 || v > 10 || v * 2 != Math.rint(v * 2)) {
            d.penalty += Confidence.INVALID_VALUE;
            if (trace != null) note(from, to, "RPE " + fmt(v) + " is outside 1–10 in half steps; dropped");
            return;
        }
        if (d.rpe != null) {
            if (trace != null) note(from, to, "RPE " + fmt(v) + how + " (replaces " + fmt(d.rpe) + ")");
        } else {
            if (trace != null) note(from, to, "RPE " + fmt(v) + how);
        }
        d.rpe = v;
    }

    /** Bare "at 9" after the set (numbers, reps or sets already heard): RPE, at a cost. */
    void bareRpe(double v, int from, int to) {
        d.penalty += Confidence.BARE_RPE;
        setRpe(v, from, to, " (bare 'at' after the set)");
    }

    private void setRir(Item n, int from, int to) {
        d.rir = (int) n.num;
        use(from, to);
        if (trace != null) note(from, to, "RIR " + d.rir);
    }
}
