package dev.spotter.assemble;

/**
 * LSH index over MinHash signatures for "is there an earlier, similar record?" queries, in one streaming pass.
 *
 * <p>Banding: the signature is cut into {@code b} bands of {@code r} rows; two records become candidates when
 * any band is identical, which happens with probability {@code 1-(1-J^r)^b} for Jaccard similarity J. The
 * (b, r) pair is chosen so that the S-curve's midpoint {@code (1/b)^(1/r)} sits about 0.15 below the
 * threshold (recall first; candidates are then verified). Each band bucket remembers only the FIRST record that
 * filled it: later records are compared with that one. That is exact for keep-first dedup (the first record is
 * the one kept) and an approximation otherwise (a second, different record sharing a bucket is not remembered).
 *
 * <p>Verification uses 8-bit "b-bit MinHash" copies of the signatures (Li &amp; König): slot agreement
 * probability is J + (1-J)/256, corrected in {@link #similarity}. Memory per indexed record: {@code P} bytes of
 * signature + {@code b} band-table slots of 8 bytes at load ≤ 0.75 (P=128, b=16: about 128 + 171..256 bytes).
 */
public final class NearDupIndex {
    private final int perms;
    private final int bands;
    private final int rows;
    private final double threshold;
    private final IntIntMap buckets;
    private byte[][] sigChunks = new byte[16][];
    private int count;
    private static final int CHUNK = 1 << 12; // records per signature chunk

    /** A verified match: the earlier record's ordinal (as given to {@link #add}) and the estimated similarity. */
    public record Match(int ordinal, double similarity) {}

    public NearDupIndex(int permutations, double threshold, int expected) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.perms = permutations;
        this.threshold = threshold;
        int[] br = choose(permutations, threshold);
        this.bands = br[0];
        this.rows = br[1];
        this.buckets = new IntIntMap(Math.max(16, expected) * bands);
    }

    /** {bands, rows} with bands*rows ≤ permutations and midpoint closest to threshold − 0.15. */
    static int[] choose(int perms, double threshold) {
        double goal = Math.max(0.2, threshold - 0.15);
        int bestB = 1;
        int bestR = perms;
        double best = Double.MAX_VALUE;
        for (int r = 1; r <= perms; r++) {
            int b = perms / r;
            double mid = Math.pow(1.0 / b, 1.0 / r);
            if (Math.abs(mid - goal) < best) {
                best = Math.abs(mid - goal);
                bestB = b;
                bestR = r;
            }
        }
        return new int[] {bestB, bestR};
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    /** Number of records added. */
    public int size() {
        return count;
    }

    /** The best verified earlier match at or above the threshold, or null. Does not add. */
    public Match query(long[] sig) {
        byte[] small = shrink(sig);
        Match best = null;
        for (int b = 0; b < bands; b++) {
            int other = buckets.get(bandKey(sig, b));
            if (other >= 0) {
                double s = similarity(small, signature(other));
                if (s >= threshold
                        && (best == null || s > best.similarity || (s == best.similarity && other < best.ordinal))) {
                    best = new Match(other, s);
                }
            }
        }
        return best;
    }

    /** Indexes a record; returns its ordinal (0, 1, 2, … in add order). */
    public int add(long[] sig) {
        int ord = count;
        int chunk = ord / CHUNK;
        if (chunk >= sigChunks.length) {
            sigChunks = java.util.Arrays.copyOf(sigChunks, sigChunks.length * 2);
        }
        if (sigChunks[chunk] == null) {
            sigChunks[chunk] = new byte[CHUNK * perms];
        }
        System.arraycopy(shrink(sig), 0, sigChunks[chunk], (ord % CHUNK) * perms, perms);
        for (int b = 0; b < bands; b++) {
            buckets.putIfAbsent(bandKey(sig, b), ord);
        }
        count++;
        return ord;
    }

    private byte[] signature(int ord) {
        byte[] out = new byte[perms];
        System.arraycopy(sigChunks[ord / CHUNK], (ord % CHUNK) * perms, out, 0, perms);
        return out;
    }

    int bandKey(long[] sig, int band) {
        long h = 0x9E3779B97F4A7C15L * (band + 1);
        for (int i = band * rows, end = i + rows; i < end; i++) {
            h = Text.fmix64(h ^ sig[i]);
        }
        return (int) (h ^ (h >>> 32));
    }

    private static byte[] shrink(long[] sig) {
        byte[] out = new byte[sig.length];
        for (int i = 0; i < sig.length; i++) {
            out[i] = (byte) sig[i];
        }
        return out;
    }

    /** Jaccard estimate from 8-bit signatures, corrected for chance agreement (1/256). */
    static double similarity(byte[] a, byte[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        double p = (double) same / a.length;
        double c = 1.0 / 256;
        return Math.max(0, Math.min(1, (p - c) / (1 - c)));
    }

    /** Approximate bytes held (signatures + band table). */
    public long bytes() {
        long sigs = 0;
        for (byte[] c : sigChunks) {
            sigs += c == null ? 0 : c.length;
        }
        return sigs + buckets.bytes() + (long) sigChunks.length * 8;
    }
}
