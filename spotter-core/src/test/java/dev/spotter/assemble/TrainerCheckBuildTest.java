package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.Environment;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Provenance;
import dev.spotter.kernel.Html;
import dev.spotter.project.ProjectLoader;
import dev.spotter.train.export.Target;
import dev.spotter.train.export.TokenPreview;
import dev.spotter.train.export.TrainRule;
import dev.spotter.train.export.TrainerPreview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's trainer check and report.html's token streams, on a project with an answer of weight 0 (nothing to
 * train for the chat targets), an example over axolotl's 8,192 tokens and markup in a user turn.
 */
class TrainerCheckBuildTest {
    static final String MARKUP = "deadlift <img src=x onerror=alert(1)> & 'rest'";

    @TempDir
    static Path dir;

    static BuildResult result;
    static String html;

    @BeforeAll
    static void buildOnce() throws Exception {
        BuildFixture.write(dir);
        String weight0 = "{\"category\":\"w\",\"messages\":[{\"role\":\"user\",\"content\":\"log 100 kg x 5\"},"
                + "{\"role\":\"assistant\",\"content\":\"logged\",\"weight\":0}]}";
        Files.writeString(
                dir.resolve("c.jsonl"),
                weight0 + "\n" + BuildFixture.line(MARKUP, "logged: deadlift", "w") + "\n"
                        + BuildFixture.line(BuildFixture.words(7, 3000), "long one", "long") + "\n");
        Files.writeString(
                dir.resolve("spotter.yaml"),
                BuildFixture.yaml("  - {id: c, kind: jsonl, path: c.jsonl, categoryField: category,"
                        + " targets: {w: 2, long: 1}}\n"));
        result = BuildPipeline.builder(ProjectLoader.load(dir.resolve("spotter.yaml"), Environment.empty()))
                .outDir(dir.resolve("out"))
                .build()
                .run();
        html = Files.readString(dir.resolve("out/report.html"));
    }

    @Test
    void summaryCountsEqualADirectScanOfTheUploadFiles() throws Exception {
        TrainerStats t = result.summary().trainer();
        JsonNode json =
                Jsonl.MAPPER.readTree(dir.resolve("out/summary.json").toFile()).get("trainer");
        assertThat(json.get("examples").asLong()).isEqualTo(t.examples());
        DatasetLayout l = result.layout();
        for (TrainerStats.TargetCheck c : t.targets()) {
            TrainRule rule = TrainRule.of(Target.parse(c.target()));
            Map<String, Long> direct = new LinkedHashMap<>();
            TokenPreview.WARNINGS.forEach(w -> direct.put(w, 0L));
            Map<String, Long> brute = new LinkedHashMap<>(direct);
            for (String split : DatasetLayout.SPLITS) {
                TrainerPreview p = TrainerPreview.scan(rule, l.split("messages", split), l.provenance(split), 0);
                p.warnings().forEach((w, n) -> direct.merge(w, n, Long::sum));
                // and tokenizing every example, without the recorded lengths
                for (String line : Files.readAllLines(l.split("messages", split))) {
                    TokenPreview.of(rule, ChatJson.parse(line)).warnings().forEach(w -> brute.merge(w, 1L, Long::sum));
                }
            }
            assertThat(c.warnings()).as(c.target()).isEqualTo(direct).isEqualTo(brute);
            JsonNode jw = json.get("targets").get(t.targets().indexOf(c)).get("warnings");
            direct.forEach((w, n) ->
                    assertThat(jw.get(w).asLong()).as(c.target() + " " + w).isEqualTo(n));
        }
        Map<String, TrainerStats.TargetCheck> by = new LinkedHashMap<>();
        t.targets().forEach(c -> by.put(c.target(), c));
        assertThat(by.get("together").warnings().get("zero_trainable_tokens")).isEqualTo(1);
        assertThat(by.get("openai").firstExamples().get("zero_trainable_tokens"))
                .containsExactly("c:c.jsonl:1");
        assertThat(by.get("bedrock").warnings().get("weight_ignored")).isEqualTo(1);
        assertThat(by.get("axolotl").warnings().get("truncated")).isEqualTo(1);
        assertThat(by.get("together").warnings().get("truncated")).isZero();
        assertThat(by.get("fireworks").limit()).isZero();
    }

