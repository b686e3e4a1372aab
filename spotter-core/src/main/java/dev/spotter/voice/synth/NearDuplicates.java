package dev.spotter.voice.synth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exact near-duplicate measurement on a bounded sample: Jaccard similarity of word 3-shingles (texts shorter
 * than 3 words use the whole text as one shingle), all pairs. The sample is capped by the caller (2,000 items →
 * about 2 million pair comparisons), so cost and memory stay bounded whatever the output size.
 */
final class NearDuplicates {
    private NearDuplicates() {}

    /** {@code pairs}: pairs at or above the threshold; {@code items}: items with at least one such partner. */
    public record Result(long pairs, long items) {}

    public static Result measure(List<String> texts, double threshold) {
        List<Set<String>> sh = new ArrayList<>(texts.size());
        for (String t : texts) {
            sh.add(shingles(t));
        }
        boolean[] flagged = new boolean[texts.size()];
        long pairs = 0;
        for (int i = 0; i < sh.size(); i++) {
            for (int j = i + 1; j < sh.size(); j++) {
                if (jaccard(sh.get(i), sh.get(j)) >= threshold) {
                    pairs++;
                    flagged[i] = true;
                    flagged[j] = true;
                }
            }
        }
        long items = 0;
        for (boolean f : flagged) {
            if (f) {
                items++;
            }
        }
        return new Result(pairs, items);
    }

    static Set<String> shingles(String text) {
        String[] w = text.toLowerCase().replaceAll("[^a-z0-9.:@ ]", " ").trim().split("\\s+");
        Set<String> out = new HashSet<>();
        if (w.length < 3) {
            out.add(String.join(" ", w));
            return out;
        }
        for (int i = 0; i + 3 <= w.length; i++) {
            out.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int inter = 0;
        for (String s : small) {
            if (large.contains(s)) {
                inter++;
            }
        }
        int union = a.size() + b.size() - inter;
        return union == 0 ? 1.0 : (double) inter / union;
    }
}
