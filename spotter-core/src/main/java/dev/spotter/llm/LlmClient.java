package dev.spotter.llm;

import dev.spotter.ProviderException;

/**
 * A provider-neutral chat client. Implementations are thread-safe and meant to be shared by many virtual threads;
 * retries, timeouts and client-side rate limits happen inside {@link #complete}.
 *
 * <pre>{@code
 * LlmClient client = LlmClients.create(LlmConfig.builder(Provider.OPENAI).build());
 * LlmResponse r = client.complete(new LlmRequest("gpt-4o-mini",
 *         List.of(ChatMessage.user("Say hi")), 64, 0.2, false));
 * }</pre>
 */
public interface LlmClient {
    /**
     * Sends the request, retrying transient failures.
     *
     * @throws ProviderException when no usable response came back (see {@link ProviderException#kind()})
     */
    default LlmResponse complete(LlmRequest request) throws ProviderException {
        return complete(request, AttemptListener.NONE);
    }

    /**
     * Sends the request, retrying transient failures; {@code listener} sees every failed HTTP attempt and may veto
     * a retry (a spend cap pays per HTTP request).
     *
     * @throws ProviderException when no usable response came back (see {@link ProviderException#kind()})
     */
    LlmResponse complete(LlmRequest request, AttemptListener listener) throws ProviderException;

    /** The wire format this client speaks (also used for batch files). */
    Provider provider();
}
