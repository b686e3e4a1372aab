package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    static final String OK =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"bench 225 for 8\"},{\"role\":\"assistant\",\"content\":\"logged\"}]}";

    @TempDir
    Path dir;

    /** Runs export with stdout and stderr captured (the build log shows no CLI output); returns the exit code. */
    private static int captured(String... args) {
        CliRun.Result r = CliRun.run(args);
        OUTPUT.append(r.out()).append(r.err());
        return r.code();
    }

    private static final StringBuilder OUTPUT = new StringBuilder();

    @Test
    void exitCodesFollowRejectsAndFileLevelRules() throws Exception {
        Path clean = dir.resolve("clean.jsonl");
        Files.writeString(clean, OK + "\n" + OK + "\n" + OK + "\n");
        Path val = dir.resolve("val.jsonl");
        Files.writeString(val, OK + "\n");
        assertThat(captured(
                        "export",
                        "--target",
                        "together",
                        clean.toString(),
                        "--validation",
                        val.toString(),
                        "-o",
                        dir.resolve("t").toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("t/job.json")))
                .contains("\"n_evals\" : 3")
                .contains("\"validation_file\" : \"validation.jsonl\"");

        Path dirty = dir.resolve("dirty.jsonl");
        Files.writeString(dirty, OK + "\n{oops\n");
        assertThat(captured(
                        "export",
                        "--target",
                        "openai",
                        dirty.toString(),
                        "-o",
                        dir.resolve("o").toString()))
                .isEqualTo(ExitCodes.REJECTS);
        assertThat(Files.readAllLines(dir.resolve("o/quarantine.jsonl"))).hasSize(1);

        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, OK + "\n");
        assertThat(captured(
                        "export",
                        "--target",
                        "fireworks",
                        one.toString(),
                        "-o",
                        dir.resolve("f").toString()))
                .isEqualTo(ExitCodes.REJECTS);

        assertThat(captured(
                        "export",
                        "--target",
                        "sagemaker",
                        clean.toString(),
                        "-o",
                        dir.resolve("x").toString()))
                .isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(captured(
                        "export",
                        "--target",
                        "together",
                        dir.resolve("missing.jsonl").toString(),
                        "-o",
                        dir.resolve("y").toString()))
                .isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(OUTPUT.toString())
                .contains("ERROR: OpenAI needs at least 10 training examples, have 1")
                .contains("ERROR: Fireworks needs 3 to 3,000,000 training examples, have 1")
                .contains("spotter export: Invalid value for option '--target': unknown target \"sagemaker\"")
                .contains("missing.jsonl: no such file");
    }
}
