package dev.spotter.voice;

import java.util.List;
import java.util.Set;

/**
 * Finds the phrases that refer to the previous set and marks their words as taken, before exercise matching and
 * number grouping (so "one more set" is not the number 1 and "same" is not read as anything else).
 *
 * <ul>
 *   <li><b>same weight</b> ("same weight", "same load", "same dumbbells"): the weight and unit carry; the reps do
 *       not.
 *   <li><b>same reps</b> ("same reps", "same number of reps"): the reps carry.
 *   <li><b>repeat</b> ("same thing", "same set", "same again", "the same", "same", "again", "another set",
 *       "another one", "one more set", a final "one more", "one more at 235", "like that", "like before", "repeat",
 *       "ditto"): weight and
 *       reps carry unless said. "another 8" is a repeat whose reps are said (the number stays a number).
 * </ul>
 *
 * "that one" / "this one" / "the last one" are a pronoun, not the number 1: their words are taken without a
 * reference. What carries and what does not is decided in {@link ContextRules}.
 */
final class References {
    private static final Set<String> WEIGHT_NOUNS =
            Set.of("weight", "load", "dumbbells", "dumbbell", "bells", "bar", "plates", "kettlebell", "weights");
    private static final Set<String> REPEAT_NOUNS = Set.of("thing", "set", "again", "one", "deal", "stuff");
    private static final Set<String> PRONOUN_BEFORE_ONE = Set.of("that", "this", "last", "first", "next", "each");
    /** "had one more", "could've done one more": reps in reserve, not another set. */
    private static final Set<String> RIR_BEFORE =
            Set.of("had", "have", "got", "do", "done", "couldve", "maybe", "probably", "like", "prob", "easily");

    private References() {}

    /** What the utterance refers to. */
    static final class Ref {
        boolean sameWeight;
        boolean sameReps;
        boolean repeat;

        boolean any() {
            return sameWeight || sameReps || repeat;
        }
    }

    /** Marks reference words in {@code taken}; returns null when the utterance refers to nothing. */
    static Ref mark(String[] w, boolean[] taken, List<String> trace) {
        Ref ref = null;
        for (int i = 0; i < w.length; i++) {
            String a = w[i];
            switch (a) {
                case "same", "again", "repeat", "ditto", "repeated", "another", "one", "like" -> {}
                default -> {
                    continue; // one probe for the common word
                }
            }
            String b = i + 1 < w.length ? w[i + 1] : "";
            String c = i + 2 < w.length ? w[i + 2] : "";
            String d = i + 3 < w.length ? w[i + 3] : "";
            int len = 0;
            int kind = 0; // 1 same weight, 2 same reps, 3 repeat, 4 pronoun
            if (a.equals("same") && WEIGHT_NOUNS.contains(b)) {
                kind = 1;
                len = 2;
            } else if (a.equals("same") && (b.equals("reps") || b.equals("rep"))) {
                kind = 2;
                len = b.equals("rep") && c.equals("count") ? 3 : 2;
            } else if (a.equals("same") && b.equals("number") && c.equals("of") && d.startsWith("rep")) {
                kind = 2;
                len = 4;
            } else if (a.equals("same")) {
                kind = 3;
                len = REPEAT_NOUNS.contains(b) ? 2 : 1;
                if (len == 1 && b.equals("as") && (c.equals("before") || c.equals("last"))) {
                    len = c.equals("last") && (d.equals("set") || d.equals("time")) ? 4 : 3;
                }
                if (i > 0 && w[i - 1].equals("the") && !taken[i - 1]) {
                    i--;
                    len++;
                }
            } else if (a.equals("again") || a.equals("repeat") || a.equals("ditto") || a.equals("repeated")) {
                kind = 3;
                len = 1;
            } else if (a.equals("another") && (b.equals("set") || b.equals("one") || b.equals("round"))) {
                kind = 3;
                len = 2;
            } else if (a.equals("another") && !b.isEmpty() && SpokenNumbers.isNumberWord(b)) {
                kind = 3; // "another 8": the reps are said; "another" stays for the reps rule
                len = 0;
            } else if (a.equals("another") && (b.equals("at") || b.equals("with") || b.equals("for"))) {
                kind = 3; // "another at 235"
                len = 1;
            } else if (a.equals("one")
                    && b.equals("more")
                    && !(i > 0 && RIR_BEFORE.contains(w[i - 1]))
                    && (c.equals("set")
                            || c.isEmpty()
                            || c.equals("of")
                            || c.equals("at")
                            || c.equals("with")
                            || c.equals("for"))) {
                kind = 3;
                len = c.equals("set") ? 3 : 2;
            } else if (a.equals("like") && (b.equals("that") || b.equals("before") || b.equals("last"))) {
                kind = 3;
                len = b.equals("last") && (c.equals("time") || c.equals("set")) ? 3 : 2;
            } else if (a.equals("one") && i > 0 && PRONOUN_BEFORE_ONE.contains(w[i - 1]) && !taken[i - 1]) {
                kind = 4; // "that one was a 9"
                i--;
                len = 2;
            }
            if (kind == 0) {
                continue;
            }
            for (int k = i; k < i + len; k++) {
                taken[k] = true;
            }
            if (kind == 4) {
                i += len - 1;
                continue;
            }
            if (ref == null) {
                ref = new Ref();
            }
            ref.sameWeight |= kind == 1;
            ref.sameReps |= kind == 2;
            ref.repeat |= kind == 3;
            if (trace != null && len > 0)
                trace.add("'" + SpokenNumbers.join(w, i, i + len) + "' → refers to the previous set");
            i += Math.max(0, len - 1);
        }
        return ref;
    }
}
