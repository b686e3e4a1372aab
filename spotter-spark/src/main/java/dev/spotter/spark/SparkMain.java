package dev.spotter.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The application's entry point under spark-submit (phase 1: the one job there is):
 *
 * <pre>
 * spark-submit --class dev.spotter.spark.SparkMain [--master ...] spotter-spark-app.jar \
 *     count-duplicates [--parquet] [--partitions N] [--token-limit N] PATH
 * </pre>
 *
 * Prints the {@link DedupCounts} as one JSON object on standard output. Exit codes: 0 done, 2 usage error; a
 * failed job ends with Spark's own exception (exit 1 from spark-submit). The master comes from spark-submit (or
 * {@code -Dspark.master=local[2]} when run with {@code java}); this class never sets it.
 */
public final class SparkMain {
    private SparkMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || !rest.remove(0).equals("count-duplicates")) {
            return usage(err, "the command is count-duplicates");
        }
        boolean parquet = false;
        int partitions = 0;
        int tokenLimit = ValidationSpec.defaults().tokenLimit();
        String path = null;
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--parquet" -> parquet = true;
                case "--partitions", "--token-limit" -> {
                    if (i + 1 >= rest.size() || !rest.get(i + 1).matches("[0-9]{1,9}")) {
                        return usage(err, a + " needs a whole number");
                    }
                    int n = Integer.parseInt(rest.get(++i));
                    if (a.equals("--partitions")) {
                        partitions = n;
                    } else {
                        tokenLimit = n;
                    }
                }
                default -> {
                    if (a.startsWith("--") || path != null) {
                        return usage(err, "unexpected argument " + a);
                    }
                    path = a;
                }
            }
        }
        if (path == null) {
            return usage(err, "no input PATH");
        }
        ValidationSpec spec =
                new ValidationSpec(tokenLimit, ValidationSpec.defaults().maxLineBytes());
        try (SparkSession spark =
                SparkEngine.builder().appName("spotter count-duplicates").start()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            JavaRDD<InputLine> lines = parquet
                    ? ParquetInput.read(spark, path)
                    : JsonlInput.read(jsc, path, partitions > 0 ? partitions : jsc.defaultParallelism());
            DedupCounts c = ExactDuplicateCount.run(lines, spec);
            out.println(new ObjectMapper().writeValueAsString(c));
        }
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("spotter-spark: " + problem);
        err.println("usage: count-duplicates [--parquet] [--partitions N] [--token-limit N] PATH");
        return 2;
    }
}
