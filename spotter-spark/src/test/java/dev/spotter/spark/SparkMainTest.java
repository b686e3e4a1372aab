package dev.spotter.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage errors exit 2 with one line naming the problem, before any engine starts. */
class SparkMainTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "spotter x.jsonl|the command is build or count-duplicates",
                "build|build needs --project FILE",
                "build x.jsonl|unexpected argument x.jsonl",
                "build --project|--project needs a value",
                "build --project no-such.yaml|no project file no-such.yaml",
                "build --project examples/spotter.yaml --partitions 0|--partitions needs a whole number >= 1",
                "count-duplicates|no input PATH",
                "count-duplicates --partitions|--partitions needs a whole number",
                "count-duplicates --token-limit -1 x|--token-limit needs a whole number",
                "count-duplicates a.jsonl b.jsonl|unexpected argument b.jsonl",
                "count-duplicates --master local x|unexpected argument --master"
            })
    void usageErrorsExit2(String args, String problem) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SparkMain.run(
                args.split(" "),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("spotter-spark: " + problem + "\n");
    }
}
