package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI trial finding F25: the hint a command prints when there is no built dataset works as printed, for each
 * command that reads one (preview, export, eval). It named {@code --from DIR}, which no command has, and a build of
 * {@code ./spotter.yaml}, which need not exist.
 */
class DatasetHintTest {
    @TempDir
    Path dir;

    Path project;

    @BeforeEach
    void project() throws Exception {
        String examples = TinyProject.examples();
        Files.writeString(dir.resolve("d.jsonl"), examples);
        project = Files.writeString(dir.resolve("spotter.yaml"), """
                name: hint
                sources:
                  - {id: d, kind: jsonl, path: d.jsonl, categoryField: category, targets: {qa: 30}}
                output: {dir: out}
                """);
    }

    /** The command between backticks in an error line, as arguments (without the leading "spotter"). */
    private static String[] hintedCommand(String err) {
        Matcher m = Pattern.compile("`spotter ([^`]+)`").matcher(err);
        assertThat(m.find()).as("a command to run in: %s", err).isTrue();
        return m.group(1).split(" ");
    }

    @Test
    void exportAndEvalThroughAProjectHintItsBuildWhichWorksAsPrinted() {
        String out = dir.resolve("e").toString();
        CliRun.Result export = CliRun.run("export", "--target", "together", "--project", project.toString(), "-o", out);
        assertThat(export.code()).isEqualTo(2);
        assertThat(export.err()).doesNotContain("--from").contains("`spotter build --project " + project + "`");
        CliRun.Result eval = CliRun.run(
                "eval", "--endpoint", "http://127.0.0.1:1/v1", "--model", "m", "--project", project.toString());
        assertThat(eval.code()).isEqualTo(2);
        assertThat(eval.err()).doesNotContain("--from").contains("`spotter build --project " + project + "`");

        CliRun.Result build = CliRun.run(hintedCommand(export.err()));
        assertThat(build.code()).as(build.err()).isZero();
        CliRun.Result again = CliRun.run("export", "--target", "together", "--project", project.toString(), "-o", out);
        assertThat(again.code()).as(again.err()).isZero();
    }

    @Test
    void previewOfAMissingDatasetNamesItsOwnOption() {
        Path missing = dir.resolve("missing");
        CliRun.Result r = CliRun.run("preview", "--target", "together", "--dataset", missing.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .doesNotContain("--from")
                .doesNotContain("--project spotter.yaml") // the working directory has no spotter.yaml
                .contains("pass --dataset the directory a build wrote");
        // following the hint: a build written with --out, passed with --dataset
        Path built = dir.resolve("built");
        assertThat(CliRun.run("build", "--project", project.toString(), "--out", built.toString())
                        .code())
                .isZero();
        CliRun.Result ok = CliRun.run("preview", "--target", "together", "--dataset", built.toString());
        assertThat(ok.code()).as(ok.err()).isIn(0, 1);
        assertThat(ok.err()).doesNotContain("no built dataset");
    }
}
