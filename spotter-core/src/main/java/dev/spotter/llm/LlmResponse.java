package dev.spotter.llm;

import java.util.Objects;

/**
 * One completed call.
 *
 * @param text         the assistant text ("" when the provider returned none)
 * @param finishReason normalised stop reason; {@link FinishReason#LENGTH} means truncated
 * @param usage        provider-reported tokens
 * @param requestId    the provider's request/message id (for support tickets), may be {@code null}
 * @param rawBody      the response body exactly as received, kept so a paid answer is never lost
 */
public record LlmResponse(String text, FinishReason finishReason, Usage usage, String requestId, String rawBody) {
    public LlmResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(rawBody, "rawBody");
    }
}
