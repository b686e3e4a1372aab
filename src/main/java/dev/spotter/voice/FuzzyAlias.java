package dev.spotter.voice;

import java.util.HashSet;
import java.util.Set;

/**
 * Fallback when no alias matches exactly: a word of 5+ letters one edit (insert, delete, substitute, swap)
 * away from an alias word is replaced by it and matching is retried. Runs only on the miss path, so the cost
 * (alias vocabulary × words) does not touch the common case.
 */
final class FuzzyAlias {
    private FuzzyAlias() {}

    private static volatile Set<String> vocabFor;
    private static volatile ExerciseCatalog vocabCatalog;

    static ExerciseCatalog.Match find(ExerciseCatalog catalog, String[] w, boolean[] taken) {
        Set<String> vocab = vocabulary(catalog);
        for (int i = 0; i < w.length; i++) {
            if (taken[i] || w[i].length() < 5 || vocab.contains(w[i]) || Character.isDigit(w[i].charAt(0))) {
                continue;
            }
            for (String v : vocab) {
                if (v.length() >= 5 && Math.abs(v.length() - w[i].length()) <= 1 && oneEdit(w[i], v)) {
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
        }
        return null;
    }

    private static Set<String> vocabulary(ExerciseCatalog catalog) {
        if (vocabCatalog == catalog) {
            return vocabFor;
        }
        Set<String> out = new HashSet<>();
        for (String alias : catalog.aliasIndex().keySet()) {
            for (String word : alias.split(" ")) {
                out.add(word);
            }
        }
        vocabFor = out;
        vocabCatalog = catalog;
        return out;
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
            return diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
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
