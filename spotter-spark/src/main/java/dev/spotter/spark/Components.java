package dev.spotter.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of the graph "two records share a key" (an exact hash or an LSH band key), on the
 * engine: each record's component label is the smallest global order key in its component.
 *
 * <p>Algorithm: per key, its smallest record is linked to every other record of the key (a star: no key's
 * member list is ever held); then labels propagate along links, each node taking the smallest label it sees,
 * until a round changes nothing. Rounds: about the component's diameter in links (1–3 for duplicate clusters).
 * Keys held by one record only make no links, so unique records never enter the propagation. Memory per task: a
 * partition's edges; shuffles: two of the edges, then per round two of the links. Risk: band keys are 32 bits, so
 * chance collisions link unrelated records (merging components never changes a verdict, only the replay's
 * parallelism): about {@code bands · n² / 2³³} chance pairs (docs/areas/scale.md).
 */
final class Components {
    private Components() {}

    /** (ord, keys) → (ord, component label) for every record; a record that shares no key is its own label. */
    static JavaPairRDD<Long, Long> labels(JavaPairRDD<Long, long[]> keys, int partitions) {
        JavaPairRDD<Long, Long> edges = keys.flatMapToPair(new KeyEdges()).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Long> keyMin = edges.reduceByKey(new Min(), partitions);
        JavaPairRDD<Long, Long> links = edges.join(keyMin)
                .flatMapToPair(new StarLinks())
                .distinct(partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Long> labels = links.reduceByKey(new Min(), partitions)
                .mapToPair(new MinWithSelf())
                .persist(StorageLevel.MEMORY_AND_DISK());
        while (true) {
            JavaPairRDD<Long, Long> next = links.join(labels)
                    .mapToPair(new Push())
                    .union(labels)
                    .reduceByKey(new Min(), partitions)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            long changed = next.join(labels).filter(new Differs()).count();
            labels.unpersist(false);
            labels = next;
            if (changed == 0) {
                break;
            }
        }
        JavaPairRDD<Long, Long> all = keys.leftOuterJoin(labels, partitions).mapToPair(new LabelOrSelf());
        edges.unpersist(false);
        return all;
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

    /** (key, (ord, key's min)) → both directions of the link ord–min, unless ord is the min. */
    static final class StarLinks implements PairFlatMapFunction<Tuple2<Long, Tuple2<Long, Long>>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Tuple2<Long, Long>> call(Tuple2<Long, Tuple2<Long, Long>> t) {
            long ord = t._2()._1();
            long min = t._2()._2();
            return ord == min
                    ? List.<Tuple2<Long, Long>>of().iterator()
                    : List.of(new Tuple2<>(ord, min), new Tuple2<>(min, ord)).iterator();
        }
    }

    /** (node, smallest neighbour) → (node, min(node, it)). */
    static final class MinWithSelf implements PairFunction<Tuple2<Long, Long>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> call(Tuple2<Long, Long> t) {
            return new Tuple2<>(t._1(), Math.min(t._1(), t._2()));
        }
    }

    /** (v, (neighbour u, label of v)) → (u, label of v). */
    static final class Push implements PairFunction<Tuple2<Long, Tuple2<Long, Long>>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> call(Tuple2<Long, Tuple2<Long, Long>> t) {
            return new Tuple2<>(t._2()._1(), t._2()._2());
        }
    }

    /** A node whose label changed in a round. */
    static final class Differs implements Function<Tuple2<Long, Tuple2<Long, Long>>, Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean call(Tuple2<Long, Tuple2<Long, Long>> t) {
            return !t._2()._1().equals(t._2()._2());
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
