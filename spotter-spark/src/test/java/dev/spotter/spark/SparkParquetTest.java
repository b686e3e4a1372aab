package dev.spotter.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.InputDataException;
import dev.spotter.assemble.BuildResult;
import dev.spotter.assemble.DatasetLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet as a build input of the distributed build: a Parquet file written by Spark's own writer from a JSONL
 * source gives the embedded build's answer for that JSONL (the same upload files byte for byte, the same
 * provenance and dedup log but for the file's name, the same quarantine reasons at the same line = row numbers,
 * the same accounting); Parquet rows of the wrong shape are quarantined with the JSONL reasons, nothing lost.
 */
class SparkParquetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        spark = SparkBuildTest.engine("spotter-spark-parquet-test");
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static String ex(String user, String answer) {
        return "{\"category\":\"coach\",\"messages\":[{\"role\":\"user\",\"content\":\"" + user
                + "\"},{\"role\":\"assistant\",\"content\":\"" + answer + "\"}]}\n";
    }

    /** 30 pseudo-random words: unrelated examples share no shingle. */
    private static String words(java.util.Random r) {
        StringBuilder sb = new StringBuilder("plan");
        for (int w = 0; w < 30; w++) {
            sb.append(' ').append("w").append(r.nextInt(5000));
        }
        return sb.toString();
    }

    /** 400 lines: exact and near duplicates, e-mail addresses, and lines the validator rejects. */
    private static String examples() {
        java.util.Random r = new java.util.Random(42);
        StringBuilder sb = new StringBuilder();
        String user = "";
        String answer = "";
        for (int i = 0; i < 400; i++) {
            if (i % 10 == 9) {
                sb.append(ex(user, answer)); // an exact duplicate of the line before
                continue;
            }
            if (i % 13 == 6) {
                sb.append(ex(user, answer + " today")); // a near duplicate of the line before
                continue;
            }
            user = words(r);
            answer = words(r) + (i % 50 == 7 ? " or mail coach" + i + "@example.com" : "");
            if (i % 37 == 3) {
                sb.append(
                        "{\"category\":\"coach\",\"messages\":[{\"role\":\"robot\",\"content\":\"" + user + "\"}]}\n");
            } else if (i % 41 == 4) {
                sb.append(ex(user, ""));
            } else if (i % 43 == 5) {
                sb.append("{\"category\":\"coach\",\"foo\":1,\"messages\":[{\"role\":\"user\",\"content\":\"" + user
                        + "\"},{\"role\":\"assistant\",\"content\":\"" + answer + "\"}]}\n");
            } else {
                sb.append(ex(user, answer));
            }
        }
        return sb.toString();
    }

    private static Path project(Path dir, String path) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spotter.yaml"), """
                name: parquet-test
                seed: 7
                sources:
                  - {id: chats, kind: jsonl, path: %s, categoryField: category}
                split: {validation: 0.1, minValidation: 1, minStratum: 10}
                output: {dir: out}
                """.formatted(path));
        return dir.resolve("spotter.yaml");
    }

    /** Spark's writer, one part file, moved to {@code target} (a plain .parquet file). */
    private static void writeParquet(Path jsonl, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".d");
        spark.read()
                .json(jsonl.toString())
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(tmp.toString());
        try (Stream<Path> parts = Files.list(tmp)) {
            Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .findFirst()
                    .orElseThrow();
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aParquetFileGivesTheEmbeddedBuildOfTheSameJsonl(@TempDir Path dir) throws IOException {
        Path jp = project(dir.resolve("jsonl"), "data/chats.jsonl");
        Files.createDirectories(dir.resolve("jsonl/data"));
        Files.writeString(dir.resolve("jsonl/data/chats.jsonl"), examples());
        Path pp = project(dir.resolve("parquet"), "data/chats.parquet");
        Files.createDirectories(dir.resolve("parquet/data"));
        writeParquet(dir.resolve("jsonl/data/chats.jsonl"), dir.resolve("parquet/data/chats.parquet"));

        BuildResult embedded = SparkBuildTest.embedded(jp, dir.resolve("jsonl/out"));
        SparkBuild.Result distributed =
                SparkBuild.builder(jsc, pp, dir.resolve("parquet/out")).build().run();

        DatasetLayout e = embedded.layout();
        DatasetLayout d = distributed.layout();
        for (String f : List.of("messages")) { // the project's one format
            assertThat(d.train(f)).hasSameBinaryContentAs(e.train(f));
            assertThat(d.validation(f)).hasSameBinaryContentAs(e.validation(f));
        }
        for (Path p : List.of(e.provenance("train"), e.provenance("validation"), e.dedupLog())) {
            Path q = d.dir().resolve(e.dir().relativize(p));
            assertThat(Files.readString(q)).isEqualTo(Files.readString(p).replace("chats.jsonl", "chats.parquet"));
        }
        // the quarantine names a row as FILE:row index + 1, with the JSONL line's reason
        assertThat(reasons(d.quarantine())).isEqualTo(reasons(e.quarantine())).isNotEmpty();
        assertThat(reasons(d.quarantine()))
                .extracting(s -> s.split(" ")[1])
                .contains("unrecognized_role", "empty_content", "extra_columns");
        var ea = embedded.summary().accounting();
        var da = distributed.accounting();
        assertThat(da.ok()).isTrue();
        assertThat(List.of(da.read(), da.train(), da.validation(), da.quarantined(), da.deduplicated()))
                .isEqualTo(List.of(ea.read(), ea.train(), ea.validation(), ea.quarantined(), ea.deduplicated()));
        assertThat(da.read()).isEqualTo(400);
        assertThat(da.deduplicated()).isPositive();
        assertThat(da.validation()).isPositive();
    }

    @Test
    void parquetRowsOfTheWrongShapeAreQuarantinedAndAnUnreadableFileIsRefused(@TempDir Path dir) throws IOException {
        Path pp = project(dir, "data/*.parquet");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path j = dir.resolve("j.jsonl");
        // messages as a string
        Files.writeString(
                j,
                "{\"category\":\"coach\",\"messages\":\"squats\"}\n{\"category\":\"coach\",\"messages\":\"lunges\"}\n");
        writeParquet(j, data.resolve("a-string.parquet"));
        // no messages column
        Files.writeString(j, "{\"category\":\"coach\",\"text\":\"squats\"}\n");
        writeParquet(j, data.resolve("b-missing.parquet"));
        // an extra column in every row
        Files.writeString(
                j, ex("how far should I run", "three miles").replace("{\"category\"", "{\"score\":3,\"category\""));
        writeParquet(j, data.resolve("c-extra.parquet"));
        // a folder of part files (what Spark leaves): two valid rows
        Files.writeString(
                j, ex("how far should I run today", "five easy miles") + ex("how long should I rest", "two days"));
        spark.read()
                .json(j.toString())
                .repartition(2)
                .write()
                .parquet(data.resolve("d-folder.parquet").toString());

        SparkBuild.Result r =
                SparkBuild.builder(jsc, pp, dir.resolve("out")).build().run();
        assertThat(r.accounting().ok()).isTrue();
        assertThat(r.read()).isEqualTo(6);
        assertThat(r.accounting().quarantined()).isEqualTo(4);
        assertThat(r.write().train() + r.write().validation()).isEqualTo(2); // read = kept + quarantined
        List<String> q = reasons(r.layout().quarantine());
        assertThat(q).hasSize(4);
        assertThat(String.join("\n", q))
                .contains(
                        "data/a-string.parquet:1 ",
                        "data/a-string.parquet:2 ",
                        "data/b-missing.parquet:1 ",
                        "data/c-extra.parquet:1 extra_columns");

        // a file that is not Parquet: refused with one line naming it, before any task
        Files.writeString(data.resolve("e-broken.parquet"), "not parquet at all\n");
        assertThatThrownBy(() ->
                        SparkBuild.builder(jsc, pp, dir.resolve("out2")).build().run())
                .isInstanceOf(InputDataException.class)
                .hasMessageStartingWith("data/e-broken.parquet: not readable as Parquet: ");
    }

    /** "file:line reason" of every quarantined line. */
    private static List<String> reasons(Path quarantine) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(quarantine)) {
            JsonNode n = JSON.readTree(l);
            out.add(n.get("file").asText().replace("chats.jsonl", "chats.parquet") + ":"
                    + n.get("line").asInt() + " " + n.get("reason").asText());
        }
        return out;
    }
}
