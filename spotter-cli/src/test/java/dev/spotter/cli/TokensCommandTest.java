package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokensCommandTest {
    static CliRun.Result run(byte[] stdin, String... args) {
        TokensCommand cmd = new TokensCommand();
        cmd.stdin = new ByteArrayInputStream(stdin);
        return CliRun.command(cmd, args);
    }

    static CliRun.Result run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    @Test
    void plainTextArgument() {
        CliRun.Result r = run("", "bench press 225 for 8 at RPE 8");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("{\"ids\":[28122,3577,220,11057,369,220,23,520,432,1777,220,23],\"count\":12}\n");
    }

    @Test
    void plainTextFromStdinWhenNoArgument() {
        assertThat(run("user", new String[0]).out()).isEqualTo("{\"ids\":[882],\"count\":1}\n");
    }

    @Test
    void jsonlKeepsOrderAndReportsBadLinesWithExitOne() {
        String in = "{\"text\":\"user\"}\n"
                + "{\"nope\":1}\n"
                + "not json\n"
                + "\n"
                + "[1,2]\n"
                + "{\"text\":5}\n"
                + "{\"meta\":{\"x\":[1,{\"text\":\"nested\"}]},\"text\":\"system\"}\r\n"
                + "{\"text\":\"<|eot_id|>\"}";
        CliRun.Result r = run(in, "--jsonl");
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(r.out().split("\n", -1))
                .containsExactly(
                        "{\"ids\":[882],\"count\":1}",
                        "{\"error\":\"no \\\"text\\\" field\",\"line\":2}",
                        r.out().split("\n")[2], // invalid JSON message from Jackson; checked below
                        "{\"error\":\"blank line\",\"line\":4}",
                        "{\"error\":\"not a JSON object\",\"line\":5}",
                        "{\"error\":\"\\\"text\\\" is not a string\",\"line\":6}",
                        "{\"ids\":[9125],\"count\":1}",
                        "{\"ids\":[27,91,68,354,851,91,29],\"count\":7}", // special-token string stays text
                        "");
        assertThat(r.out().split("\n")[2])
                .startsWith("{\"error\":\"invalid JSON")
                .endsWith("\"line\":3}");
        assertThat(r.err()).contains("5 of 8 lines");
    }

    @Test
    void overLongLineIsAnErrorAndTheNextLineStillCounts() {
        TokensCommand cmd = new TokensCommand();
        cmd.maxLineBytes = 32;
        cmd.stdin = new ByteArrayInputStream(
                ("{\"text\":\"" + "x".repeat(100) + "\"}\n{\"text\":\"user\"}\n").getBytes(StandardCharsets.UTF_8));
        CliRun.Result r = CliRun.command(cmd, "--jsonl");
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(r.out())
                .isEqualTo("{\"error\":\"line longer than 32 bytes\",\"line\":1}\n{\"ids\":[882],\"count\":1}\n");
    }

    @Test
    void invalidUtf8LineIsAnErrorNotACrash() {
        byte[] in = {
            '{',
            '"',
            't',
            'e',
            'x',
            't',
            '"',
            ':',
            '"',
            (byte) 0xff,
            '"',
            '}',
            '\n',
            '{',
            '"',
            't',
            'e',
            'x',
            't',
            '"',
            ':',
            '"',
            'u',
            's',
            'e',
            'r',
            '"',
            '}'
        };
        CliRun.Result r = run(in, "--jsonl");
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(r.out()).isEqualTo("{\"error\":\"invalid UTF-8\",\"line\":1}\n{\"ids\":[882],\"count\":1}\n");
    }

    @Test
    void inputFileAndRenderedMode(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("in.jsonl");
        Files.writeString(f, "{\"text\":\"<|start_header_id|>user<|end_header_id|>\\n\\n\"}\n");
        CliRun.Result r = run("", "--jsonl", "--rendered", "--input", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("{\"ids\":[128006,882,128007,271],\"count\":4}\n");
        assertThat(run("", "--jsonl", "--count-only", "-i", f.toString()).out()).isEqualTo("{\"count\":15}\n");
    }

    @Test
    void missingInputFileIsAnIoError(@TempDir Path dir) {
        CliRun.Result r = CliRun.run(
                "tokens", "--jsonl", "--input", dir.resolve("missing.jsonl").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(r.err()).contains("missing.jsonl: no such file");
    }

    @Test
    void decodeBothWays() {
        assertThat(run("", "--decode", "128000,882 271").out())
                .isEqualTo("{\"text\":\"<|begin_of_text|>user\\n\\n\"}\n");
        CliRun.Result r = run("{\"ids\":[9125]}\n{\"ids\":[999999]}\n", "--jsonl", "--decode");
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(r.out()).startsWith("{\"text\":\"system\"}\n{\"error\":\"token id out of range: 999999");
        assertThat(run("", "--decode", "12,x").code()).isEqualTo(ExitCodes.USAGE_OR_IO);
    }

    @Test
    void textAndJsonlTogetherIsAUsageError() {
        assertThat(run("", "--jsonl", "hello").code()).isEqualTo(ExitCodes.USAGE_OR_IO);
    }

    @Test
    void registeredInSpotterCli() {
        assertThat(new CommandLine(new SpotterCli(dev.spotter.Environment.system())).getSubcommands())
                .containsKey("tokens");
    }
}
