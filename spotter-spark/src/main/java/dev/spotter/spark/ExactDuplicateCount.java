package dev.spotter.spark;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.PairFunction;
import scala.Tuple2;

/**
 * Phase-1 job: validate every line and count exact duplicates, on the engine. It is the smallest job that runs
 * Spotter's code in the executors end to end (validator, normaliser, hash) and shuffles by a Spotter key, and its
 * answer must equal the embedded computation over the same lines.
 *
 * <p>Plan: {@code map(CheckLine)} → {@code reduceByKey} on (outcome, key) → per (outcome, group size) a second
 * {@code reduceByKey} → a result of at most (reasons + distinct group sizes) rows, collected. Two shuffles, one
 * pass over the input; memory per task is one line plus Spark's shuffle buffers, whatever the input size.
 */
public final class ExactDuplicateCount {
    private ExactDuplicateCount() {}

    public static DedupCounts run(JavaRDD<InputLine> lines, ValidationSpec spec) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(spec, "spec");
        Map<SizeKey, Long> rows = lines.map(new CheckLine(spec))
                .mapToPair(new CountOne())
                .reduceByKey(new Sum())
                .mapToPair(new BySize())
                .reduceByKey(new Sum())
                .collectAsMap();
        long read = 0;
        long accepted = 0;
        long distinct = 0;
        TreeMap<String, Long> rejected = new TreeMap<>();
        TreeMap<Long, Long> sizes = new TreeMap<>();
        for (Map.Entry<SizeKey, Long> e : rows.entrySet()) {
            SizeKey k = e.getKey();
            long lineCount = k.size() * e.getValue();
            read += lineCount;
            if (k.outcome().equals(LineOutcome.ACCEPTED)) {
                accepted += lineCount;
                distinct += e.getValue();
                sizes.merge(k.size(), e.getValue(), Long::sum);
            } else {
                rejected.merge(k.outcome(), lineCount, Long::sum);
            }
        }
        return new DedupCounts(read, accepted, rejected, distinct, accepted - distinct, sizes);
    }

    /**
     * (outcome, group size): for a reject reason the size is its line count (one group: all rejects of a reason
     * share key 0). Hashes by value, like {@link LineOutcome}.
     */
    record SizeKey(String outcome, long size) implements java.io.Serializable {
        @Override
        public int hashCode() {
            return 31 * outcome.hashCode() + Long.hashCode(size);
        }
    }

    static final class CountOne implements PairFunction<LineOutcome, LineOutcome, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<LineOutcome, Long> call(LineOutcome o) {
            return new Tuple2<>(o, 1L);
        }
    }

    static final class BySize implements PairFunction<Tuple2<LineOutcome, Long>, SizeKey, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<SizeKey, Long> call(Tuple2<LineOutcome, Long> t) {
            return new Tuple2<>(new SizeKey(t._1().outcome(), t._2()), 1L);
        }
    }

    static final class Sum implements Function2<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call(Long a, Long b) {
            return a + b;
        }
    }
}
