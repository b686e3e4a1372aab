package dev.spotter.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 7: a synthesized running-voice source whose examples collide with an earlier voice source still
 * meets its target after the build's dedup (the synthesizer dedups against the earlier sources with the build's
 * measure), and the hint for a synthesized source is a command that works as printed and names the path the project
 * then reads.
 */
class SynthHintTest {
    @TempDir
    Path dir;

    private Path project(String extra) throws Exception {
        Path yaml = dir.resolve("spotter.yaml");
        Files.writeString(yaml, """
                name: synth-hint
                sources:
                  - {id: voice, kind: jsonl, path: v.jsonl, category: running_voice, targets: {running_voice: 60}}
                  - {id: running-voice, kind: synthetic-voice, preset: running-150, seed: 42, category: running_voice,\
                 targets: {running_voice: 150}%s}
                output: {dir: out}
                """.formatted(extra));
        return yaml;
    }

    @Test
    void aSynthesizedSourceMeetsItsTargetDespiteCollisionsAndItsHintWorksAsPrinted() throws Exception {
        // the earlier source holds 60 of the very examples the synthesizer draws first (same preset and seed)
        CliRun.Result synth = CliRun.run("synth-voice", "--preset", "running-150", "--seed", "42", "-o", "-");
        assertThat(synth.code()).isZero();
        Files.write(dir.resolve("v.jsonl"), synth.out().lines().limit(60).toList());
        Path yaml = project("");
        CliRun.Result build = CliRun.run("build", "--project", yaml.toString());
        assertThat(build.code()).as(build.out() + build.err()).isZero();
        assertThat(build.out())
                .contains("ingest:running-voice   ran    150 read, 150 accepted")
                .contains("OK: 210 read") // 60 + 150
                .containsPattern("synth:running-voice +ran +preset running-150 seed 42: 150 kept of \\d+ drawn")
                .doesNotContain("running-voice: ");
        assertThat(Files.readAllLines(dir.resolve("out/messages/train.jsonl")).size()
                        + Files.readAllLines(dir.resolve("out/messages/validation.jsonl"))
                                .size())
                .as("no synthesized example was dropped by the build's dedup (1 near duplicate within v.jsonl was)")
                .isEqualTo(209);

        // the hint for a synthesized source that is still short: run it as printed, then the project reads the file
        Project p = ProjectLoader.load(yaml, Environment.empty());
        SourceSpec rv = p.sources().get(1);
        String hint = Inventory.synthesizedHint(p, rv);
        String command = hint.substring(0, hint.indexOf("  then"));
        assertThat(hint).contains("'path: voice/running-voice.jsonl'");
        List<String> args = Arrays.asList(command.split(" "));
        assertThat(args.get(0)).isEqualTo("spotter");
        CliRun.Result ran = CliRun.run(args.subList(1, args.size()).toArray(String[]::new));
        assertThat(ran.code()).as(ran.err()).isZero();
        assertThat(dir.resolve("voice/running-voice.jsonl")).exists();
        Files.writeString(yaml, Files.readString(project(", path: voice/running-voice.jsonl")));
        CliRun.Result again = CliRun.run("build", "--project", yaml.toString());
        assertThat(again.out()).contains("ingest:running-voice   ran    300 read");
    }
}
