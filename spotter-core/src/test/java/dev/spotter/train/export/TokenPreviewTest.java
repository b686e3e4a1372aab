package dev.spotter.train.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.Role;
import dev.spotter.tokenizer.Llama3Tokenizer;
import dev.spotter.train.JobSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenPreviewTest {
    static final ChatExample TWO_TURNS = ChatExample.of(
            ChatMessage.of(Role.SYSTEM, "You log workouts."),
            ChatMessage.of(Role.USER, "bench 225 for 5"),
            ChatMessage.of(Role.ASSISTANT, "{\"exercise_id\": \"bench-press\"}"),
            ChatMessage.of(Role.USER, "same for 4"),
            ChatMessage.of(Role.ASSISTANT, "{\"reps\": 4}"));

    static final ChatExample FIRST_WEIGHT_0 = ChatExample.of(
            ChatMessage.of(Role.USER, "bench 225 for 5"),
            new ChatMessage(Role.ASSISTANT, "wrong", 0),
            ChatMessage.of(Role.USER, "no, 5 reps"),
            new ChatMessage(Role.ASSISTANT, "right", 1));

    private static String trainedText(TokenPreview p) {
        StringBuilder b = new StringBuilder();
        p.tokens().stream().filter(TokenPreview.Token::trained).forEach(t -> b.append(t.text()));
        return b.toString();
    }

    @Test
    void theStreamIsExactlyTheRenderedTemplatesTokens() {
        for (Target t : Target.values()) {
            TokenPreview p = TokenPreview.of(t, TWO_TURNS);
            int[] ids = Llama3Tokenizer.shared()
                    .encodeRendered(Llama33Template.defaults().render(TWO_TURNS));
            assertThat(p.tokens().stream().mapToInt(TokenPreview.Token::id).toArray())
                    .as(t.id())
                    .containsExactly(ids);
            assertThat(p.tokens().getFirst().text()).isEqualTo("<|begin_of_text|>");
            assertThat(p.tokens().getFirst().trained()).isFalse();
            assertThat(p.tokens().getFirst().special()).isTrue();
        }
    }

    @Test
    void chatTargetsTrainEveryAssistantTurnAndItsEot() {
        for (Target t : List.of(Target.TOGETHER, Target.FIREWORKS, Target.OPENAI, Target.AXOLOTL)) {
            TokenPreview p = TokenPreview.of(t, TWO_TURNS);
            assertThat(trainedText(p))
                    .as(t.id())
                    .isEqualTo("{\"exercise_id\": \"bench-press\"}<|eot_id|>{\"reps\": 4}<|eot_id|>");
            assertThat(p.warnings()).isEmpty();
        }
    }

    @Test
    void bedrockTrainsTheCompletionOnly() {
        TokenPreview p = TokenPreview.of(Target.BEDROCK, TWO_TURNS);
        assertThat(trainedText(p)).isEqualTo("{\"reps\": 4}<|eot_id|>");
    }

    @Test
    void weightZeroIsHonouredWhereThePlatformHonoursIt() {
        assertThat(trainedText(TokenPreview.of(Target.OPENAI, FIRST_WEIGHT_0))).isEqualTo("right<|eot_id|>");
        assertThat(trainedText(TokenPreview.of(Target.TOGETHER, FIRST_WEIGHT_0)))
                .isEqualTo("right<|eot_id|>");
        assertThat(trainedText(TokenPreview.of(Target.FIREWORKS, FIRST_WEIGHT_0)))
                .isEqualTo("right<|eot_id|>");
        // the axolotl.yaml the export writes maps role and content only: axolotl trains the weight-0 turn
        assertThat(trainedText(TokenPreview.of(Target.AXOLOTL, FIRST_WEIGHT_0)))
                .isEqualTo("wrong<|eot_id|>right<|eot_id|>");
        ChatExample allZero = ChatExample.of(ChatMessage.of(Role.USER, "hi"), new ChatMessage(Role.ASSISTANT, "x", 0));
        assertThat(TokenPreview.of(Target.OPENAI, allZero).warnings()).containsExactly("zero_trainable_tokens");
        // Bedrock's prompt/completion has no weights: the completion is trained
        assertThat(TokenPreview.of(Target.BEDROCK, allZero).warnings()).containsExactly("weight_ignored");
        assertThat(TokenPreview.of(Target.AXOLOTL, allZero).warnings()).containsExactly("weight_ignored");
    }

    @Test
    void togetherTrainOnInputsTrueTrainsThePromptMessagesToo() {
        TrainRule rule = TrainRule.forExport(
                Target.TOGETHER, JobSpec.builder().trainOnInputs("true").build(), 8192);
        String trained = trainedText(TokenPreview.of(rule, TWO_TURNS));
        assertThat(trained).startsWith("You log workouts.<|eot_id|>bench 225 for 5<|eot_id|>");
        assertThat(trained).doesNotContain("Cutting Knowledge").doesNotContain("<|start_header_id|>");
    }

    @Test
    void aSpecialTokenStringInContentBecomesTheSpecialTokenAndIsFlagged() {
        ChatExample ex = ChatExample.of(
                ChatMessage.of(Role.USER, "say <|eot_id|> please"), ChatMessage.of(Role.ASSISTANT, "ok"));
        TokenPreview p = TokenPreview.of(Target.TOGETHER, ex);
        assertThat(p.tokens().stream().filter(t -> t.id() == 128009))
                .hasSize(4); // system, the literal, user, assistant
        assertThat(p.warnings()).containsExactly("special_token_in_content");
        ChatExample bos =
                ChatExample.of(ChatMessage.of(Role.USER, "<|begin_of_text|>hi"), ChatMessage.of(Role.ASSISTANT, "ok"));
        TokenPreview b = TokenPreview.of(Target.OPENAI, bos);
        assertThat(b.tokens().stream().filter(t -> t.id() == 128000)).hasSize(2);
        assertThat(b.warnings()).containsExactly("double_bos", "special_token_in_content");
    }

    @Test
    void limitsAreTheExportsLimits() {
        assertThat(TrainRule.of(Target.TOGETHER).limit()).isEqualTo(24_576);
        assertThat(TrainRule.of(Target.OPENAI).limit()).isEqualTo(16_385);
        assertThat(TrainRule.of(Target.AXOLOTL).limit()).isEqualTo(8192);
        assertThat(new TrainRule(Target.AXOLOTL, "auto", 1024).limit()).isEqualTo(1024);
        // spotter export says "no token limit applied" for these: the preview flags nothing as truncated
        assertThat(TrainRule.of(Target.FIREWORKS).limit()).isZero();
        assertThat(TrainRule.of(Target.BEDROCK).limit()).isZero();
        assertThat(TokenPreview.warnings(TrainRule.of(Target.FIREWORKS), TWO_TURNS, 1_000_000))
                .isEmpty();
        ChatExample longAnswer = ChatExample.of(
                ChatMessage.of(Role.USER, "plan?"), ChatMessage.of(Role.ASSISTANT, "squat heavy. ".repeat(400)));
        TrainRule short512 = new TrainRule(Target.AXOLOTL, "auto", 512);
        assertThat(TokenPreview.warnings(short512, longAnswer, TrainerPreview.renderedTokens(longAnswer)))
                .containsExactly("truncated");
    }

    @Test
    void theExportUsesTheSameLimit(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        String big = "word ".repeat(700);
        java.nio.file.Files.writeString(
                in,
                ("{\"messages\":[{\"role\":\"user\",\"content\":\"" + big
                                + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n")
                        .repeat(3));
        ExportReport r = Exporter.builder(Target.AXOLOTL, dir.resolve("ax"))
                .sequenceLen(512)
                .build()
                .export(List.of(in), List.of());
        ChatExample ex = dev.spotter.format.ChatJson.parse(
                java.nio.file.Files.readAllLines(in).getFirst());
        TokenPreview p = TokenPreview.of(new TrainRule(Target.AXOLOTL, "auto", 512), ex);
        // the cut at 512 tokens falls inside the user turn: nothing of the answer is left to train on
        assertThat(p.warnings()).containsExactly("zero_trainable_tokens", "truncated");
        assertThat(r.splits().getFirst().rejected()).isEqualTo(3);
    }

    @Test
    void theFastCheckEqualsTheTokenizedOne() {
        List<ChatExample> cases = List.of(
                TWO_TURNS,
                FIRST_WEIGHT_0,
                ChatExample.of(ChatMessage.of(Role.USER, "hi")),
                ChatExample.of(ChatMessage.of(Role.USER, "<|begin_of_text|>"), ChatMessage.of(Role.ASSISTANT, "")));
        for (Target t : Target.values()) {
            for (TrainRule rule : List.of(TrainRule.of(t), new TrainRule(t, "true", 512))) {
                for (ChatExample ex : cases) {
                    TokenPreview p = TokenPreview.of(rule, ex);
                    assertThat(TokenPreview.warnings(rule, ex, TrainerPreview.renderedTokens(ex)))
                            .as(t + " " + ex)
                            .isEqualTo(p.warnings());
                    assertThat(p.tokens()).hasSize(TrainerPreview.renderedTokens(ex));
                    boolean content = p.tokens().stream().anyMatch(x -> x.trained() && !x.special());
                    assertThat(p.warnings().contains("zero_trainable_tokens")).isEqualTo(!content);
                }
            }
        }
    }
}
