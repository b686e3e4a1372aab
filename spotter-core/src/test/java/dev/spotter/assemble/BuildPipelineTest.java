package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.Environment;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.Provenance;
import dev.spotter.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildPipelineTest {
    @TempDir
    Path dir;

    private BuildResult build(Path projectFile, Path out) {
        return BuildPipeline.builder(ProjectLoader.load(projectFile, Environment.empty()))
                .outDir(out)
                .build()
                .run();
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p);
    }

    /** Issue 12 item 3: the folder a user pushes to the Hub holds only data, card, report and provenance. */
    @Test
    void theDatasetFolderHoldsOnlyWhatMayBeUploaded() throws Exception {
        Path yaml = BuildFixture.write(dir);
        Path out = dir.resolve("out");
        // what an older build left inside the folder (raw quarantine, unscrubbed state) is removed
        Files.createDirectories(out.resolve(".state/ingest"));
        Files.writeString(out.resolve(".state/ingest/a.jsonl"), "jo.doe@example.com\n");
        Files.writeString(out.resolve("quarantine.jsonl"), "{\"raw\":\"jo.doe@example.com\"}\n");
        BuildResult r = build(yaml, out);
        Map<String, byte[]> uploaded = files(out);
        assertThat(uploaded.keySet())
                .allSatisfy(
                        f -> assertThat(f)
                                .matches(
                                        "(messages|provenance)/(train|validation)\\.jsonl|README\\.md|report\\.html|summary\\.json"));
        for (Map.Entry<String, byte[]> e : uploaded.entrySet()) {
            String text = new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).as(e.getKey()).doesNotContain("jo.doe@example.com").doesNotContain("555-0198");
        }
        // the quarantine, logs and state are in the sibling state directory, and the card says where
        Path state = dir.resolve("out.state");
        assertThat(r.layout().stateDir()).isEqualTo(state.toAbsolutePath().normalize());
        assertThat(state.resolve("quarantine.jsonl")).content().contains("\"reason\":\"invalid_json\"");
        assertThat(state.resolve("dedup-log.jsonl")).exists();
        assertThat(state.resolve("leakage-log.jsonl")).exists();
        assertThat(state.resolve("state.json")).exists();
        assertThat(out.resolve("README.md")).content().contains("the build keeps them in `../out.state/`");

        // configurable, and never inside the dataset folder
        BuildResult elsewhere = BuildPipeline.builder(ProjectLoader.load(yaml, Environment.empty()))
                .outDir(dir.resolve("o2"))
                .stateDir(dir.resolve("private/st"))
                .build()
                .run();
        assertThat(dir.resolve("private/st/quarantine.jsonl")).exists();
        assertThat(elsewhere.summary().stateDir()).isEqualTo("../private/st");
        assertThatThrownBy(() -> BuildPipeline.builder(ProjectLoader.load(yaml, Environment.empty()))
                        .outDir(dir.resolve("o3"))
                        .stateDir(dir.resolve("o3/.state"))
                        .build())
                .hasMessageContaining("is inside the dataset folder");
    }

    @Test
    void everyInputLineEndsInExactlyOnePlace() throws Exception {
        Path yaml = BuildFixture.write(dir);
        BuildResult r = build(yaml, dir.resolve("out"));
        Path out = r.outDir();
        assertThat(r.accountingOk()).isTrue();
        AccountingStats acc = r.summary().accounting();
        assertThat(acc.read()).isEqualTo(BuildFixture.read());
        assertThat(acc.quarantined()).isEqualTo(BuildFixture.BROKEN);
        // 2 exact in a, 1 exact across sources (b's copy of a:1), 1 near
        assertThat(r.summary().dedup().exact()).isEqualTo(3);
        assertThat(r.summary().dedup().near()).isEqualTo(1);
        int train = lines(out.resolve("messages/train.jsonl")).size();
        int val = lines(out.resolve("messages/validation.jsonl")).size();
        assertThat(train + val + 3 + 4).isEqualTo(BuildFixture.read());
        assertThat(lines(out.resolve("provenance/train.jsonl"))).hasSize(train);
        assertThat(lines(out.resolve("provenance/validation.jsonl"))).hasSize(val);
        assertThat(lines(r.layout().quarantine()))
                .hasSize(3)
                .anySatisfy(l ->
                        assertThat(l).contains("\"reason\":\"invalid_json\"").contains("\"line\":86"))
                .anySatisfy(l -> assertThat(l).contains("\"reason\":\"blank_line\""))
                .anySatisfy(l -> assertThat(l).contains("\"reason\":\"example_missing_assistant_message\""));
        // keep rule: the earlier source's copy survives, b's duplicate is logged against a's line 1
        assertThat(lines(r.layout().dedupLog()))
                .anySatisfy(
                        l -> assertThat(l).contains("\"id\":\"b:b.jsonl:13\"").contains("\"keptId\":\"a:a.jsonl:1\""));
        assertThat(r.rejected()).isEqualTo(3);
    }

    @Test
    void uploadFilesCarryOnlyMessagesAndProvenanceLinesUp() throws Exception {
        Path out = build(BuildFixture.write(dir), dir.resolve("out")).outDir();
        List<String> train = lines(out.resolve("messages/train.jsonl"));
        List<String> prov = lines(out.resolve("provenance/train.jsonl"));
        for (int i = 0; i < train.size(); i++) {
            JsonNode n = Jsonl.MAPPER.readTree(train.get(i));
            assertThat(n.size()).as("only the messages column").isEqualTo(1);
            assertThat(n.has("messages")).isTrue();
            Provenance p = Provenance.parse(prov.get(i));
            assertThat(p.line()).isEqualTo(i + 1);
            assertThat(p.built().id()).startsWith(p.built().source() + ":");
        }
        String all = Files.readString(out.resolve("messages/train.jsonl"))
                + Files.readString(out.resolve("messages/validation.jsonl"));
        assertThat(all)
                .doesNotContain("jo.doe@example.com")
                .doesNotContain("555-0198")
                .contains("email me at [EMAIL] about squat 225 for 8")
                .contains("call [PHONE] after my 5 mile run at 8:30 pace");
        assertThat(all).doesNotContain("\"category\"");
        assertThat(Files.readString(out.resolve("provenance/train.jsonl"))
                        + Files.readString(out.resolve("provenance/validation.jsonl")))
                .contains("\"pii\":{\"email\":1}")
                .contains("\"pii\":{\"phone\":1}");
    }

    @Test
    void splitIsStratifiedAndHasNoNearDuplicatePairAcrossIt() throws Exception {
        BuildResult r = build(BuildFixture.write(dir), dir.resolve("out"));
        Path out = r.outDir();
        // the fixture's 40 pairs (true Jaccard 0.74: kept by dedup, leakage across a split) are grouped before the
        // split; the estimate's noise (about ±0.04 at 128 permutations) leaves a few below 0.7 ungrouped
        assertThat(r.summary().split().nearDuplicateGroupMembers()).isGreaterThanOrEqualTo(30);
        Map<String, String> side = new TreeMap<>();
        for (String split : List.of("train", "validation")) {
            for (String l : lines(out.resolve("provenance/" + split + ".jsonl"))) {
                side.put(Provenance.parse(l).built().id(), split);
            }
        }
        int together = 0;
        int pairsInValidation = 0;
        for (int f = 0; f < 40; f++) {
            String first = side.get("a:a.jsonl:" + (2 * f + 1));
            if (first.equals(side.get("a:a.jsonl:" + (2 * f + 2)))) {
                together++;
                pairsInValidation += "validation".equals(first) ? 1 : 0;
            }
        }
        // independent placement at 20% validation would keep only ~68% of pairs together (0.8² + 0.2²)
        assertThat(together).isGreaterThanOrEqualTo(33);
        assertThat(pairsInValidation).isPositive();
        assertThat(lines(r.layout().leakageLog())).hasSize(r.summary().split().leakageMoved());
        MinHasher h = new MinHasher(128, true, 3);
        List<long[]> trainSigs = new ArrayList<>();
        for (String l : lines(out.resolve("messages/train.jsonl"))) {
            trainSigs.add(h.signature(Text.nearKey(ChatJson.parse(l))));
        }
        List<String> val = lines(out.resolve("messages/validation.jsonl"));
        assertThat(val).isNotEmpty();
        for (String l : val) {
            long[] s = h.signature(Text.nearKey(ChatJson.parse(l)));
            for (long[] t : trainSigs) {
                // full 64-bit estimate; the index's 8-bit estimate may differ by a few hundredths
                assertThat(MinHasher.similarity(s, t)).isLessThan(0.7 + 0.06);
            }
        }
        // every stratum with enough examples has validation examples, small ones have none
        Map<String, long[]> strata = new TreeMap<>();
        for (WriteStats.Stratum st : r.summary().output().strata()) {
            strata.put(st.source() + "/" + st.category(), new long[] {st.train(), st.validation()});
        }
        assertThat(strata).containsOnlyKeys("a/strength", "a/cardio", "b/kb");
        strata.values().forEach(v -> assertThat(v[1]).isPositive());
    }

    @Test
    void sameInputsAndSeedGiveByteIdenticalOutputs() throws Exception {
        Path yaml = BuildFixture.write(dir);
        // same folder name in two places: the card names the state directory relative to the folder
        Path o1 = build(yaml, dir.resolve("r1/out")).outDir();
        Path o2 = build(yaml, dir.resolve("r2/out")).outDir();
        Map<String, byte[]> f1 = files(o1);
        Map<String, byte[]> f2 = files(o2);
        assertThat(f1.keySet())
                .isEqualTo(f2.keySet())
                .contains("messages/train.jsonl", "README.md", "report.html", "summary.json");
        assertThat(files(DatasetLayout.defaultStateDir(o1)).get("state.json"))
                .isEqualTo(files(DatasetLayout.defaultStateDir(o2)).get("state.json"));
        for (String k : f1.keySet()) {
            assertThat(f2.get(k)).as(k).isEqualTo(f1.get(k));
        }
        // and a different seed gives a different split
        Files.writeString(yaml, Files.readString(yaml).replace("seed: 7", "seed: 8"));
        Path o3 = build(yaml, dir.resolve("o3")).outDir();
        assertThat(Files.readAllBytes(o3.resolve("messages/validation.jsonl")))
                .isNotEqualTo(f1.get("messages/validation.jsonl"));
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void rerunsOnlyWhatChanged() throws Exception {
        Path yaml = BuildFixture.write(dir);
        Path out = dir.resolve("out");
        BuildResult first = build(yaml, out);
        assertThat(first.ran())
                .containsExactly(
                        "ingest:a",
                        "ingest:b",
                        "dedup",
                        "scrub",
                        "split",
                        "write",
                        "accounting",
                        "trainer-check",
                        "report");

        BuildResult again = build(yaml, out);
        assertThat(again.ran()).containsExactly("accounting");
        assertThat(again.summary()).isEqualTo(first.summary());

        // add one source: only it is ingested; the merged steps after it run again
        Files.writeString(
                dir.resolve("c.jsonl"),
                BuildFixture.line("brand new question about rowing technique", "answer", "c") + "\n");
        Files.writeString(
                yaml,
                BuildFixture.yaml(
                        "  - {id: c, kind: jsonl, path: c.jsonl, categoryField: category, targets: {c: 1}}\n"));
        BuildResult added = build(yaml, out);
        assertThat(added.ran())
                .containsExactly(
                        "ingest:c", "dedup", "scrub", "split", "write", "accounting", "trainer-check", "report");
        assertThat(added.summary().accounting().read()).isEqualTo(BuildFixture.read() + 1);

        // change only the split: ingest, dedup and scrub are reused
        Files.writeString(yaml, Files.readString(yaml).replace("validation: 0.2", "validation: 0.25"));
        assertThat(build(yaml, out).ran()).containsExactly("split", "write", "accounting", "report");

        // a damaged output is noticed and rebuilt
        Files.writeString(out.resolve("messages/train.jsonl"), "tampered\n");
        BuildResult repaired = build(yaml, out);
        assertThat(repaired.ran()).containsExactly("write", "accounting");
        assertThat(repaired.accountingOk()).isTrue();
    }

    @Test
    void accountingCatchesALostRecord() throws Exception {
        Path yaml = BuildFixture.write(dir);
        Path out = dir.resolve("out");
        build(yaml, out);
        // simulate a writer bug: drop one provenance line and one upload line after the fact, keep sizes plausible
        List<String> prov = lines(out.resolve("provenance/validation.jsonl"));
        Files.write(out.resolve("provenance/validation.jsonl"), prov.subList(1, prov.size()));
        BuildPipeline p = BuildPipeline.builder(ProjectLoader.load(yaml, Environment.empty()))
                .outDir(out)
                .build();
        // the state still matches by key, but the size check forces the write step to run again and repair it
        BuildResult r = p.run();
        assertThat(r.ran()).contains("write");
        assertThat(r.accountingOk()).isTrue();
    }

    @Test
    void cardAndReportAreSelfContained() throws Exception {
        Path out = build(BuildFixture.write(dir), dir.resolve("out")).outDir();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg")
                .contains("Examples per category vs target")
                .contains("Token length per example")
                .contains("Rejected lines by reason")
                .contains("invalid_json")
                .contains("Duplicate clusters")
                .contains("Accounting complete");
        assertThat(html)
                .doesNotContain("http:")
                .doesNotContain("https:")
                .doesNotContain("<script")
                .doesNotContain("src=")
                .doesNotContain("@import")
                .doesNotContain("url(");
        String card = Files.readString(out.resolve("README.md"));
        assertThat(card)
                .startsWith("---\npretty_name: \"fixture\"\nlicense: \"other\"\n")
                .contains("task_categories:\n- text-generation")
                .contains("size_categories:\n- n<1K")
                .contains("- config_name: messages")
                .contains("    path: messages/train.jsonl")
                .contains("## Sources")
                .contains("## Counts and categories")
                .contains("## Token statistics")
                .contains("## License")
                .contains("## Known limitations")
                .contains("| a | strength |");
    }

    @Test
    void everyFormatIsWrittenInTheSameOrderAndTheUploadFilesRevalidate() throws Exception {
        Path yaml = BuildFixture.write(dir);
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("formats: [messages]", "formats: [messages, llama3-text, prompt-completion]"));
        BuildResult r = build(yaml, dir.resolve("out"));
        assertThat(r.accountingOk()).isTrue();
        Path out = r.outDir();
        List<String> msgs = lines(out.resolve("messages/train.jsonl"));
        List<String> text = lines(out.resolve("llama3-text/train.jsonl"));
        List<String> pc = lines(out.resolve("prompt-completion/train.jsonl"));
        assertThat(text).hasSameSizeAs(msgs);
        assertThat(pc).hasSameSizeAs(msgs);
        Llama33Template t = Llama33Template.defaults();
        for (int i = 0; i < msgs.size(); i++) {
            ChatExample ex = ChatJson.parse(msgs.get(i));
            assertThat(Jsonl.MAPPER.readTree(text.get(i)).path("text").asText())
                    .isEqualTo(t.render(ex))
                    .startsWith("<|begin_of_text|>");
            JsonNode p = Jsonl.MAPPER.readTree(pc.get(i));
            assertThat(p.path("prompt").asText() + p.path("completion").asText())
                    .isEqualTo(t.render(ex));
            assertThat(p.size()).isEqualTo(2);
        }
        // round trip: the foundation's validator accepts every upload line (no extra columns, valid chat)
        ChatValidator v = ChatValidator.builder().noTokenLimit().build();
        for (String l : msgs) {
            assertThat(v.check(l)).isEmpty();
        }
    }

    @Test
    void anOutputDirectoryContainingTheProjectIsRefused() throws Exception {
        Path yaml = BuildFixture.write(dir);
        assertThatThrownBy(() -> BuildPipeline.builder(ProjectLoader.load(yaml, Environment.empty()))
                        .outDir(dir)
                        .build())
                .hasMessageContaining("contains the project");
    }

    @Test
    void needsNameTheMissingCategoriesAndTheCommand() throws Exception {
        BuildResult r = build(BuildFixture.write(dir), dir.resolve("out"));
        // a has more than its targets; b (12 distinct examples, target 20) is short by 8
        assertThat(r.needs())
                .extracting(n -> n.source() + "/" + n.category() + " " + n.missing())
                .containsExactly("b/kb 8");
        assertThat(r.needs().get(0).command()).startsWith("put the JSONL file(s) at the source's paths");
        assertThat(r.needs().get(0).needsProvider()).isFalse();
    }
}