    @Test
    void theBuildSaysWhereToLook() {
        List<String> lines = result.summary().trainer().warningLines("OUT");
        assertThat(lines)
                .contains("warning: together: 1 example with zero trainable tokens (the trainer learns nothing from"
                        + " them) (first: c:c.jsonl:1; see spotter preview --target together --dataset OUT)")
                .anyMatch(x -> x.startsWith("warning: axolotl: 1 example over its 8,192-token limit"));
        assertThat(result.steps())
                .anyMatch(s -> s.name().equals("trainer-check") && s.detail().contains("together"));
    }

    /** The page's text of some markup: tags removed, entities kept. */
    private static String text(String markup) {
        return markup.replaceAll("<[^>]+>", "");
    }

    @Test
    void theReportShowsTheTokenStreamWithTrainedTokensMarked() throws Exception {
        String section = html.substring(html.indexOf("<h2 id=\"trainer\">"), html.indexOf("<h2>Rejected lines"));
        // the user's markup is text, token by token, and never in a trained run
        assertThat(section).doesNotContain("<img");
        String stream = section.substring(section.indexOf("data-id=\"c:c.jsonl:2\""));
        stream = stream.substring(0, stream.indexOf("</div>\n</div>"));
        String user = stream.substring(stream.indexOf(">user<"), stream.indexOf(">assistant<"));
        assertThat(user).doesNotContain("class=\"tr\""); // inside the untrained run that opens the stream
        assertThat(stream).startsWith("data-id=\"c:c.jsonl:2\"").contains("<div class=\"ts\"><span class=\"un\">");
        assertThat(text(user)).contains(Html.escape(MARKUP));
        // the answer and its <|eot_id|> are the one trained run; the special token is marked with its id
        assertThat(stream).containsOnlyOnce("<span class=\"tr\">");
        String run = stream.substring(stream.indexOf("<span class=\"tr\">"));
        run = run.substring(0, run.indexOf("</span>"));
        assertThat(text(run)).isEqualTo("logged: deadlift&lt;|eot_id|&gt;");
        assertThat(run).contains("<i class=\"sp\" title=\"128009\">&lt;|eot_id|&gt;</i>");
        // the weight-0 example, as the page would group it: nothing trained for the chat targets that honour the
        // weight; bedrock and axolotl train it anyway (weight_ignored)
        var views = dev.spotter.assemble.report.ReportSamples.TokenSample.of(
                        "c:c.jsonl:1",
                        "c",
                        "w",
                        ChatJson.parse("{\"messages\":[{\"role\":\"user\",\"content\":\"log 100 kg x 5\"},"
                                + "{\"role\":\"assistant\",\"content\":\"logged\",\"weight\":0}]}"))
                .views();
        assertThat(views).hasSize(2);
        assertThat(views.get(0).targets()).containsExactly("together", "fireworks", "openai");
        assertThat(views.get(0).trained()).isZero();
        assertThat(views.get(0).warnings()).containsExactly("zero_trainable_tokens");
        assertThat(views.get(1).targets()).containsExactly("bedrock", "axolotl");
        assertThat(views.get(1).warnings()).containsExactly("weight_ignored");
        // the long example is shown bounded
        assertThat(section).contains(" tokens not shown …");
        // the sampled example text is the upload file's
        String train = Files.readString(dir.resolve("out/messages/train.jsonl"));
        assertThat(train).contains("logged: deadlift");
        List<String> prov = Files.readAllLines(result.layout().provenance("train"));
        assertThat(prov.stream().map(p -> Provenance.parse(p).built().id())).contains("c:c.jsonl:2");
    }
}
