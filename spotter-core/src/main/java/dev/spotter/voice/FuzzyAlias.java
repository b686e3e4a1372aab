package dev.spotter.voice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fallback when no alias matches exactly: a word of 5+ letters one edit (insert, delete, substitute, swap)
 * away from an alias word is replaced by it and matching is retried. Runs only on the miss path, so the cost
 * (alias vocabulary × words) does not touch the common case.
 *
 * <p>One instance per catalog, built on first use and held by it ({@link ExerciseCatalog#fuzzy()}): the alias
 * vocabulary and a deletion index over it (each vocabulary word and its one-letter deletions → the word; about
 * 8 keys per word of 5+ letters, some 5,000 keys for the bundled catalog). Immutable once built, so it is shared
 * by threads without locking.
 */
final class FuzzyAlias {
    private final ExerciseCatalog catalog;
    private final Set<String> vocab;
    private final Map<String, List<String>> deletions;

    FuzzyAlias(ExerciseCatalog catalog) {
        this.catalog = catalog;
        Set<String> words = new HashSet<>();
        for (String alias : catalog.aliasIndex().keySet()) {
            for (String word : alias.split(" ")) {
                words.add(word);
            }
        }
        Map<String, List<String>> idx = new HashMap<>();
        for (String v : words) {
            if (v.length() < 5) {
                continue;
            }
            idx.computeIfAbsent(v, k -> new ArrayList<>()).add(v);
            for (int k = 0; k < v.length(); k++) {
                idx.computeIfAbsent(v.substring(0, k) + v.substring(k + 1), x -> new ArrayList<>())
                        .add(v);
            }
        }
        this.vocab = Set.copyOf(words);
        this.deletions = Map.copyOf(idx);
    }

    ExerciseCatalog.Match find(String[] w, boolean[] taken) {
        for (int i = 0; i < w.length; i++) {
            if (taken[i]
                    || w[i].length() < 5
                    || vocab.contains(w[i])
                    || KEYWORDS.contains(w[i])
                    || Character.isDigit(w[i].charAt(0))) {
                continue;
            }
            for (String v : candidates(w[i])) {
                String[] copy = w.clone();
                copy[i] = v;
                for (int s = Math.max(0, i - 4); s <= i; s++) {
                    ExerciseCatalog.Match m = catalog.matchAt(copy, s);
                    if (m != null && m.end() > i) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    /** Words the parser reads itself; never "corrected" into an exercise word. */
    private static final Set<String> KEYWORDS = new HashSet<>(List.of(
            "plates",
            "plate",
            "reps",
            "sets",
            "pounds",
            "kilos",
            "times",
            "reserve",
            "seconds",
            "minutes",
            "minute",
            "felt",
            "again",
            "another",
            "weight",
            "bodyweight",
            "single",
            "double",
            "triple",
            "tank",
            "pace",
            "miles",
            "meters",
            "about",
            "today",
            "using",
            "added",
            "adding",
            "could",
            "warmup",
            "heavy",
            "light",
            "working",
            "right",
            "after",
            "before",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "last",
            "final",
            "total",
            "around",
            "maybe",
            "think",
            "pretty",
            "really",
            "alright",
            "finished",
            "repeats",
            "meter",
            "meters",
            "tempo",
            "recovery",
            "seconds",
            "reserve",
            "felt",
            "feels",
            "hundred",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "three",
            "seven",
            "eight",
            "eleven",
            "twelve",
            "fifteen",
            "point",
            "kilograms",
            "kilometers",
            "another",
            "weighted"));

    /**
     * A longer match when a word right before or after an exact match is one edit from an alias word
     * ("romanain deadlift" → Romanian Deadlift rather than Deadlift); null when there is none.
     */
    ExerciseCatalog.Match extend(String[] w, boolean[] taken, ExerciseCatalog.Match m) {
        for (int i : new int[] {m.start() - 1, m.end()}) {
            if (i < 0
                    || i >= w.length
                    || taken[i]
                    || w[i].length() < 5
                    || KEYWORDS.contains(w[i])
                    || Character.isDigit(w[i].charAt(0))) {
                continue;
            }
            if (vocab.contains(w[i])) {
                continue;
            }
            for (String v : candidates(w[i])) {
                String[] copy = w.clone();
                copy[i] = v;
                ExerciseCatalog.Match x = catalog.matchAt(copy, Math.min(i, m.start()));
                if (x != null && x.end() - x.start() > m.end() - m.start()) {
                    return x;
                }
            }
        }
        return null;
    }

    /**
     * Alias words (5+ letters) one edit from {@code word}, in sorted order. Uses a deletion index (each vocabulary
     * word and its one-letter deletions → the word), so a lookup is len(word)+1 hash probes, not a vocabulary scan;
     * every candidate is confirmed with {@link #oneEdit}.
     */
    List<String> candidates(String word) {
        TreeSet<String> out = new TreeSet<>();
        addConfirmed(deletions.get(word), word, out);
        for (int k = 0; k < word.length(); k++) {
            addConfirmed(deletions.get(word.substring(0, k) + word.substring(k + 1)), word, out);
        }
        return new ArrayList<>(out);
    }

    private static void addConfirmed(List<String> vs, String word, Set<String> out) {
        if (vs != null) {
            for (String v : vs) {
                if (oneEdit(word, v)) {
                    out.add(v);
                }
            }
        }
    }

    /** True when a and b differ by exactly one insertion, deletion, substitution or adjacent swap. */
    static boolean oneEdit(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs == 0) {
                        first = i;
                    }
                    diffs++;
                }
            }
            if (diffs == 1) {
                return true;
            }
            return diffs == 2
                    && first + 1 < la
                    && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first);
        }
        String s = la < lb ? a : b;
        String l = la < lb ? b : a;
        int i = 0;
        int j = 0;
        boolean skipped = false;
        while (i < s.length() && j < l.length()) {
            if (s.charAt(i) == l.charAt(j)) {
                i++;
                j++;
            } else if (skipped) {
                return false;
            } else {
                skipped = true;
                j++;
            }
        }
        return true;
    }
}
