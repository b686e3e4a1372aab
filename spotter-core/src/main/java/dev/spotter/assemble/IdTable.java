package dev.spotter.assemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Record ids ({@code source:file:line}) by ordinal in 8 bytes each: a (source, file) prefix index in the top 24
 * bits and the line number in the low 40.
 */
final class IdTable {
    private final List<String> prefixes = new ArrayList<>();
    private final Map<String, Integer> prefixIndex = new HashMap<>();
    private long[] packed = new long[1024];
    private int size;

    int add(String source, String file, long line) {
        String p = source + ":" + file + ":";
        Integer idx = prefixIndex.get(p);
        if (idx == null) {
            idx = prefixes.size();
            if (idx >= (1 << 23)) {
                throw new IllegalStateException("more than 8M distinct source files");
            }
            prefixes.add(p);
            prefixIndex.put(p, idx);
        }
        if (size == packed.length) {
            packed = java.util.Arrays.copyOf(packed, size * 2);
        }
        packed[size] = ((long) idx << 40) | (line & ((1L << 40) - 1));
        return size++;
    }

    String id(int ordinal) {
        long v = packed[ordinal];
        return prefixes.get((int) (v >>> 40)) + (v & ((1L << 40) - 1));
    }

    int size() {
        return size;
    }

    long bytes() {
        return (long) packed.length * 8;
    }
}
