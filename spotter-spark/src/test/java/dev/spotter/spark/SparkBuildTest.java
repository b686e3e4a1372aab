package dev.spotter.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.assemble.BuildPipeline;
import dev.spotter.assemble.BuildResult;
import dev.spotter.assemble.DatasetLayout;
import dev.spotter.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed build on a real engine ({@code local[2,2]}: two worker threads, two attempts per task) against
 * the embedded build of the same project: every file the write step writes (each format's upload files, the
 * provenance, the quarantine, the dedup and leakage logs) byte for byte, and the accounting check.
 */
class SparkBuildTest {
    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        spark = engine("spotter-spark-build-test");
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /** The engine the build tests run on: two worker threads, two attempts per task, four partitions. */
    static SparkSession engine(String name) {
        return SparkEngine.builder()
                .appName(name)
                .master("local[2,2]")
                .conf("spark.default.parallelism", "4")
                .conf("spark.sql.shuffle.partitions", "4")
                .start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void sampleProjectGivesTheEmbeddedBuildsFiles(@TempDir Path dir) throws IOException {
        Path project = Path.of("examples/spotter.yaml");
        // the same folder name: the card and summary name the state folder beside it (../out.state)
        BuildResult embedded = embedded(project, dir.resolve("embedded/out"));
        SparkBuild.Result distributed = SparkBuild.builder(jsc, project, dir.resolve("spark/out"))
                .build()
                .run();

        assertSameFiles(embedded.layout(), distributed.layout());
        assertThat(distributed.accounting()).isEqualTo(embedded.summary().accounting());
        assertThat(distributed.accounting().ok()).isTrue();
        // the sample's planted cases all reach the outputs: quarantine, duplicates, PII, a validation set
        assertThat(distributed.accounting().quarantined()).isEqualTo(26);
        assertThat(distributed.accounting().deduplicated()).isPositive();
        assertThat(distributed.write().validation()).isPositive();
        // the card and report.html are the embedded build's (the report's duplicate pairs show the dropped text
        // beside the kept one: the distributed build leaves the first dropped lines in the state folder);
        // summary.json differs in one figure, the memory of the embedded dedup index, which the distributed build
        // does not have (it gives 0)
        assertThat(distributed.layout().card())
                .hasSameBinaryContentAs(embedded.layout().card());
        assertThat(Files.readString(distributed.layout().report()))
                .isEqualTo(Files.readString(embedded.layout().report()));
        String e = Files.readString(embedded.layout().summary());
        String d = Files.readString(distributed.layout().summary());
        assertThat(e).containsPattern(INDEX_BYTES + "[1-9][0-9]*,");
        assertThat(d).contains(INDEX_BYTES + "0,");
        assertThat(d.replaceAll(INDEX_BYTES + "[0-9]+", "")).isEqualTo(e.replaceAll(INDEX_BYTES + "[0-9]+", ""));
    }

    private static final String INDEX_BYTES = "\"indexBytes\" : ";

    @Test
    @Tag("large") // minutes on 2 cores: ./mvnw verify -pl spotter-spark -am -Dspark.excludedGroups=none
    void generatedHundredThousandGiveTheEmbeddedBuildsFiles(@TempDir Path dir) throws IOException {
        Path project = GeneratedProject.write(dir.resolve("project"), 100_000, 4);
        long t0 = System.nanoTime();
        BuildResult embedded = embedded(project, dir.resolve("embedded"));
        long t1 = System.nanoTime();
        SparkBuild.Result distributed = SparkBuild.builder(jsc, project, dir.resolve("spark"))
                .partitions(8)
                .build()
                .run();
        long t2 = System.nanoTime();
        // figures for docs/areas/scale.md, not assertions (timings belong in benchmarks)
        System.out.printf(
                "100k: embedded %d ms, spark local[2] %d ms; %s%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, distributed.accounting());

        assertSameFiles(embedded.layout(), distributed.layout());
        assertThat(distributed.accounting()).isEqualTo(embedded.summary().accounting());
        assertThat(distributed.accounting().ok()).isTrue();
        assertThat(distributed.accounting().read()).isEqualTo(100_000);
        // 97 broken lines planted (k % 997 == 3, unless a duplicate is planted there), 2 more are copies of them
        assertThat(distributed.accounting().quarantined()).isEqualTo(99);
        assertThat(distributed.accounting().deduplicated()).isGreaterThanOrEqualTo(3_000);
        assertThat(Files.size(distributed.layout().leakageLog())).isPositive();
    }

    @Test
    void aTaskThatFailsAndIsRetriedNeitherDuplicatesNorDrops(@TempDir Path dir) throws IOException {
        Path project = GeneratedProject.write(dir.resolve("project"), 20_000, 2);
        BuildResult embedded = embedded(project, dir.resolve("embedded"));
        for (String stage : List.of("ingest", "scrub")) {
            SparkBuild.Result retried = SparkBuild.builder(jsc, project, dir.resolve("spark-" + stage))
                    .partitions(4)
                    .failOnce(stage, 1)
                    .build()
                    .run();
            assertSameFiles(embedded.layout(), retried.layout());
            assertThat(retried.accounting())
                    .as(stage)
                    .isEqualTo(embedded.summary().accounting());
            assertThat(retried.accounting().ok()).isTrue();
        }
    }

    static BuildResult embedded(Path project, Path out) {
        return BuildPipeline.builder(ProjectLoader.load(project, Environment.system()))
                .outDir(out)
                .build()
                .run();
    }

    /** Every file the write step writes, byte for byte. */
    static void assertSameFiles(DatasetLayout expected, DatasetLayout actual) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String f : List.of("messages", "llama3-text", "prompt-completion")) {
            files.add(expected.train(f));
            files.add(expected.validation(f));
        }
        files.addAll(List.of(
                expected.provenance("train"),
                expected.provenance("validation"),
                expected.quarantine(),
                expected.dedupLog(),
                expected.leakageLog()));
        for (Path e : files) {
            Path a = actual.dir().resolve(expected.dir().relativize(e));
            assertThat(Files.exists(e)).as("embedded wrote %s", e).isTrue();
            assertThat(a).as("%s", expected.dir().relativize(e)).hasSameBinaryContentAs(e);
        }
    }
}
