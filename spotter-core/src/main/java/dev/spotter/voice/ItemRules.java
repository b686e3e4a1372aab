package dev.spotter.voice;

import java.util.List;
import java.util.Set;

/**
 * The cursor that {@link StrengthRules} and {@link CardioRules} share: reads over the utterance's items, marks
 * items as used once a rule has placed them, and writes the trace lines that reasoning chains are made from.
 * Reads past either end yield nothing, so a rule can look at i-1 or i+2 without bounds checks.
 */
abstract class ItemRules {
    final List<Item> it;
    /** Null when tracing is off (the fast path): nothing is formatted then. */
    final List<String> trace;

    ItemRules(List<Item> items, List<String> trace) {
        this.it = items;
        this.trace = trace;
    }

    final Item at(int i) {
        return i >= 0 && i < it.size() ? it.get(i) : null;
    }

    /** An unused word item equal to {@code word} at i. */
    final boolean w(int i, String word) {
        Item x = at(i);
        return x != null && !x.used && x.is(word);
    }

    /** An unused word item at i that is one of {@code words}. */
    final boolean w(int i, Set<String> words) {
        Item x = at(i);
        return x != null && !x.used && x.word != null && words.contains(x.word);
    }

    /** An unused number at i. */
    final boolean num(int i) {
        Item x = at(i);
        return x != null && !x.used && x.isNum();
    }

    final void use(int from, int to) {
        for (int k = Math.max(0, from); k < to && k < it.size(); k++) {
            it.get(k).used = true;
        }
    }

    /** The words as said in [from, to), without the "|" marker where an exercise name was taken out. */
    final String span(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = Math.max(0, from); k < to && k < it.size(); k++) {
            if (it.get(k).is("|")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(it.get(k).spoken);
        }
        return sb.toString();
    }

    final void note(int from, int to, String meaning) {
        if (trace != null) trace.add("'" + span(from, to) + "' → " + meaning);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
