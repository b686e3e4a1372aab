package dev.spotter.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.Environment;
import dev.spotter.assemble.DatasetLayout;
import dev.spotter.project.ProjectLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The application's entry point under spark-submit ({@code ./spotter-spark} wraps it):
 *
 * <pre>
 * spark-submit --class dev.spotter.spark.SparkMain [--master ...] spotter-spark-app.jar \
 *     build --project spotter.yaml [--out DIR] [--partitions N]
 * spark-submit --class dev.spotter.spark.SparkMain [--master ...] spotter-spark-app.jar \
 *     count-duplicates [--parquet] [--partitions N] [--token-limit N] PATH
 * </pre>
 *
 * {@code build} reads local paths and Hadoop URIs ({@link InputFiles}), writes to a directory or a Hadoop URI
 * ({@link HadoopOutput}), runs the {@link SparkBuild} and prints its {@code AccountingStats} as one JSON object (exit 0, or
 * 1 when the accounting check fails); {@code count-duplicates} prints the {@link DedupCounts}. Exit 2: usage
 * error; a failed job ends with Spark's own exception (exit 1 from spark-submit). The master comes from spark-submit (or
 * {@code -Dspark.master=local[2]} when run with {@code java}); this class never sets it.
 */
public final class SparkMain {
    private SparkMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() ? "" : rest.remove(0);
        if (command.equals("build")) {
            return build(rest, out, err);
        }
        if (!command.equals("count-duplicates")) {
            return usage(err, "the command is build or count-duplicates");
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

    /**
     * {@code build --project FILE [--out DIR] [--partitions N]}: the distributed build ({@link SparkBuild}); prints
     * the accounting as one JSON object. Exit 0 when the accounting check passes, 1 when it does not.
     */
    private static int build(List<String> rest, PrintStream out, PrintStream err) throws Exception {
        String project = null;
        String outDir = null;
        int partitions = 0;
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.equals("--project") && !a.equals("--out") && !a.equals("--partitions")) {
                return usage(err, "unexpected argument " + a);
            }
            if (i + 1 >= rest.size()) {
                return usage(err, a + " needs a value");
            }
            String v = rest.get(++i);
            switch (a) {
                case "--project" -> project = v;
                case "--out" -> outDir = v;
                default -> {
                    if (!v.matches("[1-9][0-9]{0,8}")) {
                        return usage(err, "--partitions needs a whole number >= 1");
                    }
                    partitions = Integer.parseInt(v);
                }
            }
        }
        if (project == null) {
            return usage(err, "build needs --project FILE");
        }
        Path file = Path.of(project);
        if (!Files.isRegularFile(file)) {
            return usage(err, "no project file " + project);
        }
        HadoopOutput target = HadoopOutput.of(
                outDir != null
                        ? outDir
                        : DatasetLayout.of(ProjectLoader.load(file, Environment.system()))
                                .dir()
                                .toString());
        try (SparkSession spark = SparkEngine.builder().appName("spotter build").start()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            SparkBuild.Builder b =
                    SparkBuild.builder(jsc, file, target.localDir()).log(err::println);
            if (partitions > 0) {
                b.partitions(partitions);
            }
            SparkBuild.Result r;
            try {
                r = b.build().run();
            } catch (dev.spotter.SpotterException e) { // settings or input the build refuses: one line, exit 2
                err.println("spotter-spark: " + e.getMessage());
                return 2;
            }
            int published = target.publish(jsc.hadoopConfiguration());
            if (target.remote() != null) {
                err.println("  publish  " + published + " files to " + target.remote());
            }
            out.println(new ObjectMapper().writeValueAsString(r.accounting()));
            return r.accounting().ok() ? 0 : 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("spotter-spark: " + problem);
        err.println("usage: build --project FILE [--out DIR] [--partitions N]");
        err.println("       count-duplicates [--parquet] [--partitions N] [--token-limit N] PATH");
        return 2;
    }
}
