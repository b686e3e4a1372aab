package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.ConfigurationException;
import dev.spotter.Environment;
import dev.spotter.format.Provenance;
import dev.spotter.kb.KbChunk;
import dev.spotter.kb.KbChunks;
import dev.spotter.project.Inventory;
import dev.spotter.project.Project;
import dev.spotter.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's own source kinds: in-process voice synthesis and knowledge-base targets from the kb quota policy. */
class SourceKindsBuildTest {
    @TempDir
    Path dir;

    private static BuildResult build(Path yaml, Path out) {
        return BuildPipeline.builder(ProjectLoader.load(yaml, Environment.empty()))
                .outDir(out)
                .build()
                .run();
    }

    private static Map<String, Integer> have(BuildResult r, String source) {
        Map<String, Integer> m = new TreeMap<>();
        for (Inventory.Row row : r.summary().inventory().rows()) {
            if (row.source().equals(source)) {
                m.put(row.category(), row.have());
            }
        }
        return m;
    }

    @Test
    void synthesizedVoiceMeetsItsTargetAfterDedupAndIsCached() throws Exception {
        Path yaml = dir.resolve("spotter.yaml");
        Files.writeString(yaml, """
                seed: 42
                sources:
                  - {id: rv, kind: synthetic-voice, preset: running-150, category: running_voice, targets: {running_voice: 150}}
                output: {formats: [messages], dir: out}
                """);
        BuildResult r = build(yaml, dir.resolve("out"));
        // the running-150 preset at seed 42 has near-duplicates: the build tops up from the next seed
        assertThat(r.steps().get(0).detail()).contains("150 kept of").contains("2 batches");
        DedupStats dedup = r.summary().dedup();
        assertThat(dedup.input()).isEqualTo(150); // the dedup step saw the synthesized examples
        assertThat(dedup.near() + dedup.exact()).isZero();
        assertThat(have(r, "rv")).containsEntry("running_voice", 150);
        assertThat(r.needs()).isEmpty();
        assertThat(Provenance.parse(Files.readAllLines(dir.resolve("out/provenance/train.jsonl"))
                                .get(0))
                        .built()
                        .file())
                .contains("synth:running-150/seed-42.jsonl");

        BuildResult again = build(yaml, dir.resolve("out"));
        assertThat(again.ran()).containsExactly("accounting");
        // another seed is another set: synthesized again
        Files.writeString(
                yaml, Files.readString(yaml).replace("preset: running-150,", "preset: running-150, seed: 9,"));
        assertThat(build(yaml, dir.resolve("out")).ran()).contains("synth:rv", "ingest:rv");
    }

