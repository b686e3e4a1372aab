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

    /** CLI trial F21: a dry run calls nothing, so it needs no --model (it then says a cost estimate needs one). */
    @Test
    void dryRunNeedsNoModel() {
        CliRun.Result r = run(
                "generate",
                "injury",
                "--dry-run",
                "--state",
                dir.resolve("s").toString(),
                "-o",
                dir.resolve("o.jsonl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("nothing was sent")
                .contains("cost: not estimated: no model given (pass --model, or --price-in/--price-out)");
        assertThat(Files.exists(dir.resolve("s"))).isFalse();
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

    private CliRun.Result paid(FakeLlmServer fake, String model, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "generate",
                "running",
                "--provider",
                "openai",
                "--base-url",
                fake.baseUrl(),
                "--model",
                model,
                "--state",
                dir.resolve("state").toString(),
                "-o",
                dir.resolve("run.jsonl").toString()));
        args.addAll(java.util.List.of(extra));
        return run(
                dev.spotter.Environment.of(java.util.Map.of("OPENAI_API_KEY", "sk-test-CLIMARKER-123456")),
                args.toArray(String[]::new));
    }

    @Test
    void anInvalidRequestStopsTheRunWithExitTwoAndTheProvidersWords() throws Exception {
        try (FakeLlmServer fake = FakeLlmServer.start()
                .requireKey("sk-test-CLIMARKER-123456")
                .randomFaults(
                        1.0,
                        7,
                        FakeLlmServer.Fault.reply(
                                400,
                                "{\"error\":{\"message\":\"Unsupported value: 'temperature' does not support 0.9\","
                                        + "\"type\":\"invalid_request_error\",\"param\":\"temperature\","
                                        + "\"code\":\"unsupported_value\"}}"))) {
            CliRun.Result r = paid(fake, "gpt-4o-mini", "--limit", "5", "--concurrency", "1");
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err())
                    .contains("spotter: provider rejected 3 requests in a row as invalid")
                    .contains("Unsupported value: 'temperature'")
                    .contains("param temperature");
            assertThat(fake.requestCount()).isEqualTo(3);
            assertThat(Files.exists(dir.resolve("run.jsonl"))).isTrue();
        }
    }

    @Test
    void aCappedRunStopsWithBudgetAndExitOne() throws Exception {
        try (FakeLlmServer fake =
                FakeLlmServer.start().requireKey("sk-test-CLIMARKER-123456").answerer(new FakeAnswers())) {
            CliRun.Result r = paid(fake, "gpt-4o", "--limit", "20", "--concurrency", "8", "--budget-usd", "0.05");
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).contains("stopped short: budget:").contains("retries by cause: none");
            assertThat(r.err()).contains("HTTP requests").doesNotContain("CLIMARKER");
            assertThat(Files.exists(dir.resolve("run.jsonl"))).isTrue();
        }
    }
}
