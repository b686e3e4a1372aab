package dev.spotter.assemble;

/**
 * Open-addressing set of 64-bit values (linear probing, load ≤ 0.5): 16 bytes per element at worst, no boxing.
 * 0 is stored out of band.
 */
final class LongSet {
    private long[] table = new long[1 << 10];
    private int size;
    private boolean hasZero;

    /** Adds v; returns false when it was already present. */
    boolean add(long v) {
        if (v == 0) {
            boolean had = hasZero;
            hasZero = true;
            return !had;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) Text.fmix64(v) & mask;
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = (int) Text.fmix64(v) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = v;
            }
        }
    }

    long bytes() {
        return (long) table.length * 8;
    }
}
