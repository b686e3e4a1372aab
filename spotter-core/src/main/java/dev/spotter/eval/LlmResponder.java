package dev.spotter.eval;

import dev.spotter.ConfigurationException;
import dev.spotter.format.ChatMessage;
import dev.spotter.llm.InferencePrices;
import dev.spotter.llm.LlmClient;
import dev.spotter.llm.LlmRequest;
import dev.spotter.llm.LlmResponse;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A {@link Responder} over the generation engine's {@link LlmClient}: same retries, Retry-After handling and
 * client-side rate limits as generation. Temperature 0 so runs are comparable.
 */
public final class LlmResponder implements Responder {
    private final LlmClient client;
    private final int maxTokens;

    public LlmResponder(LlmClient client, int maxTokens) {
        if (maxTokens < 1) {
            throw new ConfigurationException("max tokens must be >= 1, was " + maxTokens);
        }
        this.client = client;
        this.maxTokens = maxTokens;
    }

    @Override
    public Reply reply(String model, List<ChatMessage> prompt) throws Exception {
        LlmResponse r = client.complete(new LlmRequest(model, prompt, maxTokens, 0.0, false));
        return new Reply(r.text(), r.usage().inputTokens(), r.usage().outputTokens());
    }

    /** Inference cost from the llm package's dated price table (exact id, else longest listed prefix). */
    public static Pricing pricing(InferencePrices table) {
        return (model, in, out) -> table.lookup(model)
                .map(p -> OptionalDouble.of(p.cost(in, out).toUsdDouble()))
                .orElse(OptionalDouble.empty());
    }
}