    @Test
    void knowledgeBaseTargetsComeFromTheQuotaPolicyAndChunkIdsFromTheSidecar() throws Exception {
        List<KbChunk> chunks = KbChunks.sample();
        List<String> data = new ArrayList<>();
        List<String> prov = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            KbChunk c = chunks.get(i);
            data.add("{\"messages\":[{\"role\":\"user\",\"content\":\"question " + i + " about "
                    + c.title().replace("\"", "") + " with some distinct words q" + i + "a q" + i + "b q" + i
                    + "c\"},{\"role\":\"assistant\",\"content\":\"" + grounded(c) + "\"}]}");
            prov.add("{\"line\":" + (i + 1) + ",\"plan\":\"kb\",\"attributes\":{\"source_id\":\"" + c.id() + "\"}}");
        }
        data.add(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"orphan\"},{\"role\":\"assistant\",\"content\":\"x\"}]}");
        prov.add("{\"line\":4,\"attributes\":{\"source_id\":\"no-such-chunk\"}}");
        Files.writeString(dir.resolve("kb.jsonl"), String.join("\n", data) + "\n");
        Files.writeString(dir.resolve("kb.provenance.jsonl"), String.join("\n", prov) + "\n");
        Path yaml = dir.resolve("spotter.yaml");
        Files.writeString(yaml, """
                sources:
                  - {id: kb, kind: knowledge-base, path: kb.jsonl, dbUrlEnv: SPOTTER_TEST_UNSET_KB_URL}
                output: {formats: [messages], dir: out}
                quality: {maxRejectRate: 0.5}
                provider: {name: anthropic, apiKeyEnv: SPOTTER_TEST_FAKE_KEY}
                """);
        Project p = ProjectLoader.load(yaml, Environment.empty());
        assertThat(p.sources().get(0).targetTotal()).isEqualTo(159); // the brief's 23 chunks -> 50+50+30+12+12+5
        assertThat(p.sources().get(0).kb().chunkSource())
                .contains("23-chunk sample")
                .contains("SPOTTER_TEST_UNSET_KB_URL not set");
        BuildResult r = build(yaml, dir.resolve("out"));
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            String cat = dev.spotter.kb.QuotaPolicy.defaults()
                    .forCategory(chunks.get(i).category())
                    .orElseThrow()
                    .name();
            expected.merge(cat, 1, Integer::sum);
        }
        expected.forEach((cat, n) -> assertThat(have(r, "kb")).containsEntry(cat, n));
        assertThat(r.summary().rejectReasons()).containsEntry("unknown_chunk", 1L);
        Inventory.Need n = r.needs().get(0);
        assertThat(n.command())
                .startsWith("spotter kb generate --provider anthropic --api-key-env SPOTTER_TEST_FAKE_KEY")
                // kb.jsonl holds hand-written lines no generation state wrote: the command writes a file of its own
                // and says how the project reads both (generate refuses to replace kb.jsonl)
                .contains(" -o "
                        + Path.of("")
                                .toAbsolutePath()
                                .relativize(dir.resolve("kb.generated.jsonl"))
                                .toString())
                .endsWith("then in spotter.yaml give source kb 'paths: [kb.jsonl, kb.generated.jsonl]'"
                        + " (the lines already in kb.jsonl stay)");
        assertThat(n.needsProvider()).isTrue();
    }

    @Test
    void aDatabaseUrlInTheProjectFileIsRefusedWithoutEchoingIt() {
        String url = "postgresql://u:s3cretpw@db.example:5432/kb";
        assertThatThrownBy(
                        () -> ProjectLoader.parse(dir.resolve("spotter.yaml"), """
                sources:
                  - {id: kb, kind: knowledge-base, path: kb.jsonl, dbUrlEnv: "%s"}
                """.formatted(url), Environment.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("sources[0].dbUrlEnv: must be the NAME of an environment variable")
                .hasMessageNotContaining("s3cretpw");
    }

    @Test
    void theReportShowsTheEvaluationWhenAnEvalResultExists() throws Exception {
        Path yaml = BuildFixture.write(dir);
        Path out = dir.resolve("out");
        BuildResult before = build(yaml, out);
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<h2>Evaluation</h2>")
                .contains("No evaluation result at <code>eval/eval.json</code>");

        // a small eval.json as spotter eval writes it, at the default place <out>/eval/eval.json
        var voice = new dev.spotter.eval.VoiceMetrics(
                new dev.spotter.eval.Rate(10, 9),
                Map.of("weight", new dev.spotter.eval.Rate(10, 8)),
                new dev.spotter.eval.Rate(10, 7));
        var run = new dev.spotter.eval.RunResult(
                "tuned",
                "ft:llama-3.3-70b-spotter",
                Map.of("voice", 10L),
                0,
                null,
                1000,
                200,
                0.01,
                voice,
                null,
                null,
                null,
                null);
        var report = new dev.spotter.eval.EvalReport(
                1,
                "2026-11-26T02:00:00Z",
                "validation.jsonl",
                "validation",
                "http://127.0.0.1:1/v1",
                10,
                10,
                0,
                Map.of(),
                List.of(run),
                List.of(new dev.spotter.eval.Gate("voice_exact", "tuned", true, "70.00% >= 60%")),
                true,
                "2026-11",
                null);
        Files.createDirectories(out.resolve("eval"));
        dev.spotter.eval.EvalReports.writeJson(report, out.resolve("eval/eval.json"));
        BuildResult after = build(yaml, out);
        assertThat(after.ran()).contains("report"); // the eval file is an input of the report step
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html)
                .contains(dev.spotter.eval.EvalReports.htmlFragment(report))
                .contains("ft:llama-3.3-70b-spotter")
                .contains("PASS voice_exact");
        assertThat(before.summary()).isEqualTo(after.summary());

        // eval: in spotter.yaml points elsewhere (project-relative)
        Files.createDirectories(dir.resolve("results"));
        Files.move(out.resolve("eval/eval.json"), dir.resolve("results/e.json"));
        Files.writeString(yaml, Files.readString(yaml) + "eval: results/e.json\n");
        build(yaml, out);
        assertThat(Files.readString(out.resolve("report.html"))).contains("PASS voice_exact");
    }

    /** An answer the build's grounding check accepts: the chunk's first sentence, JSON-escaped. */
    private static String grounded(KbChunk c) {
        String first = c.content().split("(?<=\\.)\\s", 2)[0];
        return first.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
