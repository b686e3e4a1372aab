package dev.spotter.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The accounting of a validate + exact-duplicate run. Invariants (checked on construction): {@code read =
 * accepted + Σ rejected}, {@code accepted = Σ size × groups} over {@link #groupSizes}, {@code duplicates =
 * accepted − distinct}.
 *
 * @param read       lines read
 * @param accepted   lines the validator accepted
 * @param rejected   rejected lines by reject-reason code, only reasons that occurred, by code
 * @param distinct   distinct exact-duplicate keys among accepted lines (what exact dedup keeps)
 * @param duplicates accepted lines that repeat an earlier key (what exact dedup drops)
 * @param groupSizes group size → number of keys with that many accepted lines (1 = unique)
 */
public record DedupCounts(
        long read,
        long accepted,
        SortedMap<String, Long> rejected,
        long distinct,
        long duplicates,
        SortedMap<Long, Long> groupSizes)
        implements Serializable {
    public DedupCounts {
        rejected = Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
        groupSizes = Collections.unmodifiableSortedMap(new TreeMap<>(groupSizes));
        long rej = rejected.values().stream().mapToLong(Long::longValue).sum();
        long inGroups = 0;
        long keys = 0;
        for (Map.Entry<Long, Long> e : groupSizes.entrySet()) {
            inGroups += e.getKey() * e.getValue();
            keys += e.getValue();
        }
        if (read != accepted + rej || accepted != inGroups || distinct != keys || duplicates != accepted - distinct) {
            throw new IllegalStateException("accounting broken: read=" + read + " accepted=" + accepted
                    + " rejected=" + rej + " in groups=" + inGroups + " distinct=" + distinct + " (groups " + keys
                    + ") duplicates=" + duplicates);
        }
    }

    /** Rejected lines, all reasons. */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
