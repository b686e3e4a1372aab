package dev.spotter.cli;

import static dev.spotter.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.generate.FakeAnswers;
import dev.spotter.llm.FakeLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void listPlansShowsTargets() {
        CliRun.Result r = run("generate", "--list-plans");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("injury       825")
                .contains("coach-qa    1000")
                .contains("running      322")
                .contains("pace-calculations         72");
    }

    @Test
    void dryRunCallsNothingAndEstimatesCost() {
        CliRun.Result r = run(
                "generate",
                "coach-qa",
                "--dry-run",
                "--model",
                "gpt-4o-mini",
                "--state",
                dir.resolve("s").toString(),
                "-o",
                dir.resolve("o.jsonl").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("programming")
                .contains("total target 1000, remaining 1000")
                .contains("nothing was sent")
                .containsPattern("~\\$\\d+\\.\\d\\d");
        assertThat(Files.exists(dir.resolve("s")))
                .as("dry run creates no state")
                .isFalse();
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        assertThat(run("generate").code()).isEqualTo(2);
        CliRun.Result r = run(
                "generate",
                "nope",
                "--model",
                "m",
                "--state",
                dir.toString(),
                "-o",
                dir.resolve("o.jsonl").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("spotter: no bundled plan named 'nope'");
        CliRun.Result both = run(
                "generate",
                "running",
                "--model",
                "m",
                "--state",
                dir.toString(),
                "-o",
                "x.jsonl",
                "--batch-export",
                "a.jsonl",
                "--batch-import",
                "b.jsonl");
        assertThat(both.code()).isEqualTo(2);
    }

    @Test
    void keylessLocalServerRunEndToEnd() throws Exception {
        try (FakeLlmServer fake = FakeLlmServer.start().answerer(new FakeAnswers())) {
            Path out = dir.resolve("run.jsonl");
            CliRun.Result r = run(
                    "generate",
                    "running",
                    "--provider",
                    "openai",
                    "--base-url",
                    fake.baseUrl(),
                    "--api-key-env",
                    "none",
                    "--model",
                    "llama3.3:70b",
                    "--limit",
                    "2",
                    "--state",
                    dir.resolve("state").toString(),
                    "-o",
                    out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("pace-calculations").contains("output lines: 6");
            assertThat(r.err()).contains("generate: 6/6 accepted");
            assertThat(Files.readAllLines(out)).hasSize(6);
        }
    }
}
