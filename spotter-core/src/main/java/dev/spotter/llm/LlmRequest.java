package dev.spotter.llm;

import dev.spotter.ConfigurationException;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import java.util.List;
import java.util.Objects;

/**
 * One provider-neutral chat request. Immutable; the constructor rejects bad values at once.
 *
 * @param model       provider model id, e.g. {@code gpt-4o} or {@code claude-sonnet-4-5}
 * @param messages    the conversation; a leading system message becomes Anthropic's top-level {@code system}
 * @param maxTokens   completion cap (also the worst case the budget reserves)
 * @param temperature 0..2
 * @param jsonMode    ask for a JSON object answer (OpenAI {@code response_format}; Anthropic gets no flag and
 *                    relies on the prompt, the checks reject anything that does not parse)
 */
public record LlmRequest(
        String model, List<ChatMessage> messages, int maxTokens, double temperature, boolean jsonMode) {
    public LlmRequest {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw ConfigurationException.forParameter("model", "must not be blank");
        }
        messages = List.copyOf(messages);
        if (messages.isEmpty() || messages.stream().noneMatch(m -> m.role() == Role.USER)) {
            throw new IllegalArgumentException("a request needs at least one user message");
        }
        if (maxTokens < 1) {
            throw ConfigurationException.forParameter("maxTokens", "must be >= 1, was " + maxTokens);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw ConfigurationException.forParameter("temperature", "must be in [0, 2], was " + temperature);
        }
    }

    /** Rough character count of all message contents; the basis of the client-side token estimate. */
    public int promptChars() {
        int n = 0;
        for (ChatMessage m : messages) {
            n += m.content().length();
        }
        return n;
    }
}
