package dev.spotter.assemble;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What exact + near deduplication across all sources produced ({@code summary.json} {@code "dedup"}).
 *
 * @param input           accepted examples in, from every source
 * @param kept            examples kept (the first of each duplicate cluster)
 * @param exact           exact duplicates dropped
 * @param near            near duplicates dropped
 * @param threshold       estimated Jaccard similarity at or above which two examples are near duplicates
 * @param bands           LSH bands
 * @param rows            LSH rows per band
 * @param permutations    MinHash signature length
 * @param shingle         shingle size and unit, e.g. {@code 3-word}
 * @param keepRule        which copy is kept, as the card states it
 * @param indexBytes      bytes the dedup index held at the end
 * @param clusterCount    kept examples that have at least one duplicate
 * @param clusters        the largest clusters (at most 20), largest first, ties by the kept example's order
 * @param droppedBySource duplicates dropped per source, sorted by source id
 */
public record DedupStats(
        long input,
        long kept,
        long exact,
        long near,
        double threshold,
        int bands,
        int rows,
        int permutations,
        String shingle,
        String keepRule,
        long indexBytes,
        int clusterCount,
        List<Cluster> clusters,
        Map<String, Long> droppedBySource)
        implements StepStats {

    /**
     * A kept example and its duplicates.
     *
     * @param size    kept example + duplicates
     * @param members the first (at most 3) dropped ids
     */
    public record Cluster(String keptId, int size, int exact, int near, List<String> members) {
        public Cluster {
            members = List.copyOf(members);
        }
    }

    public DedupStats {
        clusters = List.copyOf(clusters);
        droppedBySource = Collections.unmodifiableMap(new LinkedHashMap<>(droppedBySource));
    }

    @Override
    public String detail() {
        return String.format(
                Locale.ROOT,
                "%,d in, %,d exact + %,d near duplicates dropped, %,d clusters, index %,d KB",
                input,
                exact,
                near,
                clusterCount,
                indexBytes / 1024);
    }
}
