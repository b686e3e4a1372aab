package dev.spotter.assemble;

/** Open-addressing map from a 64-bit key to an int (≥ 0) value; 12 bytes per slot at load ≤ 0.5. Key 0 out of band. */
final class LongIntMap {
    private long[] keys = new long[1 << 10];
    private int[] vals = new int[1 << 10];
    private int size;
    private int zeroVal = -1;

    /** The value for key, or -1. */
    int get(long key) {
        if (key == 0) {
            return zeroVal;
        }
        int mask = keys.length - 1;
        int i = (int) Text.fmix64(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return vals[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    void put(long key, int val) {
        if (key == 0) {
            zeroVal = val;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) Text.fmix64(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                vals[i] = val;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        vals[i] = val;
        size++;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != 0) {
                int i = (int) Text.fmix64(ok[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                vals[i] = ov[j];
            }
        }
    }

    long bytes() {
        return (long) keys.length * 12;
    }
}
