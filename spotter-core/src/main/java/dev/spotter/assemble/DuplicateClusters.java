package dev.spotter.assemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The dedup step's clusters: per kept record its dropped duplicates, counted as the summary shows them (size,
 * exact and near counts, the first three dropped ids, dropped per source). Duplicates are added in record order;
 * a cluster is keyed by its kept record's position in that order (the embedded build's kept ordinal, the
 * distributed build's order key), so the largest clusters list the same clusters in both. Memory: one entry per
 * cluster, bounded by the duplicates.
 */
public final class DuplicateClusters {
    private final Map<Long, Cluster> clusters = new HashMap<>();

    /** Adds a dropped duplicate of the kept record at {@code keptKey}. */
    public void add(long keptKey, boolean exact, String id, String source) {
        clusters.computeIfAbsent(keptKey, k -> new Cluster()).add(exact, id, source);
    }

    public int count() {
        return clusters.size();
    }

    /** The {@link EngineSummary#TOP_CLUSTERS} largest, ties by the kept record's order. */
    public List<DedupStats.Cluster> largest(LongFunction<String> keptId) {
        List<Map.Entry<Long, Cluster>> top = new ArrayList<>(clusters.entrySet());
        top.sort((x, y) -> x.getValue().size != y.getValue().size
                ? Integer.compare(y.getValue().size, x.getValue().size)
                : Long.compare(x.getKey(), y.getKey()));
        List<DedupStats.Cluster> largest = new ArrayList<>();
        for (var e : top.subList(0, Math.min(DedupStep.TOP_CLUSTERS, top.size()))) {
            Cluster c = e.getValue();
            largest.add(new DedupStats.Cluster(keptId.apply(e.getKey()), c.size + 1, c.exact, c.near, c.members));
        }
        return largest;
    }

    /** Dropped duplicates per source id, sorted by id. */
    public Map<String, Long> droppedBySource() {
        Map<String, Long> drop = new TreeMap<>();
        clusters.values().forEach(c -> c.bySource.forEach((k, v) -> drop.merge(k, v, Long::sum)));
        return drop;
    }

    private static final class Cluster {
        int size;
        int exact;
        int near;
        final List<String> members = new ArrayList<>(3);
        final Map<String, Long> bySource = new TreeMap<>();

        void add(boolean isExact, String id, String source) {
            size++;
            if (isExact) {
                exact++;
            } else {
                near++;
            }
            if (members.size() < 3) {
                members.add(id);
            }
            bySource.merge(source, 1L, Long::sum);
        }
    }
}
