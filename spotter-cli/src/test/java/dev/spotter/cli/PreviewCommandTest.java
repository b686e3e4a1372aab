package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
    @TempDir
    Path dir;

    private Path built() throws Exception {
        return built("");
    }

    /** The build of 12 examples plus {@code extra} lines; its output is checked by the caller. */
    private CliRun.Result build(String extra) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append("{\"category\":\"")
                    .append(i % 2 == 0 ? "qa" : "tips")
                    .append("\",\"messages\":[{\"role\":\"user\",\"content\":\"question ")
                    .append(i * 7919)
                    .append(" about squats\"},{\"role\":\"assistant\",\"content\":\"answer_")
                    .append(i)
                    .append(" rest 90 s\"}]}\n");
        }
        Files.writeString(dir.resolve("d.jsonl"), sb + extra);
        Files.writeString(dir.resolve("spotter.yaml"), """
                name: preview-test
                sources:
                  - {id: d, kind: jsonl, path: d.jsonl, categoryField: category, targets: {qa: 6, tips: 6}}
                output: {dir: out}
                """);
        return CliRun.run("build", "--project", dir.resolve("spotter.yaml").toString());
    }

    private Path built(String extra) throws Exception {
        CliRun.Result r = build(extra);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return dir.resolve("out");
    }

    static final String WEIGHT_0 = "{\"category\":\"qa\",\"messages\":[{\"role\":\"user\",\"content\":\"log"
            + " bench 100 x 5\"},{\"role\":\"assistant\",\"content\":\"logged\",\"weight\":0}]}\n";

    @Test
    void showsTheTrainedTokensPerCategoryAndCountsWarnings() throws Exception {
        Path out = built();
        CliRun.Result r = CliRun.run("preview", "--target", "together", "--dataset", out.toString(), "--no-color");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("== qa · together")
                .contains("== tips · together")
                .containsPattern("<\\|end_header_id\\|>\\n\\n\\[\\[answer_\\d+ rest 90 s<\\|eot_id\\|>]]")
                .contains("warnings: zero_trainable_tokens 0, truncated 0, double_bos 0");
    }

    @Test
    void anExampleWithNothingToTrainIsAWarningTheBuildPrintsAndPreviewExitsOne() throws Exception {
        CliRun.Result b = build(WEIGHT_0);
        assertThat(b.code()).as(b.err()).isZero(); // a warning, not a failure
        String out = dir.resolve("out").toString();
        assertThat(b.out())
                .contains("warning: together: 1 example with zero trainable tokens (the trainer learns nothing from"
                        + " them) (first: d:d.jsonl:13; see spotter preview --target together --dataset " + out + ")")
                .contains("warning: bedrock: 1 example with a weight-0 turn this target trains anyway");
        CliRun.Result r = CliRun.run("preview", "--target", "openai", "--dataset", out, "--no-color");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("zero_trainable_tokens 1").contains("zero_trainable_tokens: d:d.jsonl:13");
        // with --train-on all (as spotter convert would write it) the answer is trained again
        CliRun.Result all =
                CliRun.run("preview", "--target", "openai", "--dataset", out, "--no-color", "--train-on", "all");
        assertThat(all.out()).contains("zero_trainable_tokens 0");
    }

    @Test
    void previewAppliesTheExportsLimitsAndSettings() throws Exception {
        Path out = built();
        // export applies no token limit for fireworks: neither does preview (CLI trial F29)
        CliRun.Result f = CliRun.run("preview", "--target", "fireworks", "--dataset", out.toString(), "--no-color");
        assertThat(f.out()).contains("no token limit known").contains("truncated 0");
        // Together with train_on_inputs true trains the user turns too
        CliRun.Result t = CliRun.run(
                "preview",
                "--target",
                "together",
                "--dataset",
                out.toString(),
                "--no-color",
                "--per-category",
                "1",
                "--train-on-inputs",
                "true");
        assertThat(t.out()).containsPattern("\\n\\n\\[\\[question \\d+ about squats<\\|eot_id\\|>");
    }
}
