package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VoiceCommandsTest {
    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        CommandLine cl = SpotterCli.commandLine(dev.spotter.Environment.system());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, cmd, pr) -> {
            cmd.getErr().println("spotter: " + ex.getMessage());
            return ExitCodes.USAGE_OR_IO;
        });
        InputStream oldIn = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(oldIn);
        }
    }

    @Test
    void parseOneUtterance() {
        Run r = run(null, "parse", "RDL three fifteen for five at an eight");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .startsWith("{\"type\":\"strength\",\"exercise_id\":\"romanian-deadlift\"")
                .contains("\"weight\":315", "\"reps\":5", "\"rpe\":8");
    }

    @Test
    void parseWithContextAndUnparsedExitsOne() {
        Run r = run(
                null,
                "parse",
                "same weight for 7",
                "--context",
                "{\"exercise_id\":\"barbell-bench-press\",\"weight\":225,\"weight_unit\":\"lb\",\"reps\":8}");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"weight\":225", "\"reps\":7");
        assertThat(run(null, "parse", "hello there").code()).isEqualTo(ExitCodes.REJECTS);
    }

    @Test
    void jsonlKeepsOrderAndAnswersEveryLine() {
        String in = String.join(
                        "\n",
                        "{\"text\":\"bench 225 for 8\",\"context\":null}",
                        "not json at all",
                        "{\"text\":\"same thing for 6\",\"context\":{\"exercise_name\":\"Barbell Bench Press\",\"weight\":225,\"reps\":8}}",
                        "{\"context\":null}",
                        "{\"text\":\"another set\",\"context\":{\"exercise_name\":\"Zumba\"}}",
                        "{\"text\":\"5 mile run at 8:30 pace\"}")
                + "\n";
        Run r = run(in, "parse", "--jsonl");
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).contains("\"weight\":225", "\"reps\":8");
        assertThat(lines[1])
                .isEqualTo("{\"type\":\"unparsed\",\"reason\":\"input line is not JSON\",\"confidence\":0}");
        assertThat(lines[2]).contains("\"reps\":6", "\"weight\":225");
        assertThat(lines[3]).contains("no \\\"text\\\" string");
        assertThat(lines[4]).contains("bad context");
        assertThat(lines[5]).contains("\"type\":\"cardio\"", "\"pace_s_per_unit\":510");
    }

    @Test
    void auditVoiceReportsAndExitsOneOnDisagreement(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("v.jsonl");
        Files.writeString(
                f,
                String.join(
                                "\n",
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"bench 225 for 8\"},{\"role\":\"assistant\",\"content\":"
                                        + "\"{\\\"exercise_name\\\": \\\"Barbell Bench Press\\\", \\\"weight\\\": 225, \\\"reps\\\": 8}\"}]}",
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"squat 315 for 5\"},{\"role\":\"assistant\",\"content\":"
                                        + "\"{\\\"exercise_name\\\": \\\"Barbell Back Squat\\\", \\\"weight\\\": 315, \\\"reps\\\": 6}\"}]}",
                                "garbage")
                        + "\n");
        Run r = run(null, "audit-voice", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(r.out())
                .contains(
                        "3 lines read, 2 audited, 0 skipped",
                        "1 invalid line left out (invalid_json 1): run spotter validate for details",
                        "100.00% weight / n/a unit / 50.00% reps",
                        f + ":2  reps  label=6  parser=5");
        Run j = run(null, "audit-voice", f.toString(), "--json");
        assertThat(j.out()).contains("\"lines_read\":3", "\"disagreement_count\":1", "\"field\":\"reps\"");
        assertThat(run(null, "audit-voice", dir.resolve("missing.jsonl").toString())
                        .code())
                .isEqualTo(ExitCodes.USAGE_OR_IO);
    }

    @Test
    void synthVoiceWritesDeterministicFiles(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(run(null, "synth-voice", "--preset", "running-150", "--seed", "5", "-o", a.toString())
                        .code())
                .isZero();
        assertThat(run(null, "synth-voice", "--preset", "running-150", "--seed", "5", "-o", b.toString())
                        .code())
                .isZero();
        assertThat(Files.readAllLines(a)).hasSize(150);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        Run bad = run(
                null,
                "synth-voice",
                "--kind",
                "yoga",
                "-o",
                dir.resolve("c.jsonl").toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(bad.err()).contains("--kind must be strength, cardio or mixed");
        // every preset the project file accepts is a CLI preset too (one list: SynthPreset)
        Path c = dir.resolve("d.jsonl");
        assertThat(run(null, "synth-voice", "--preset", "strength", "--seed", "5", "-o", c.toString())
                        .code())
                .isZero();
        assertThat(Files.readAllLines(c)).hasSize(100).allMatch(l -> l.contains("{\\\"type\\\":\\\"strength\\\""));
        Run unknown = run(null, "synth-voice", "--preset", "yoga-30", "-o", c.toString());
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(unknown.err()).contains("unknown --preset 'yoga-30' (known: running-150, strength, cardio, mixed)");
    }

    @Test
    void convertAddReasoningPrefixesAgreeingLabelsOnly(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(
                in,
                String.join(
                                "\n",
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"RDL 315 for 5\"},{\"role\":\"assistant\",\"content\":"
                                        + "\"{\\\"exercise_name\\\": \\\"Romanian Deadlift\\\", \\\"weight\\\": 315, \\\"reps\\\": 5}\"}]}",
                                "{\"messages\":[{\"role\":\"user\",\"content\":\"RDL 315 for 5\"},{\"role\":\"assistant\",\"content\":"
                                        + "\"{\\\"exercise_name\\\": \\\"Romanian Deadlift\\\", \\\"weight\\\": 335, \\\"reps\\\": 5}\"}]}")
                        + "\n");
        Run r = run(null, "convert", in.toString(), "--to", "messages", "-o", out.toString(), "--add-reasoning");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("reasoning: added to 1 assistant turns; 1 left without");
        var lines = Files.readAllLines(out);
        assertThat(lines.get(0)).contains("Reasoning: 'rdl' \u2192 Romanian Deadlift;");
        assertThat(lines.get(1)).doesNotContain("Reasoning:");
    }
}
