package dev.spotter.train.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.Role;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPreviewTest {
    static final ChatExample TWO_TURNS = ChatExample.of(
            ChatMessage.of(Role.SYSTEM, "You log workouts."),
            ChatMessage.of(Role.USER, "bench 225 for 5"),
            ChatMessage.of(Role.ASSISTANT, "{\"exercise_id\": \"bench-press\"}"),
            ChatMessage.of(Role.USER, "same for 4"),
            ChatMessage.of(Role.ASSISTANT, "{\"reps\": 4}"));

    private static String trainedText(TokenPreview p) {
        StringBuilder b = new StringBuilder();
        p.tokens().stream().filter(TokenPreview.Token::trained).forEach(t -> b.append(t.text()));
        return b.toString();
    }

    @Test
    void theStreamIsExactlyTheRenderedTemplatesTokens() {
        TokenPreview p = TokenPreview.of(Target.TOGETHER, TWO_TURNS, 8192);
        int[] ids = Llama3Tokenizer.shared()
                .encodeRendered(Llama33Template.defaults().render(TWO_TURNS));
        assertThat(p.tokens().stream().mapToInt(TokenPreview.Token::id).toArray())
                .containsExactly(ids);
        assertThat(p.tokens().getFirst().text()).isEqualTo("<|begin_of_text|>");
        assertThat(p.tokens().getFirst().trained()).isFalse();
    }

    @Test
    void chatTargetsTrainEveryAssistantTurnAndItsEot() {
        for (Target t : List.of(Target.TOGETHER, Target.FIREWORKS, Target.OPENAI, Target.AXOLOTL)) {
            TokenPreview p = TokenPreview.of(t, TWO_TURNS, 8192);
            assertThat(trainedText(p))
                    .as(t.id())
                    .isEqualTo("{\"exercise_id\": \"bench-press\"}<|eot_id|>{\"reps\": 4}<|eot_id|>");
            assertThat(p.warnings()).isEmpty();
        }
    }

    @Test
    void bedrockTrainsTheCompletionOnly() {
        TokenPreview p = TokenPreview.of(Target.BEDROCK, TWO_TURNS, 8192);
        assertThat(trainedText(p)).isEqualTo("{\"reps\": 4}<|eot_id|>");
    }

    @Test
    void warnsOfZeroTrainableTokensAndTruncation() {
        TokenPreview none = TokenPreview.of(Target.TOGETHER, ChatExample.of(ChatMessage.of(Role.USER, "hi")), 8192);
        assertThat(none.warnings()).containsExactly("zero_trainable_tokens");
        TokenPreview longer = TokenPreview.of(Target.OPENAI, TWO_TURNS, 10);
        assertThat(longer.warnings()).containsExactly("truncated");
    }
}
