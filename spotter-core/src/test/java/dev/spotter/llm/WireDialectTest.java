package dev.spotter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatMessage;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 items 3 and 7: the request dialect per server and model, and redaction of provider text. */
class WireDialectTest {
    private static LlmRequest req(String model) {
        return new LlmRequest(model, List.of(ChatMessage.user("hi")), 500, 0.9, false);
    }

    @Test
    void openAisOwnApiGetsMaxCompletionTokensAndCompatibleServersMaxTokens() {
        assertThat(Provider.Dialect.forBaseUrl(Provider.OPENAI, URI.create("https://api.openai.com/v1")))
                .isEqualTo(Provider.Dialect.OPENAI_API);
        for (String compatible : List.of(
                "https://api.together.xyz/v1",
                "https://api.fireworks.ai/inference/v1",
                "http://127.0.0.1:8000/v1",
                "http://localhost:11434/v1")) {
            assertThat(Provider.Dialect.forBaseUrl(Provider.OPENAI, URI.create(compatible)))
                    .as(compatible)
                    .isEqualTo(Provider.Dialect.COMPATIBLE);
        }
        ObjectNode own = Provider.OPENAI.requestBody(req("gpt-4o-mini"), Provider.Dialect.OPENAI_API);
        assertThat(own.path("max_completion_tokens").asInt()).isEqualTo(500);
        assertThat(own.has("max_tokens")).isFalse();
        assertThat(own.path("temperature").asDouble()).isEqualTo(0.9);
        ObjectNode vllm = Provider.OPENAI.requestBody(
                req("meta-llama/Llama-3.3-70B-Instruct-Turbo"), Provider.Dialect.COMPATIBLE);
        assertThat(vllm.path("max_tokens").asInt()).isEqualTo(500);
        assertThat(vllm.has("max_completion_tokens")).isFalse();
        assertThat(vllm.path("temperature").asDouble()).isEqualTo(0.9);
        // OpenAI Batch files go to OpenAI's own API; Anthropic always takes max_tokens
        assertThat(Provider.OPENAI.requestBody(req("gpt-4o")).has("max_completion_tokens"))
                .isTrue();
        assertThat(Provider.ANTHROPIC
                        .requestBody(req("claude-haiku-4-5"), Provider.Dialect.OPENAI_API)
                        .path("max_tokens")
                        .asInt())
                .isEqualTo(500);
    }

    @Test
    void reasoningModelsThatRefuseSamplingParametersGetNoTemperature() {
        for (String m : List.of("gpt-5", "gpt-5-mini", "gpt-5-nano-2025-08-07", "o1", "o3", "o3-mini", "o4-mini")) {
            ObjectNode b = Provider.OPENAI.requestBody(req(m), Provider.Dialect.OPENAI_API);
            assertThat(b.has("temperature")).as(m).isFalse();
            assertThat(b.path("max_completion_tokens").asInt()).as(m).isEqualTo(500);
        }
        for (String m : List.of("gpt-4o", "gpt-4.1-mini", "gpt-5-chat-latest", "claude-sonnet-4-5", "omni-local")) {
            assertThat(Provider.acceptsSampling(m)).as(m).isTrue();
        }
    }

    @Test
    void theBundledPriceTableKnowsCurrentOpenAiAndAnthropicModels() {
        InferencePrices t = InferencePrices.bundled();
        for (String m :
                List.of("gpt-5", "gpt-5-mini", "gpt-5-nano", "o3", "o4-mini", "claude-sonnet-4-5", "claude-opus-4-1")) {
            assertThat(t.lookup(m)).as(m).isPresent();
        }
        assertThat(t.lookup("gpt-5-mini-2025-08-07").orElseThrow())
                .isEqualTo(t.lookup("gpt-5-mini").orElseThrow());
        assertThat(t.asOf()).isEqualTo("2025-12-01");
    }

    @Test
    void secretsAreRedactedWhetherOrNotTheyAreOurKey() {
        String key = "sk-live-OURS-1234567890abcdef";
        String text = "Incorrect API key provided: " + key + "; header Authorization: Bearer " + key
                + "; other {\"api_key\": \"gw_0123456789abcdef\"} x-api-key: sk-ant-api03-ABCDEFGHIJKLMNOP"
                + " token sk-proj-ZYXWVUTSRQPONMLK and Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig";
        String out = Secrets.redact(text, key);
        assertThat(out)
                .doesNotContain("OURS")
                .doesNotContain("gw_0123456789abcdef")
                .doesNotContain("ABCDEFGHIJKLMNOP")
                .doesNotContain("ZYXWVUTSRQPONMLK")
                .doesNotContain("eyJhbGciOiJIUzI1NiJ9")
                .contains("Incorrect API key provided: [redacted]")
                .contains("Bearer [redacted]");
        assertThat(Secrets.redact("rate limited: try again in 20s", key)).isEqualTo("rate limited: try again in 20s");
        assertThat(Secrets.redact(null, key)).isNull();
    }
}
