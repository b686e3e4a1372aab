package dev.spotter.voice;

import java.util.List;
import java.util.Set;

/**
 * Speech-to-text writes a spoken number as the word that sounds the same: "bench too twenty five for ate",
 * "deadlift 500 for won", "did to sets of 10", "squat 315 four 5". This pass rewrites such a word into the number
 * (or "four" into "for") only where the other reading is not plausible in a workout log, judged by its neighbours:
 *
 * <ul>
 *   <li>"ate" → eight, "won" → one: after a number or a word that introduces a count ("for", "at", "of", "x",
 *       "by", "got", "hit", "did") or before a word that counts something ("reps", "sets", "plates", "more", "left", "in",
 *       "hundred"). "I ate" or "won the race" keep their meaning.
 *   <li>"too" → two: before a number or a counted word, or after a word that introduces a count; never before an
 *       adjective ("too heavy", "too easy").
 *   <li>"to" → two: before "sets"/"reps"/"plates" (not after a verb of motion: "went to sets" is not a count), or
 *       after "for"/"of"/"x"/"by" when no number follows ("deadlift 495 for to", "sets of to"). "Up to 335",
 *       "7 to 8", "to failure" keep "to".
 *   <li>"four" → for: between two numbers ("225 four 8", "two twenty five four four"), where "four" as a number would
 *       leave three numbers for two fields; not after a tens word ("twenty four" is 24).
 *   <li>"for" → four: before "sets" or "plates" ("did for sets of 8", "deadlift for plates").
 * </ul>
 *
 * Only for strength utterances (a run's "twenty four thirty" is a time), on the words no alias or reference took.
 * One pass over the words with a one-word look-around, rewriting in place; linear in the utterance. Each rewrite
 * is traced and costs confidence ({@link Confidence#HOMOPHONE}): it is a reading, not what was written.
 */
final class Homophones {
    private static final Set<String> COUNT_BEFORE = Set.of("for", "at", "of", "x", "by", "times", "got", "hit", "did");
    private static final Set<String> COUNTED_AFTER = Set.of(
            "reps", "rep", "sets", "set", "plates", "plate", "more", "left", "in", "hundred", "thousand", "lb", "kg");
    private static final Set<String> COUNTED = Set.of("sets", "set", "reps", "rep", "plates", "plate", "wheels");
    private static final Set<String> MOTION = Set.of(
            "up",
            "down",
            "went",
            "go",
            "going",
            "dropped",
            "drop",
            "back",
            "moved",
            "jumped",
            "bumped",
            "switched",
            "come",
            "came",
            "it",
            "way",
            "close");
    private static final Set<String> ADJECTIVES = Set.of(
            "heavy", "light", "easy", "hard", "much", "many", "long", "fast", "slow", "far", "tired", "soon", "early",
            "late", "tight", "sore");

    private Homophones() {}

    /** Rewrites homophones among the words not yet taken, in place; returns how many were rewritten. */
    static int repair(String[] w, boolean[] taken, List<String> trace) {
        int n = 0;
        boolean fors = false;
        // two passes: the number homophones first, so "185 four ate" sees "four" between two numbers
        for (int pass = 0; pass < 2 && (pass == 0 || fors); pass++) {
            for (int i = 0; i < w.length; i++) {
                if (!taken[i] && rewrite(w, i, pass, trace)) {
                    n++;
                }
                fors |= w[i].equals("four") || w[i].equals("for");
            }
        }
        return n;
    }

    private static boolean rewrite(String[] w, int i, int pass, List<String> trace) {
        String s = w[i];
        String to;
        if (pass == 0) {
            to = switch (s) {
                case "ate", "won" -> countWord(w, i) ? (s.equals("ate") ? "eight" : "one") : null;
                case "too" -> tooIsTwo(w, i) ? "two" : null;
                case "to" -> toIsTwo(w, i) ? "two" : null;
                default -> null;
            };
        } else {
            to = switch (s) {
                case "four" -> between(w, i) ? "for" : null;
                case "for" ->
                    i + 1 < w.length && (w[i + 1].equals("sets") || w[i + 1].equals("plates")) ? "four" : null;
                default -> null;
            };
        }
        if (to == null) {
            return false;
        }
        w[i] = to;
        if (trace != null) trace.add("'" + s + "' → " + to + " (heard as a homophone)");
        return true;
    }

    private static String prev(String[] w, int i) {
        return i > 0 ? w[i - 1] : "";
    }

    private static String next(String[] w, int i) {
        return i + 1 < w.length ? w[i + 1] : "";
    }

    private static boolean countWord(String[] w, int i) {
        String n = next(w, i);
        String p = prev(w, i);
        return COUNT_BEFORE.contains(p)
                || !p.isEmpty() && SpokenNumbers.isNumberWord(p)
                || COUNTED_AFTER.contains(n)
                || (!n.isEmpty() && SpokenNumbers.isNumberWord(n) && !Character.isDigit(n.charAt(0)));
    }

    private static boolean tooIsTwo(String[] w, int i) {
        String n = next(w, i);
        return !ADJECTIVES.contains(n)
                && (COUNTED.contains(n)
                        || COUNT_BEFORE.contains(prev(w, i))
                        || (!n.isEmpty() && SpokenNumbers.isNumberWord(n)));
    }

    private static boolean toIsTwo(String[] w, int i) {
        String p = prev(w, i);
        String n = next(w, i);
        if (COUNTED.contains(n)) {
            return p.isEmpty() || !MOTION.contains(p) && !SpokenNumbers.isNumberWord(p);
        }
        return (p.equals("for") || p.equals("of") || p.equals("x") || p.equals("by"))
                && (n.isEmpty() || !SpokenNumbers.isNumberWord(n) && !n.equals("failure") && !n.equals("the"));
    }

    private static boolean between(String[] w, int i) {
        String p = prev(w, i);
        String n = next(w, i);
        // after a tens word "four" completes it ("twenty four"); only a complete number before "four" makes it "for"
        return !p.isEmpty()
                && !n.isEmpty()
                && SpokenNumbers.isNumberWord(p)
                && !SpokenNumbers.isTens(p)
                && SpokenNumbers.isNumberWord(n);
    }
}
