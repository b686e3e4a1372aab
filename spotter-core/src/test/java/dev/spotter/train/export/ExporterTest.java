package dev.spotter.train.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spotter.train.JobParams;
import dev.spotter.train.JobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String GOOD = "{\"messages\":[{\"role\":\"system\",\"content\":\"You parse workouts.\"},"
            + "{\"role\":\"user\",\"content\":\"bench 225 for 8\"},{\"role\":\"assistant\",\"content\":\"{\\\"reps\\\":8}\"}]}";
    static final String EXTRA_COLUMN =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"c\"}],\"category\":\"voice\"}";
    static final String NO_SYSTEM =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\",\"weight\":1}]}";
    static final String DOUBLE_USER =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String SYSTEM_LATE =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"system\",\"content\":\"b\"},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String NO_ASSISTANT = "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}";
    static final String SPECIAL =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"say <|eot_id|>\"},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String EXTRA_KEY =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"meta\":1},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String BAD_ROLE =
            "{\"messages\":[{\"role\":\"tool\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String BAD_WEIGHT =
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"c\",\"weight\":2}]}";

    @TempDir
    Path dir;

    Path input(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void togetherAppliesFilesCheckRulesAndAccountsForEveryLine() throws Exception {
        Path in = input(
                "in.jsonl",
                GOOD,
                "not json",
                DOUBLE_USER,
                NO_ASSISTANT,
                SPECIAL,
                "",
                BAD_ROLE,
                BAD_WEIGHT,
                NO_SYSTEM,
                "[1,2]",
                EXTRA_COLUMN);
        Path out = dir.resolve("out");
        ExportReport r = Exporter.builder(Target.TOGETHER, out).build().export(List.of(in), List.of());
        SplitReport s = r.splits().get(0);
        assertThat(s.read()).isEqualTo(11);
        assertThat(s.accepted()).isEqualTo(2);
        assertThat(s.accepted() + s.rejected()).isEqualTo(s.read());
        assertThat(s.reasons())
                .containsEntry("invalid_json", 1L)
                .containsEntry("consecutive_same_role", 1L)
                .containsEntry("example_missing_assistant_message", 1L)
                .containsEntry("special_token_in_content", 1L)
                .containsEntry("blank_line", 1L)
                .containsEntry("unrecognized_role", 1L)
                .containsEntry("invalid_weight", 1L)
                .containsEntry("data_type", 1L)
                .containsEntry("extra_columns", 1L);
        List<String> lines = Files.readAllLines(out.resolve("train.jsonl"));
        assertThat(lines).hasSize(2);
        JsonNode first = M.readTree(lines.get(0));
        assertThat(first.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("messages");
        assertThat(M.readTree(lines.get(1)).at("/messages/1/weight").asInt()).isEqualTo(1);
        List<String> q = Files.readAllLines(out.resolve("quarantine.jsonl"));
        assertThat(q).hasSize(9);
        assertThat(q.get(0)).contains("in.jsonl").contains("invalid_json");
        JobParams.Loaded job = JobParams.read(out.resolve("job.json"));
        assertThat(job.spec().model()).isEqualTo(JobSpec.LLAMA33_70B);
        assertThat(job.trainingFile()).isEqualTo(out.resolve("train.jsonl").toAbsolutePath());
        assertThat(job.validationFile()).isNull();
        assertThat(r.clean()).isFalse();
        assertThat(M.readTree(out.resolve("export-report.json").toFile())
                        .path("splits")
                        .get(0)
                        .path("rejected")
                        .asInt())
                .isEqualTo(9);
    }

    @Test
    void invalidUtf8LineIsOneRejectNotAFailedFile() throws Exception {
        Path in = dir.resolve("bad.jsonl");
        byte[] good = (NO_SYSTEM + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad =
                "{\"messages\":[{\"role\":\"user\",\"content\":\"\u00ff\"}]}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(in, concat(good, bad, good));
        ExportReport r =
                Exporter.builder(Target.TOGETHER, dir.resolve("o")).build().export(List.of(in), List.of());
        assertThat(r.splits().get(0).accepted()).isEqualTo(2);
        assertThat(r.splits().get(0).reasons()).containsEntry("invalid_utf8", 1L);
    }

    /** Issue 12 item 10: OpenAI requires at least 10 training examples, checked like the Fireworks minimum. */
    @Test
    void openAiNeedsTenExamples() throws Exception {
        Path five = input("five.jsonl", GOOD, GOOD, GOOD, NO_SYSTEM, NO_SYSTEM);
        ExportReport r =
                Exporter.builder(Target.OPENAI, dir.resolve("oa5")).build().export(List.of(five), List.of());
        assertThat(r.errors()).containsExactly("OpenAI needs at least 10 training examples, have 5");
        assertThat(r.clean()).isFalse();
        Path ten = input("ten.jsonl", GOOD, GOOD, GOOD, GOOD, GOOD, NO_SYSTEM, NO_SYSTEM, NO_SYSTEM, NO_SYSTEM, GOOD);
        assertThat(Exporter.builder(Target.OPENAI, dir.resolve("oa10"))
                        .build()
                        .export(List.of(ten), List.of())
                        .errors())
                .isEmpty();
    }

    /** Issue 12 item 7: an export with no usable example does not suggest submitting it. */
    @Test
    void aFailedTogetherExportDoesNotSuggestSubmitting() throws Exception {
        Path none = input("none.jsonl", SYSTEM_LATE.replace("assistant", "robot"));
        ExportReport r =
                Exporter.builder(Target.TOGETHER, dir.resolve("t0")).build().export(List.of(none), List.of());
        assertThat(r.errors()).isNotEmpty();
        assertThat(r.notes()).noneMatch(n -> n.contains("submit with"));
    }

    @Test
    void fireworksNeedsThreeExamplesAndSystemFirst() throws Exception {
        Path in = input("in.jsonl", GOOD, SYSTEM_LATE, NO_SYSTEM);
        ExportReport r =
                Exporter.builder(Target.FIREWORKS, dir.resolve("fw")).build().export(List.of(in), List.of());
        assertThat(r.splits().get(0).reasons()).containsEntry("misplaced_system", 1L);
        assertThat(r.splits().get(0).accepted()).isEqualTo(2);
        assertThat(r.errors()).containsExactly("Fireworks needs 3 to 3,000,000 training examples, have 2");

        Path ok = input("ok.jsonl", GOOD, GOOD, NO_SYSTEM);
        assertThat(Exporter.builder(Target.FIREWORKS, dir.resolve("fw2"))
                        .build()
                        .export(List.of(ok), List.of())
                        .clean())
                .isTrue();
    }

    @Test
    void openAiUsesCookbookCategoriesAndEpochRule() throws Exception {
        Path in = input("in.jsonl", GOOD, EXTRA_KEY, NO_SYSTEM, NO_ASSISTANT);
        ExportReport r =
                Exporter.builder(Target.OPENAI, dir.resolve("oa")).build().export(List.of(in), List.of());
        SplitReport s = r.splits().get(0);
        assertThat(s.reasons())
                .containsEntry("message_unrecognized_key", 1L)
                .containsEntry("example_missing_assistant_message", 1L);
        assertThat(s.accepted()).isEqualTo(2);
        assertThat(s.missingSystem()).isEqualTo(1);
        assertThat(s.overTokenLimit()).isZero();
        assertThat(r.recommendations()).containsEntry("openai_n_epochs", 25);
    }

    @Test
    void bedrockWritesPromptCompletionWithTheLlama33Template() throws Exception {
        Path in = input("in.jsonl", GOOD);
        Path out = dir.resolve("br");
        ExportReport r = Exporter.builder(Target.BEDROCK, out).build().export(List.of(in), List.of());
        assertThat(r.clean()).isTrue();
        JsonNode line =
                M.readTree(Files.readAllLines(out.resolve("train.jsonl")).get(0));
        assertThat(line.path("prompt").asText())
                .isEqualTo("<|start_header_id|>system<|end_header_id|>\n\n"
                        + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\nYou parse workouts.<|eot_id|>"
                        + "<|start_header_id|>user<|end_header_id|>\n\nbench 225 for 8<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\n");
        assertThat(line.path("completion").asText()).isEqualTo("{\"reps\":8}<|eot_id|>");
        JsonNode hp = M.readTree(out.resolve("bedrock-hyperparameters.json").toFile());
        assertThat(hp.path("epochCount").asText()).isEqualTo("3");
    }

    @Test
    void axolotlWritesAReadyConfig() throws Exception {
        Path in = input("in.jsonl", GOOD);
        Path val = input("val.jsonl", NO_SYSTEM);
        Path out = dir.resolve("ax");
        ExportReport r = Exporter.builder(Target.AXOLOTL, out)
                .sequenceLen(4096)
                .jobSpec(JobSpec.builder().suffix("coach").loraR(32).build())
                .build()
                .export(List.of(in), List.of(val));
        assertThat(r.files()).contains("train.jsonl", "validation.jsonl", "axolotl.yaml");
        JsonNode y = new ObjectMapper(new YAMLFactory())
                .readTree(out.resolve("axolotl.yaml").toFile());
        assertThat(y.path("base_model").asText()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct");
        assertThat(y.path("chat_template").asText()).isEqualTo("tokenizer_default");
        JsonNode ds = y.path("datasets").get(0);
        assertThat(ds.path("type").asText()).isEqualTo("chat_template");
        assertThat(ds.path("field_messages").asText()).isEqualTo("messages");
        assertThat(ds.path("roles_to_train").get(0).asText()).isEqualTo("assistant");
        assertThat(ds.path("train_on_eos").asText()).isEqualTo("turn");
        assertThat(y.path("test_datasets").get(0).path("path").asText()).isEqualTo("validation.jsonl");
        assertThat(y.path("sequence_len").asInt()).isEqualTo(4096);
        assertThat(y.path("adapter").asText()).isEqualTo("lora");
        assertThat(y.path("lora_r").asInt()).isEqualTo(32);
    }

    @Test
    void tokenLimitFollowsTheTarget() throws Exception {
        String longUser = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "squat ".repeat(700)
                + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}";
        Path in = input("in.jsonl", GOOD, longUser);
        ExportReport ax = Exporter.builder(Target.AXOLOTL, dir.resolve("a"))
                .sequenceLen(512)
                .build()
                .export(List.of(in), List.of());
        assertThat(ax.splits().get(0).reasons()).containsEntry("over_token_limit", 1L);
        ExportReport t =
                Exporter.builder(Target.TOGETHER, dir.resolve("t")).build().export(List.of(in), List.of());
        assertThat(t.splits().get(0).accepted()).isEqualTo(2);
    }

    @Test
    void missingInputIsAClearError() {
        assertThatThrownBy(() -> Exporter.builder(Target.TOGETHER, dir.resolve("x"))
                        .build()
                        .export(List.of(dir.resolve("nope.jsonl")), List.of()))
                .isInstanceOf(dev.spotter.FileException.class)
                .hasMessageContaining("cannot read")
                .hasMessageContaining("no such file or directory")
                .hasMessageContaining("nope.jsonl");
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
