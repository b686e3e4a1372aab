package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.generate.FakeAnswers;
import dev.spotter.llm.FakeLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI re-trial N1: the build's "still needed" command for a generated source whose file already holds hand-written
 * examples failed as printed ({@code will not replace ...}, since generate rewrites its output from its state), and
 * the refused run left an empty state folder. The hint now writes a file generate may own and says how the project
 * reads it; followed as printed, the next build reads both files and the hand-written lines are unchanged.
 */
class NeedHintTest {
    @TempDir
    Path dir;

    @Test
    void theStillNeededCommandWorksAsPrintedAndKeepsTheHandWrittenExamples() throws Exception {
        String handWritten =
                TinyProject.examples().lines().limit(2).map(l -> l + "\n").reduce("", String::concat);
        Path own = Files.writeString(dir.resolve("g.jsonl"), handWritten);
        Path project = dir.resolve("spotter.yaml");
        Files.writeString(project, """
                name: hint
                sources:
                  - {id: run, kind: generation, plan: running, path: g.jsonl, category: pace-calculations,
                     targets: {pace-calculations: 20}}
                provider: {name: openai, apiKeyEnv: HINT_KEY, model: llama3.3:70b}
                output: {dir: out}
                """);
        CliRun.Result build = CliRun.run("build", "--project", project.toString());
        String hint = build.out()
                .lines()
                .filter(l -> l.contains("-> spotter generate"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no generate hint in:\n" + build.out()));
        Matcher m = Pattern.compile(
                        "-> spotter (generate .*?)  then in spotter\\.yaml give source run '(paths: \\[.*?])'")
                .matcher(hint);
        assertThat(m.find()).as(hint).isTrue();
        List<String> args = new ArrayList<>(List.of(m.group(1).split(" ")));
        assertThat(args).doesNotContain("--replace-output");

        try (FakeLlmServer fake = FakeLlmServer.start().answerer(new FakeAnswers())) {
            args.addAll(List.of("--base-url", fake.baseUrl(), "--limit", "3"));
            CliRun.Result gen = CliRun.run(Environment.of(Map.of("HINT_KEY", "sk-test")), args.toArray(String[]::new));
            assertThat(gen.code()).as(gen.err()).isZero();
        }
        assertThat(Files.readString(own)).isEqualTo(handWritten);
        assertThat(dir.resolve("g.generated.jsonl")).exists();

        // the project change the hint names, as printed
        Files.writeString(project, Files.readString(project).replace("path: g.jsonl", m.group(2)));
        CliRun.Result again = CliRun.run("build", "--project", project.toString());
        long generated = Files.readAllLines(dir.resolve("g.generated.jsonl")).size();
        assertThat(generated).isPositive();
        assertThat(again.out()).as(again.err()).contains("OK: " + (2 + generated) + " read");
        assertThat(again.out()).doesNotContain("then in spotter.yaml give source run");
    }

    @Test
    void aRefusedFirstRunLeavesNoStateBehind() throws Exception {
        Path own = Files.writeString(dir.resolve("g.jsonl"), TinyProject.examples());
        Path state = dir.resolve("g.state");
        CliRun.Result r = CliRun.run(
                Environment.of(Map.of("HINT_KEY", "sk-test")),
                "generate",
                "running",
                "--provider",
                "openai",
                "--base-url",
                "http://127.0.0.1:1/v1",
                "--api-key-env",
                "HINT_KEY",
                "--model",
                "m",
                "--state",
                state.toString(),
                "-o",
                own.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("will not replace " + own);
        assertThat(state).doesNotExist();
    }
}
