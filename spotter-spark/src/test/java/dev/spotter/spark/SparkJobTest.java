package dev.spotter.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.assemble.Text;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.format.ValidationSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark engine in this JVM ({@code local[2,2]}: two worker threads, two attempts per task), running
 * Spotter's validator and exact-duplicate key in its tasks. The answers are checked against figures known by
 * construction and against the embedded computation over the same file.
 */
class SparkJobTest {
    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        spark = SparkEngine.builder()
                .appName("spotter-spark-test")
                .master("local[2,2]")
                .conf("spark.default.parallelism", "2")
                .conf("spark.sql.shuffle.partitions", "2")
                .start();
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // a figure for docs/areas/scale.md, not an assertion (timings belong in benchmarks)
        System.out.printf(
                "spark %s local[2,2] started in %d ms%n", spark.version(), (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void generatedFileGivesTheCountsKnownByConstruction(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("chats.jsonl"), ChatLines.file());
        JavaRDD<InputLine> lines = JsonlInput.read(jsc, file.toString(), 4);
        assertThat(lines.getNumPartitions())
                .as("the file is split across tasks")
                .isGreaterThanOrEqualTo(4);

        DedupCounts c = ExactDuplicateCount.run(lines, ValidationSpec.defaults());

        assertThat(c.read()).isEqualTo(ChatLines.READ);
        assertThat(c.accepted()).isEqualTo(ChatLines.ACCEPTED);
        assertThat(c.rejected())
                .containsExactlyEntriesOf(new TreeMap<>(
                        Map.of("blank_line", 3L, "bom", 1L, "invalid_json", 2L, "raw_carriage_return", 1L)));
        assertThat(c.distinct()).isEqualTo(ChatLines.DISTINCT);
        assertThat(c.duplicates()).isEqualTo(60);
        assertThat(c.groupSizes()).containsExactlyEntriesOf(new TreeMap<>(Map.of(1L, 10L, 2L, 10L, 3L, 10L, 4L, 10L)));
        assertThat(c).isEqualTo(embedded(file));
    }

    @Test
    void directoryWithAGzipFileIsReadWhole(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.jsonl"), ChatLines.file());
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.jsonl.gz")))) {
            gz.write(ChatLines.file()); // the byte order mark must survive decompression too
        }

        DedupCounts c = ExactDuplicateCount.run(JsonlInput.read(jsc, dir.toString(), 3), ValidationSpec.defaults());

        assertThat(c.read()).isEqualTo(2 * ChatLines.READ);
        assertThat(c.rejected())
                .containsExactlyEntriesOf(new TreeMap<>(
                        Map.of("blank_line", 6L, "bom", 2L, "invalid_json", 4L, "raw_carriage_return", 2L)));
        assertThat(c.distinct()).isEqualTo(ChatLines.DISTINCT);
        assertThat(c.groupSizes()).containsExactlyEntriesOf(new TreeMap<>(Map.of(2L, 10L, 4L, 10L, 6L, 10L, 8L, 10L)));
    }

