package dev.spotter.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.assemble.BuildResult;
import dev.spotter.assemble.DatasetLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed build's inputs and outputs on Hadoop paths, and large files read in byte ranges: a
 * {@code file://} project split into many ingest tasks gives the embedded build's files byte for byte (line
 * numbers across split boundaries included: the quarantine names file:line), and a project and output on a
 * scheme only a registered Hadoop {@code FileSystem} knows ({@link SchemeFileSystem}) is read and written through
 * it.
 */
class SparkInputTest {
    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        spark = SparkEngine.builder()
                .appName("spotter-spark-input-test")
                .master("local[2,2]")
                .conf("spark.default.parallelism", "4")
                .conf("spark.sql.shuffle.partitions", "4")
                .conf("spark.hadoop.fs." + SchemeFileSystem.SCHEME + ".impl", SchemeFileSystem.class.getName())
                .conf("spark.hadoop.fs." + SchemeFileSystem.SCHEME + ".impl.disable.cache", "true")
                .start();
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void fileUrisReadInByteRangesGiveTheEmbeddedBuildsFiles(@TempDir Path dir) throws IOException {
        Path project = GeneratedProject.write(dir.resolve("project"), 6_000, 1);
        BuildResult embedded = SparkBuildTest.embedded(project, dir.resolve("embedded"));
        Path uris = withPaths(project, "file://");

        SparkBuild.Result distributed = SparkBuild.builder(jsc, uris, dir.resolve("spark"))
                .splitBytes(200_000)
                .build()
                .run();

        // two files of ~1.2 MB each in ranges of at most 200 kB
        assertThat(Files.size(project.resolveSibling("data/a-000.jsonl"))).isGreaterThan(1_000_000);
        assertThat(distributed.ingestTasks()).isGreaterThanOrEqualTo(10);
        SparkBuildTest.assertSameFiles(embedded.layout(), distributed.layout());
        assertThat(distributed.accounting()).isEqualTo(embedded.summary().accounting());
        assertThat(distributed.accounting().quarantined()).isPositive();
    }

    @Test
    void aHadoopSchemeIsReadAndWrittenThroughItsFileSystem(@TempDir Path dir) throws IOException {
        Path project = GeneratedProject.write(dir.resolve("project"), 3_000, 1);
        BuildResult embedded = SparkBuildTest.embedded(project, dir.resolve("embedded"));
        Path uris = withPaths(project, SchemeFileSystem.SCHEME + "://");
        Path out = dir.resolve("remote-out");
        SchemeFileSystem.OPENED.clear();

        HadoopOutput target = HadoopOutput.of(SchemeFileSystem.SCHEME + "://" + out);
        SparkBuild.Result distributed = SparkBuild.builder(jsc, uris, target.localDir())
                .splitBytes(100_000)
                .build()
                .run();
        int published = target.publish(jsc.hadoopConfiguration());

        // every input byte came through the scheme's FileSystem (java.nio cannot open "spottertest:" paths)
        assertThat(SchemeFileSystem.OPENED)
                .contains(
                        project.resolveSibling("data/a-000.jsonl").toString(),
                        project.resolveSibling("data/b-000.jsonl").toString());
        assertThat(target.remote()).isNotNull();
        assertThat(target.localDir()).isNotEqualTo(out);
        try (var local = Files.walk(target.localDir());
                var state = Files.walk(DatasetLayout.of(target.localDir()).stateDir())) {
            assertThat(published)
                    .isEqualTo(local.filter(Files::isRegularFile).count()
                            + state.filter(Files::isRegularFile).count())
                    .isGreaterThanOrEqualTo(8);
        }
        DatasetLayout written = DatasetLayout.of(out);
        for (String f : List.of("messages", "llama3-text")) {
            assertThat(written.train(f))
                    .hasSameBinaryContentAs(embedded.layout().train(f));
            assertThat(written.validation(f))
                    .hasSameBinaryContentAs(embedded.layout().validation(f));
        }
        assertThat(distributed.accounting()).isEqualTo(embedded.summary().accounting());
        // provenance and the quarantine name such a file by its URI (it has no project-relative name)
        assertThat(Files.readString(written.quarantine(), StandardCharsets.UTF_8))
                .contains(SchemeFileSystem.SCHEME + ":"
                        + project.resolveSibling("data").toString());
        for (Path tree : List.of(out, written.stateDir())) {
            try (var files = Files.walk(tree)) {
                assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".spotter-tmp"));
            }
        }
    }

    /** A copy of the project's spotter.yaml beside it whose source paths are absolute URIs with {@code prefix}. */
    private static Path withPaths(Path project, String prefix) throws IOException {
        String yaml = Files.readString(project, StandardCharsets.UTF_8)
                .replace("path: \"data/", "path: \"" + prefix + project.resolveSibling("data") + "/");
        assertThat(yaml).contains(prefix);
        Path copy = project.resolveSibling("uris.yaml");
        Files.writeString(copy, yaml, StandardCharsets.UTF_8);
        return copy;
    }
}
