package dev.spotter.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Connected components of the graph "two records share a key" (an exact hash or an LSH band key): each linked
 * record's component label is the smallest global order key in its component.
 *
 * <p>Algorithm: on the engine, the (key, ord) pairs are grouped by key in one shuffle (a record's keys are
 * computed once, where its line is, and only the 8-byte pairs cross the shuffle, never the lines); a key with one
 * record makes no link, so unique records never leave the engine; a key with several links its smallest record to
 * each other (a star). The links stream to the driver ({@code toLocalIterator}), where a union-find (union by the
 * smaller root, path halving) joins them in one pass. The result, {@link Labels}, holds the linked records only
 * (two sorted {@code long} arrays, 16 bytes per linked record) and is broadcast to the stages that group records by
 * component: a record it does not name is a component of its own and is processed where it lies, without a
 * shuffle. One pass, no rounds: label propagation on the engine needs about the component's diameter in rounds,
 * and the near-duplicate chains of voice data (records that differ in one number) made that tens of rounds of two
 * shuffles each. Memory: per key task, one key's records (a band bucket: the records that share it); on the driver
 * one map entry per linked record while linking (about 100 bytes boxed: 100 MB per million linked records), then
 * 16 bytes per linked record in the broadcast, on the driver and on every executor. Past tens of millions of
 * linked records the engine-side alternative is large-star/small-star (O(log n) rounds; docs/areas/scale.md).
 * Risk: band keys are 32 bits, so chance collisions link unrelated records (merging components never changes a
 * verdict, only the replay's parallelism): about {@code bands · n² / 2³³} chance pairs.
 */
final class Components {
    private Components() {}

    /** The component label of every linked record; a record that shares no key is its own component. */
    static Labels labels(JavaPairRDD<Long, long[]> keys, int partitions) {
        Iterator<Tuple2<Long, Long>> links = keys.flatMapToPair(new KeyEdges())
                .groupByKey(partitions)
                .flatMapToPair(new StarLinks())
                .toLocalIterator();
        Map<Long, Long> parent = new HashMap<>();
        while (links.hasNext()) {
            Tuple2<Long, Long> l = links.next();
            union(parent, l._1(), l._2());
        }
        long[] ords = new long[parent.size()];
        int i = 0;
        for (Long node : parent.keySet()) {
            ords[i++] = node;
        }
        Arrays.sort(ords);
        long[] labels = new long[ords.length];
        for (int j = 0; j < ords.length; j++) {
            labels[j] = find(parent, ords[j]);
        }
        return new Labels(ords, labels);
    }

    /**
     * The labels of the linked records, sorted by order key (binary search): what the stages get by broadcast.
     * A record not named here shares no key with another record.
     */
    static final class Labels implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long[] ords;
        private final long[] labels;

        Labels(long[] ords, long[] labels) {
            this.ords = ords;
            this.labels = labels;
        }

        /** True when the record shares a key with another one (its component has more than one record). */
        boolean linked(long ord) {
            return Arrays.binarySearch(ords, ord) >= 0;
        }

        /** The record's component label: the smallest order key of its component (its own when unlinked). */
        long label(long ord) {
            int at = Arrays.binarySearch(ords, ord);
            return at >= 0 ? labels[at] : ord;
        }

        int size() {
            return ords.length;
        }
    }

    private static long find(Map<Long, Long> parent, long x) {
        long r = x;
        Long p;
        while ((p = parent.get(r)) != null && p != r) {
            Long gp = parent.get(p);
            if (gp != null && !gp.equals(p)) {
                parent.put(r, gp); // path halving
            }
            r = p;
        }
        return r;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        long ra = find(parent, a);
        long rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb)); // the root is the component's smallest ord
        }
    }

    /** (ord, keys) → (key, ord) for each distinct key of the record (a record's own keys make no link). */
    static final class KeyEdges implements PairFlatMapFunction<Tuple2<Long, long[]>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Tuple2<Long, Long>> call(Tuple2<Long, long[]> t) {
            long[] ks = t._2().clone();
            Arrays.sort(ks);
            List<Tuple2<Long, Long>> out = new ArrayList<>(ks.length);
            for (int i = 0; i < ks.length; i++) {
                if (i == 0 || ks[i] != ks[i - 1]) {
                    out.add(new Tuple2<>(ks[i], t._1()));
                }
            }
            return out.iterator();
        }
    }

    /** (key, its records) → the links (ord, the key's smallest ord) of every other record. */
    static final class StarLinks implements PairFlatMapFunction<Tuple2<Long, Iterable<Long>>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Tuple2<Long, Long>> call(Tuple2<Long, Iterable<Long>> t) {
            Iterator<Long> it = t._2().iterator();
            long first = it.next();
            if (!it.hasNext()) {
                return List.<Tuple2<Long, Long>>of().iterator();
            }
            long min = first;
            for (Long o : t._2()) {
                min = Math.min(min, o);
            }
            List<Tuple2<Long, Long>> out = new ArrayList<>();
            for (Long o : t._2()) {
                if (o != min) {
                    out.add(new Tuple2<>(o, min));
                }
            }
            return out.iterator();
        }
    }
}
