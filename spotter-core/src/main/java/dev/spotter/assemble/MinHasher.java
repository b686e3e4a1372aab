package dev.spotter.assemble;

/**
 * MinHash signatures over word or character shingles, with fixed seeds so signatures are the same on every run
 * and machine.
 *
 * <p>Each shingle is hashed once to 64 bits ({@link Text#hash64}); permutation {@code i} is then simulated by
 * {@code g_i(x) = xorshift((x ^ seed_i) * φ)}, and the signature keeps the minimum of each {@code g_i}. Two texts'
 * signatures agree in slot {@code i} with probability equal to their shingle-set Jaccard similarity.
 * A text shorter than one shingle becomes a single shingle (so very short texts still compare by equality).
 */
public final class MinHasher {
    private final int permutations;
    private final boolean words;
    private final int k;
    private final long[] seeds;

    /**
     * @param permutations signature length (16..1024)
     * @param words        word shingles (true) or character shingles
     * @param k            words or characters per shingle
     */
    public MinHasher(int permutations, boolean words, int k) {
        if (permutations < 16 || permutations > 1024) {
            throw new IllegalArgumentException("permutations must be 16..1024, was " + permutations);
        }
        if (k < 1) {
            throw new IllegalArgumentException("shingle size must be >= 1, was " + k);
        }
        this.permutations = permutations;
        this.words = words;
        this.k = k;
        this.seeds = new long[permutations];
        long x = 0x5EED_5EED_5EED_5EEDL; // fixed: signatures must not change between runs
        for (int i = 0; i < permutations; i++) {
            x += 0x9E3779B97F4A7C15L;
            seeds[i] = Text.fmix64(x);
        }
    }

    public int permutations() {
        return permutations;
    }

    /** The signature of already-normalised text. */
    public long[] signature(String text) {
        long[] sig = new long[permutations];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        if (words) {
            wordShingles(text, sig);
        } else {
            int n = text.length();
            if (n <= k) {
                add(Text.hash64(text), sig);
            } else {
                for (int i = 0; i + k <= n; i++) {
                    add(Text.hash64(text, i, i + k), sig);
                }
            }
        }
        return sig;
    }

    /**
     * Word shingles over tokens = maximal runs of letters and digits (punctuation separates, so JSON labels like
     * {@code "reps":8} count as the words {@code reps 8}). A shingle's hash combines its tokens' hashes in order.
     */
    private void wordShingles(String text, long[] sig) {
        long[] window = new long[k];
        int count = 0;
        int n = text.length();
        int i = 0;
        boolean any = false;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            long h = Text.hash64(text, start, i);
            if (count < k) {
                window[count++] = h;
            } else {
                System.arraycopy(window, 1, window, 0, k - 1);
                window[k - 1] = h;
            }
            if (count == k) {
                long sh = 0x2545F4914F6CDD1DL;
                for (long w : window) {
                    sh = Text.fmix64(sh ^ w) * 31;
                }
                add(sh, sig);
                any = true;
            }
        }
        if (!any) {
            add(Text.hash64(text), sig);
        }
    }

    private void add(long x, long[] sig) {
        for (int i = 0; i < sig.length; i++) {
            long v = (x ^ seeds[i]) * 0x9E3779B97F4A7C15L;
            v ^= v >>> 29;
            if (v < sig[i]) {
                sig[i] = v;
            }
        }
    }

    /** Estimated Jaccard similarity of two full signatures. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }
}
