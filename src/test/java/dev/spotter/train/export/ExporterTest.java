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
            + "{\"role\":\"user\",\"content\":\"bench 225 for 8\"},{\"role\":\"assistant\",\"content\":\"{\\\"reps\\\":8}\"}],"
            + "\"category\":\"voice\"}";
    static final String NO_SYSTEM = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\",\"weight\":1}]}";
    static final String DOUBLE_USER = "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String SYSTEM_LATE = "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"system\",\"content\":\"b\"},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String NO_ASSISTANT = "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}";
    static final String SPECIAL = "{\"messages\":[{\"role\":\"user\",\"content\":\"say <|eot_id|>\"},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String EXTRA_KEY = "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"meta\":1},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String BAD_ROLE = "{\"messages\":[{\"role\":\"tool\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"c\"}]}";
    static final String BAD_WEIGHT = "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"c\",\"weight\":2}]}";

    @TempDir
    Path dir;

    Path input(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void togetherAppliesFilesCheckRulesAndAccountsForEveryLine() throws Exception {
        Path in = input("in.jsonl", GOOD, "not json", DOUBLE_USER, NO_ASSISTANT, SPECIAL, "", BAD_ROLE, BAD_WEIGHT, NO_SYSTEM,
                "[1,2]", "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} trailing");
        Path out = dir.resolve("out");
        ExportReport r = Exporter.builder(Target.TOGETHER, out).build().export(List.of(in), List.of());
        SplitReport s = r.splits().get(0);
        assertThat(s.read()).isEqualTo(11);
        assertThat(s.accepted()).isEqualTo(2);
        assertThat(s.accepted() + s.rejected()).isEqualTo(s.read());
        assertThat(s.reasons()).containsEntry("not_json", 2L).containsEntry("consecutive_same_role", 1L)
                .containsEntry("example_missing_assistant_message", 1L).containsEntry("special_token_text", 1L)
                .containsEntry("blank_line", 1L).containsEntry("unrecognized_role", 1L).containsEntry("bad_weight", 1L)
                .containsEntry("data_type", 1L);
        List<String> lines = Files.readAllLines(out.resolve("train.jsonl"));
        assertThat(lines).hasSize(2);
        // extra top-level columns (Together rejects them) are dropped; weight kept
        JsonNode first = M.readTree(lines.get(0));
        assertThat(first.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("messages");
        assertThat(M.readTree(lines.get(1)).at("/messages/1/weight").asInt()).isEqualTo(1);
        List<String> q = Files.readAllLines(out.resolve("quarantine.jsonl"));
        assertThat(q).hasSize(9);
        JsonNode q0 = M.readTree(q.get(0));
        assertThat(q0.path("line").asInt()).isEqualTo(2);
        assertThat(q0.path("reason").asText()).isEqualTo("not_json");
        assertThat(q0.path("file").asText()).endsWith("in.jsonl");
        assertThat(q0.path("record").asText()).isEqualTo("not json");
        JobParams.Loaded job = JobParams.read(out.resolve("job.json"));
        assertThat(job.spec().model()).isEqualTo(JobSpec.LLAMA33_70B);
        assertThat(job.trainingFile()).isEqualTo(out.resolve("train.jsonl").toAbsolutePath());
        assertThat(r.clean()).isFalse();
    }

    @Test
    void invalidUtf8LineIsOneRejectNotAFailedFile() throws Exception {
        Path in = dir.resolve("bad.jsonl");
        byte[] good = (NO_SYSTEM + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"messages\":[{\"role\":\"user\",\"content\":\"\u00ff\"}]}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(in, concat(good, bad, good));
        ExportReport r = Exporter.builder(Target.TOGETHER, dir.resolve("o")).build().export(List.of(in), List.of());
        assertThat(r.splits().get(0).accepted()).isEqualTo(2);
        assertThat(r.splits().get(0).reasons()).containsEntry("not_utf8", 1L);
    }

    @Test
    void fireworksNeedsThreeExamplesAndSystemFirst() throws Exception {
        Path in = input("in.jsonl", GOOD, SYSTEM_LATE, DOUBLE_USER);
        ExportReport r = Exporter.builder(Target.FIREWORKS, dir.resolve("fw")).build().export(List.of(in), List.of());
        assertThat(r.splits().get(0).reasons()).containsEntry("system_not_first", 1L);
        // consecutive roles are a Together rule, not a Fireworks one
        assertThat(r.splits().get(0).accepted()).isEqualTo(2);
        assertThat(r.errors()).containsExactly("Fireworks needs 3 to 3,000,000 training examples, have 2");

        Path ok = input("ok.jsonl", GOOD, GOOD, NO_SYSTEM);
        assertThat(Exporter.builder(Target.FIREWORKS, dir.resolve("fw2")).build().export(List.of(ok), List.of()).clean())
                .isTrue();
    }

    @Test
    void openAiUsesCookbookCategoriesAndEpochRule() throws Exception {
        Path in = input("in.jsonl", GOOD, EXTRA_KEY, NO_SYSTEM, NO_ASSISTANT, SPECIAL);
        ExportReport r = Exporter.builder(Target.OPENAI, dir.resolve("oa")).build().export(List.of(in), List.of());
        SplitReport s = r.splits().get(0);
        assertThat(s.reasons()).containsEntry("message_unrecognized_key", 1L)
                .containsEntry("example_missing_assistant_message", 1L).doesNotContainKey("special_token_text");
        assertThat(s.accepted()).isEqualTo(3);
        assertThat(s.missingSystem()).isEqualTo(2);
        assertThat(r.recommendations()).containsEntry("openai_n_epochs", 25);
        assertThat(Exporter.openAiEpochs(10)).isEqualTo(10);
        assertThat(Exporter.openAiEpochs(100)).isEqualTo(3);
        assertThat(Exporter.openAiEpochs(10_000)).isEqualTo(2);
    }

    @Test
    void axolotlWritesAReadyConfig() throws Exception {
        Path in = input("in.jsonl", GOOD);
        Path val = input("val.jsonl", NO_SYSTEM);
        Path out = dir.resolve("ax");
        ExportReport r = Exporter.builder(Target.AXOLOTL, out).sequenceLen(4096)
                .jobSpec(JobSpec.builder().suffix("coach").loraR(32).build()).build().export(List.of(in), List.of(val));
        assertThat(r.files()).contains("train.jsonl", "validation.jsonl", "axolotl.yaml");
        JsonNode y = new ObjectMapper(new YAMLFactory()).readTree(out.resolve("axolotl.yaml").toFile());
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
    void tokenLimitRejectsForTogetherButOnlyWarnsForOpenAi() throws Exception {
        Path in = input("in.jsonl", GOOD, NO_SYSTEM);
        ExportReport t = Exporter.builder(Target.TOGETHER, dir.resolve("t"))
                .tokenCounter(ex -> ex.messages().size() == 3 ? 30_000 : 10).build().export(List.of(in), List.of());
        assertThat(t.splits().get(0).reasons()).containsEntry("too_many_tokens", 1L);
        ExportReport o = Exporter.builder(Target.OPENAI, dir.resolve("o"))
                .tokenCounter(ex -> ex.messages().size() == 3 ? 30_000 : 10).build().export(List.of(in), List.of());
        assertThat(o.splits().get(0).accepted()).isEqualTo(2);
        assertThat(o.splits().get(0).overTokenLimit()).isEqualTo(1);
    }

    @Test
    void missingInputIsAClearError() {
        assertThatThrownBy(() -> Exporter.builder(Target.TOGETHER, dir.resolve("x")).build()
                .export(List.of(dir.resolve("nope.jsonl")), List.of()))
                .hasMessageContaining("input file not found").hasMessageContaining("nope.jsonl");
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
