package dev.spotter.llm;

/**
 * Cheap prompt-token estimate used only for client-side limits and budget reservations (billing always uses the
 * provider's usage). One token per 3 characters over-estimates English BPE counts (~4 chars/token for GPT and
 * Llama tokenizers), so reservations err on the safe side; +8 tokens per message covers chat framing.
 */
public final class TokenEstimate {
    private TokenEstimate() {}

    public static long promptTokens(LlmRequest req) {
        return req.promptChars() / 3 + 8L * req.messages().size() + 8;
    }

    /** The most a request can cost in tokens: prompt estimate plus the full completion cap. */
    public static long worstCaseTokens(LlmRequest req) {
        return promptTokens(req) + req.maxTokens();
    }
}
