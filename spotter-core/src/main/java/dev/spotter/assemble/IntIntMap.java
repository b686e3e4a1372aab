package dev.spotter.assemble;

/**
 * Open-addressing map from a 32-bit key to a 32-bit value, both packed in one {@code long} slot (8 bytes per
 * slot, load ≤ 0.75). Used as the LSH band table: key = hash of (band, band rows), value = record ordinal.
 * Only the first value put for a key is kept ({@link #putIfAbsent}).
 */
final class IntIntMap {
    private static final long EMPTY = -1L;
    private long[] table;
    private int size;

    IntIntMap(int expected) {
        int cap = 1 << 10;
        while (cap * 3L / 4 < expected) {
            cap <<= 1;
        }
        table = new long[cap];
        java.util.Arrays.fill(table, EMPTY);
    }

    /** The value for key, or -1. */
    int get(int key) {
        long s = table[slot(key)];
        return s == EMPTY ? -1 : (int) s;
    }

    /** Stores value (≥ 0) unless key is present; returns the value now stored. */
    int putIfAbsent(int key, int value) {
        if ((size + 1) * 4L > table.length * 3L) {
            grow();
        }
        int i = slot(key);
        if (table[i] != EMPTY) {
            return (int) table[i];
        }
        table[i] = ((long) key << 32) | (value & 0xffffffffL);
        size++;
        return value;
    }

    /** Linear probing: the slot holding key, or the empty slot where it would go (load ≤ 0.75, so one exists). */
    private int slot(int key) {
        int mask = table.length - 1;
        int i = mix(key) & mask;
        long s;
        while ((s = table[i]) != EMPTY && (int) (s >>> 32) != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int mix(int k) {
        return (int) Text.fmix64(k);
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        java.util.Arrays.fill(table, EMPTY);
        int mask = table.length - 1;
        for (long s : old) {
            if (s != EMPTY) {
                int i = mix((int) (s >>> 32)) & mask;
                while (table[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[i] = s;
            }
        }
    }

    long bytes() {
        return (long) table.length * 8;
    }
}
