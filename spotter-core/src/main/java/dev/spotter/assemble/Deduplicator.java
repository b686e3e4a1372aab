package dev.spotter.assemble;

import dev.spotter.format.ChatExample;
import dev.spotter.project.Project;

/**
 * Keep-first exact + near duplicate detection over a stream of examples, used by the dedup step and by the
 * synthetic-voice top-up (so a synthesized source meets its target after dedup).
 *
 * <p>Exact: a 64-bit hash of {@link Text#exactKey} (NFKC, case-folded, whitespace-collapsed, role-tagged turns) maps
 * to the ordinal of the kept example it belongs to. Near: a MinHash signature of {@link Text#nearKey} (user and
 * assistant turns) is looked up in a {@link NearDupIndex}; a verified match at or above the threshold is a near
 * duplicate of that kept example. A duplicate's exact hash is mapped to its kept example too, so a later copy of a
 * near duplicate is an exact duplicate of the same kept example. Memory: the exact map (12 bytes per slot at load
 * at most 0.5) plus the index (signature bytes + band table); with the dedup step's id table about 470 bytes per
 * kept example at 128 permutations (measured in docs/areas/assemble.md).
 */
final class Deduplicator {
    /** What {@link #offer} decided. */
    enum Kind {
        KEPT,
        EXACT,
        NEAR
    }

    /**
     * @param ordinal    the kept example's ordinal: this one's (KEPT) or the one it duplicates
     * @param similarity estimated Jaccard similarity to that example (1 for KEPT and EXACT)
     */
    record Verdict(Kind kind, int ordinal, double similarity) {}

    private final LongIntMap exact = new LongIntMap();
    private final MinHasher hasher;
    private final NearDupIndex index;

    /** @param expected kept examples expected (sizes the index; it grows beyond) */
    Deduplicator(Project.Dedup settings, int expected) {
        this.hasher = new MinHasher(settings.permutations(), settings.shingle().equals("word"), settings.shingleSize());
        this.index = new NearDupIndex(settings.permutations(), settings.threshold(), expected);
    }

    /** Classifies {@code ex} against the examples kept so far; a new one is kept (ordinals 0, 1, 2, ...). */
    Verdict offer(ChatExample ex) {
        long eh = Text.hash64(Text.exactKey(ex));
        int rep = exact.get(eh);
        if (rep >= 0) {
            return new Verdict(Kind.EXACT, rep, 1.0);
        }
        long[] sig = hasher.signature(Text.nearKey(ex));
        NearDupIndex.Match m = index.query(sig);
        if (m != null) {
            exact.put(eh, m.ordinal());
            return new Verdict(Kind.NEAR, m.ordinal(), m.similarity());
        }
        int ord = index.add(sig);
        exact.put(eh, ord);
        return new Verdict(Kind.KEPT, ord, 1.0);
    }

    int bands() {
        return index.bands();
    }

    int rows() {
        return index.rows();
    }

    /** Bytes held by the exact map and the index. */
    long bytes() {
        return exact.bytes() + index.bytes();
    }
}
