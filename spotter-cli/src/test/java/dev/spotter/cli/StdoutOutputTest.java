package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 4: {@code -o -} means stdout for every command that writes a data file, and then stdout is only the
 * data (every human message on stderr); commands whose output is a folder or a file with sidecars refuse {@code -}
 * in one line instead of creating a file named {@code -}.
 */
class StdoutOutputTest {
    @TempDir
    Path dir;

    private static final String LINE = "{\"messages\":[{\"role\":\"user\",\"content\":\"how many rest days\"},"
            + "{\"role\":\"assistant\",\"content\":\"Two a week.\"}]}\n";

    private static void noFileNamedDash() {
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void synthVoiceWritesJsonlToStdoutAndTheSummaryToStderr() throws Exception {
        CliRun.Result r = CliRun.run("synth-voice", "--count", "12", "--seed", "3", "-o", "-");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(12).allMatch(l -> l.startsWith("{\"messages\":["));
        assertThat(r.err()).contains("synth-voice stdout: written 12");
        noFileNamedDash();
        // the same bytes as a file
        Path f = dir.resolve("s.jsonl");
        assertThat(CliRun.run("synth-voice", "--count", "12", "--seed", "3", "-o", f.toString())
                        .code())
                .isZero();
        assertThat(Files.readString(f)).isEqualTo(r.out());
    }

    @Test
    void convertAndValidateQuarantineToStdoutKeepMessagesOnStderr() throws Exception {
        Path in = dir.resolve("d.jsonl");
        Files.writeString(in, LINE + "{\"messages\":\"oops\"}\n");
        CliRun.Result c = CliRun.run("convert", in.toString(), "--to", "messages", "-o", "-");
        assertThat(c.out()).isEqualTo(LINE);
        assertThat(c.err()).contains("read 2, accepted 1, rejected 1");

        CliRun.Result v = CliRun.run("validate", in.toString(), "-q", "-");
        assertThat(v.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(v.out().lines().toList())
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("\"reason\":\"missing_messages_list\"")
                        .contains("\"line\":2"));
        assertThat(v.err()).contains("read 2, accepted 1, rejected 1");
        noFileNamedDash();
    }

    @Test
    void kbExportWritesChunksToStdout() throws Exception {
        Path q = dir.resolve("q.jsonl");
        CliRun.Result r = CliRun.run(
                "kb", "export", "--category", "injury_modifications", "-o", "-", "--quarantine", q.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .hasSize(3)
                .allMatch(l -> l.contains("\"category\":\"injury_modifications\""));
        assertThat(r.err()).contains("exported 3").contains("-> stdout");
        noFileNamedDash();
        assertThat(Path.of("kb-export.lint.jsonl")).doesNotExist();
    }

    @Test
    void foldersAndFilesWithSidecarsRefuseDashInOneLine() {
        String[][] refused = {
            {"export", "--target", "together", "--out", "-"},
            {"build", "--out", "-"},
            {"generate", "coach-qa", "--model", "m", "--state", "st", "-o", "-"},
        };
        for (String[] args : refused) {
            CliRun.Result r = CliRun.run(args);
            assertThat(r.code()).as(String.join(" ", args) + r.err()).isEqualTo(ExitCodes.USAGE_OR_IO);
            assertThat(r.err()).contains("- (stdout) is not possible here");
            noFileNamedDash();
        }
    }

    @Test
    void costNamesTheProvidersItKnows() {
        CliRun.Result r = CliRun.run("cost", "--provider", "together", "--examples", "10", "--avg-tokens", "100");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(r.err())
                .contains("no training price for provider \"together\"")
                .contains("known providers: brief")
                .contains("--price-per-1k");
    }
}
