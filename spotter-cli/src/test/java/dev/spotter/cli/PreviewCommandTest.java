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
        Files.writeString(dir.resolve("d.jsonl"), sb);
        Files.writeString(dir.resolve("spotter.yaml"), """
                name: preview-test
                sources:
                  - {id: d, kind: jsonl, path: d.jsonl, categoryField: category, targets: {qa: 6, tips: 6}}
                output: {dir: out}
                """);
        assertThat(CliRun.run("build", "--project", dir.resolve("spotter.yaml").toString())
                        .code())
                .isZero();
        return dir.resolve("out");
    }

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
    void anExampleOverTheLimitIsAWarningAndExitsOne() throws Exception {
        Path out = built();
        CliRun.Result r = CliRun.run(
                "preview", "--target", "openai", "--dataset", out.toString(), "--max-tokens", "12", "--no-color");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("truncated \\d+").doesNotContain("truncated 0");
    }
}