    /**
     * Parquet in: the accepted lines of the generated file, written as Parquet by Spark, give the same groups
     * (the BOM and broken lines cannot be stored as rows, so no rejects).
     */
    @Test
    void parquetRowsAreValidatedAndKeyedLikeJsonlLines(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("chats.jsonl"), ChatLines.file());
        List<String> valid = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (l.startsWith("{\"messages\": [{")) {
                valid.add(l.strip());
            }
        }
        StructType message = new StructType()
                .add("role", DataTypes.StringType)
                .add("content", DataTypes.StringType)
                .add("weight", DataTypes.IntegerType);
        StructType schema = new StructType().add("messages", DataTypes.createArrayType(message));
        String parquet = dir.resolve("chats.parquet").toString();
        spark.read()
                .schema(schema)
                .json(spark.createDataset(valid, Encoders.STRING()))
                .write()
                .parquet(parquet);

        DedupCounts c = ExactDuplicateCount.run(ParquetInput.read(spark, parquet), ValidationSpec.defaults());

        assertThat(valid).hasSize(100); // the lone-CR line is the 101st accepted JSONL line, not in this set
        assertThat(c.read()).isEqualTo(100);
        assertThat(c.rejected()).isEmpty();
        assertThat(c.groupSizes()).containsExactlyEntriesOf(new TreeMap<>(Map.of(1L, 10L, 2L, 10L, 3L, 10L, 4L, 10L)));
    }

    /**
     * The sample with one deliberately broken line per reject reason (examples/data/README.md): the engine's
     * answer is the embedded validator's, reason by reason, including the byte-level ones (bom, invalid_utf8).
     */
    @Test
    void sampleFileGivesTheEmbeddedAnswer() throws IOException {
        Path sample = Path.of("examples/data/voice_sample.jsonl");

        DedupCounts c = ExactDuplicateCount.run(
                JsonlInput.read(jsc, sample.toAbsolutePath().toString(), 2), ValidationSpec.defaults());

        assertThat(c.read()).isEqualTo(325);
        assertThat(c.accepted()).isEqualTo(299);
        assertThat(c.rejected())
                .hasSize(26)
                .allSatisfy((reason, n) -> assertThat(n).as(reason).isEqualTo(1));
        assertThat(c).isEqualTo(embedded(sample));
    }

    /**
     * A task that fails half-way through its partition is retried by the engine; the records its failed attempt
     * had produced are neither counted twice nor lost.
     */
    @Test
    void aRetriedTaskNeitherDuplicatesNorDropsRecords(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("chats.jsonl"), ChatLines.file());
        DedupCounts clean =
                ExactDuplicateCount.run(JsonlInput.read(jsc, file.toString(), 4), ValidationSpec.defaults());
        FailFirstAttempt.FAILURES.set(0);

        DedupCounts retried = ExactDuplicateCount.run(
                JsonlInput.read(jsc, file.toString(), 4).map(new FailFirstAttempt(1, 5)), ValidationSpec.defaults());

        assertThat(FailFirstAttempt.FAILURES.get())
                .as("the injected failure happened")
                .isEqualTo(1);
        assertThat(retried).isEqualTo(clean);
    }

    /** The split reader ships with a broadcast of the Hadoop configuration; it must survive serialisation. */
    @Test
    void theSplitReaderIsSerialisable() throws Exception {
        JsonlInput.ToLines f =
                new JsonlInput.ToLines(SerializableConfiguration.broadcast(jsc.sc(), jsc.hadoopConfiguration()));

        JsonlInput.ToLines copy = ShippedFunctionsTest.roundTrip(f);

        assertThat(copy).isNotSameAs(f);
    }

    /** The embedded computation: Spotter's validator over the file, and a hash map of exact keys. */
    private static DedupCounts embedded(Path file) throws IOException {
        ChatValidator v = ValidationSpec.defaults().validator();
        Map<Long, Long> groups = new HashMap<>();
        ValidationSummary s;
        try (QuarantineWriter q = QuarantineWriter.discarding()) {
            s = v.validate(file, a -> groups.merge(Text.hash64(Text.exactKey(a.example())), 1L, Long::sum), q);
        }
        TreeMap<String, Long> rejected = new TreeMap<>();
        s.reasons().forEach((r, n) -> rejected.put(r.code(), n));
        TreeMap<Long, Long> sizes = new TreeMap<>();
        groups.values().forEach(n -> sizes.merge(n, 1L, Long::sum));
        return new DedupCounts(s.read(), s.accepted(), rejected, groups.size(), s.accepted() - groups.size(), sizes);
    }

    /** Passes lines through, but the first attempt of one partition throws after {@code after} lines. */
    static final class FailFirstAttempt implements Function<InputLine, InputLine> {
        private static final long serialVersionUID = 1L;
        /** Local mode: the tasks run in this JVM, so a static counter sees them. */
        static final AtomicInteger FAILURES = new AtomicInteger();

        private final int partition;
        private final int after;
        private transient int seen;

        FailFirstAttempt(int partition, int after) {
            this.partition = partition;
            this.after = after;
        }

        @Override
        public InputLine call(InputLine line) {
            TaskContext t = TaskContext.get();
            if (t.partitionId() == partition && t.attemptNumber() == 0 && ++seen > after) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure in partition " + partition + " (first attempt)");
            }
            return line;
        }
    }
}
