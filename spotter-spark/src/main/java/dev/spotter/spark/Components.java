package dev.spotter.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of the graph "two records share a key" (an exact hash or an LSH band key): each record's
 * component label is the smallest global order key in its component.
 *
 * <p>Algorithm: on the engine, per key, its smallest record is linked to every other record of the key (a star:
 * no key's member list is ever held; keys of one record make no link, so unique records never leave the engine).
 * The links stream to the driver ({@code toLocalIterator}), where a union-find (union by the smaller root, path
 * halving) joins them in one pass; the labels go back as an RDD. One pass, no rounds: label propagation on the
 * engine needs about the component's diameter in rounds, and the near-duplicate chains of voice data (records
 * that differ in one number) made that tens of rounds of two shuffles each. Memory on the driver: one map entry
 * per <em>linked</em> record (about 100 bytes boxed: 100 MB per million linked records); past tens of millions of
 * linked records the engine-side alternative is large-star/small-star (O(log n) rounds; docs/areas/scale.md).
 * Risk: band keys are 32 bits, so chance collisions link unrelated records (merging components never changes a
 * verdict, only the replay's parallelism): about {@code bands · n² / 2³³} chance pairs.
 */
final class Components {
    private Components() {}

    /** (ord, keys) → (ord, component label) for every record; a record that shares no key is its own label. */
    static JavaPairRDD<Long, Long> labels(JavaSparkContext jsc, JavaPairRDD<Long, long[]> keys, int partitions) {
        JavaPairRDD<Long, Long> edges = keys.flatMapToPair(new KeyEdges()).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Long> keyMin = edges.reduceByKey(new Min(), partitions);
        Iterator<Tuple2<Long, Long>> links =
                edges.join(keyMin, partitions).flatMapToPair(new StarLinks()).toLocalIterator();
        Map<Long, Long> parent = new HashMap<>();
        while (links.hasNext()) {
            Tuple2<Long, Long> l = links.next();
            union(parent, l._1(), l._2());
        }
        edges.unpersist(false);
        List<Tuple2<Long, Long>> labelled = new ArrayList<>(parent.size());
        for (Long node : parent.keySet()) {
            labelled.add(new Tuple2<>(node, find(parent, node)));
        }
        JavaPairRDD<Long, Long> known = jsc.parallelizePairs(labelled, partitions);
        return keys.leftOuterJoin(known, partitions).mapToPair(new LabelOrSelf());
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

    /** (ord, keys) → (key, ord) for each key. */
    static final class KeyEdges implements PairFlatMapFunction<Tuple2<Long, long[]>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Tuple2<Long, Long>> call(Tuple2<Long, long[]> t) {
            List<Tuple2<Long, Long>> out = new ArrayList<>(t._2().length);
            for (long k : t._2()) {
                out.add(new Tuple2<>(k, t._1()));
            }
            return out.iterator();
        }
    }

    /** The smaller of two order keys. */
    static final class Min implements Function2<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call(Long a, Long b) {
            return Math.min(a, b);
        }
    }

    /** (key, (ord, key's min)) → the link (ord, min), unless ord is the min. */
    static final class StarLinks implements PairFlatMapFunction<Tuple2<Long, Tuple2<Long, Long>>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Tuple2<Long, Long>> call(Tuple2<Long, Tuple2<Long, Long>> t) {
            long ord = t._2()._1();
            long min = t._2()._2();
            return ord == min
                    ? List.<Tuple2<Long, Long>>of().iterator()
                    : List.of(new Tuple2<>(ord, min)).iterator();
        }
    }

    /** (ord, (keys, label?)) → (ord, label, or ord itself when it links to nothing). */
    static final class LabelOrSelf implements PairFunction<Tuple2<Long, Tuple2<long[], Optional<Long>>>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> call(Tuple2<Long, Tuple2<long[], Optional<Long>>> t) {
            return new Tuple2<>(t._1(), t._2()._2().orElse(t._1()));
        }
    }
}
