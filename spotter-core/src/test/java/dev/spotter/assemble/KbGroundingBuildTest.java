package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 2: the build runs the kb area's grounding check on knowledge-base sources. */
class KbGroundingBuildTest {
    private static final Path SAMPLE = Path.of("examples/assemble/kb/kb_qa.jsonl");
    private static final Path SIDECAR = Path.of("examples/assemble/kb/kb_qa.provenance.jsonl");

    @TempDir
    Path dir;

    private BuildResult build(List<String> lines) throws Exception {
        Files.write(dir.resolve("kb.jsonl"), lines);
        Files.copy(SIDECAR, dir.resolve("kb.provenance.jsonl"));
        Files.writeString(dir.resolve("spotter.yaml"), """
                name: kb-grounding
                sources:
                  - {id: kb, kind: knowledge-base, path: kb.jsonl}
                quality: {maxRejectRate: 0.5}
                output: {formats: [messages], dir: out}
                """);
        return BuildPipeline.builder(ProjectLoader.load(dir.resolve("spotter.yaml"), Environment.empty()))
                .build()
                .run();
    }

    @Test
    void anUngroundedAnswerIsQuarantinedAndTheBundledSampleIsGrounded() throws Exception {
        List<String> sample = Files.readAllLines(SAMPLE);
        BuildResult clean = build(sample);
        assertThat(clean.summary().sources().get(0).accepted()).isEqualTo(sample.size());
        assertThat(clean.rejected()).isZero();

        // line 2's answer replaced by advice the chunk (the MVQ primary-goal question) does not give
        List<String> bad = new ArrayList<>(sample);
        bad.set(
                1,
                bad.get(1)
                        .replaceAll(
                                "\"role\":\"assistant\",\"content\":\"[^\"]*\"",
                                "\"role\":\"assistant\",\"content\":\"Drink celery juice every morning and sleep on a magnetic"
                                        + " mattress; crystals align your energy.\""));
        Files.delete(dir.resolve("kb.provenance.jsonl"));
        BuildResult r = build(bad);
        assertThat(r.summary().sources().get(0).reasons()).containsEntry("ungrounded", 1L);
        assertThat(Files.readString(r.layout().quarantine()))
                .contains("\"reason\":\"ungrounded\"")
                .contains("\"line\":2")
                .contains("answer ignores the chunk");
        assertThat(r.accountingOk()).isTrue();
    }
}
