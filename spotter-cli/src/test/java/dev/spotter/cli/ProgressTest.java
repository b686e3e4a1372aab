package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.kernel.ProgressEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 1: one progress display for validate, convert, stats, synth-voice and build. Off a terminal (as
 * here) nothing extra is printed by default; {@code --progress} prints plain lines to stderr, never to stdout.
 */
class ProgressTest {
    @TempDir
    Path dir;

    private static final String LINE = "{\"messages\":[{\"role\":\"user\",\"content\":\"how"
            + " many rest days %d\"},{\"role\":\"assistant\",\"content\":\"Two a week for answer %d.\"}]}\n";

    private Path data(int n) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(LINE.formatted(i, i * 7919));
        }
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void dataCommandsPrintNothingExtraByDefaultAndProgressLinesOnlyToStderr() throws Exception {
        String f = data(40).toString();
        String[][] commands = {
            {"validate", f},
            {"stats", f},
            {"convert", f, "--to", "messages", "-o", "-"},
            {"synth-voice", "--count", "20", "-o", dir.resolve("s.jsonl").toString()},
        };
        for (String[] c : commands) {
            CliRun.Result plain = CliRun.run(c);
            assertThat(plain.code()).as(String.join(" ", c) + plain.err()).isZero();
            String[] withProgress = java.util.Arrays.copyOf(c, c.length + 1);
            withProgress[c.length] = "--progress";
            CliRun.Result shown = CliRun.run(withProgress);
            assertThat(shown.code()).isZero();
            assertThat(shown.out())
                    .as("stdout unchanged by --progress: " + c[0])
                    .isEqualTo(plain.out());
            assertThat(shown.err()).as(c[0]).contains(c[0] + " ").contains("done in");
            assertThat(plain.err())
                    .as("no progress off a terminal without --progress: " + c[0])
                    .doesNotContain("done in");
        }
        CliRun.Result v = CliRun.run("validate", f, "--progress");
        assertThat(v.err()).contains("validate " + f + ": 40 lines, 5.1 kB of 5.1 kB");
        assertThat(CliRun.run("validate", f).err()).isEmpty();
    }

    @Test
    void buildShowsTheIngestPerFileWithProgress() throws Exception {
        data(30);
        Files.writeString(dir.resolve("spotter.yaml"), """
                name: progress-test
                sources:
                  - {id: d, kind: jsonl, path: d.jsonl, category: qa, targets: {qa: 30}}
                output: {dir: out}
                """);
        String p = dir.resolve("spotter.yaml").toString();
        CliRun.Result shown = CliRun.run("build", "--project", p, "--progress");
        assertThat(shown.code()).as(shown.out() + shown.err()).isZero();
        assertThat(shown.err()).contains("ingest d.jsonl: 30 lines").doesNotContain("\r");
        assertThat(shown.out()).doesNotContain("ingest d.jsonl: 30 lines");
    }

    @Test
    void aLiveLineIsRedrawnInPlaceWithRateAndEta() {
        StringWriter w = new StringWriter();
        ProgressRenderer r =
                new ProgressRenderer(new PrintWriter(w), ProgressRenderer.Mode.LIVE, Duration.ofSeconds(5));
        r.update(new ProgressEvent("validate v.jsonl", "lines", 100, -1, 1_000_000, 4_000_000, null, false));
        r.update(new ProgressEvent("validate v.jsonl", "lines", 400, -1, 4_000_000, 4_000_000, null, true));
        assertThat(w.toString())
                .startsWith("\r\033[2Kvalidate v.jsonl: 100 lines, 1.0 MB of 4.0 MB (25%)")
                .contains("ETA ")
                .contains("\r\033[2Kvalidate v.jsonl: 400 lines, 4.0 MB of 4.0 MB")
                .endsWith("\n");
        assertThat(ProgressRenderer.line(
                        new ProgressEvent("v", "lines", 250, -1, 250, 1000, null, false), Duration.ofSeconds(10)))
                .isEqualTo("v: 250 lines, 0.3 kB of 1.0 kB (25%), 25 lines/s, ETA 0:30");
        assertThat(ProgressRenderer.line(
                        ProgressEvent.counting("s", "examples", 50, 100, false), Duration.ofSeconds(5)))
                .isEqualTo("s: 50/100 examples (50%), 10 examples/s, ETA 0:05");
    }

    @Test
    void offPrintsNothing() {
        StringWriter w = new StringWriter();
        ProgressRenderer r = new ProgressRenderer(new PrintWriter(w), ProgressRenderer.Mode.OFF, Duration.ofSeconds(5));
        assertThat(r.listener()).isSameAs(dev.spotter.kernel.ProgressListener.NONE);
        r.update(ProgressEvent.counting("s", "examples", 1, 1, true));
        assertThat(w.toString()).isEmpty();
    }
}
