package dev.spotter.llm;

/** Why the model stopped, normalised across providers. */
public enum FinishReason {
    /** Natural end ({@code stop} / {@code end_turn} / {@code stop_sequence}). */
    STOP,
    /** Hit max tokens: the answer is truncated ({@code length} / {@code max_tokens}). */
    LENGTH,
    /** The provider or model refused ({@code content_filter} / {@code refusal}, or a non-null OpenAI {@code refusal}). */
    REFUSAL,
    /** Anything else (tool calls, unknown values). */
    OTHER;

    public static FinishReason fromOpenAi(String s) {
        if (s == null) {
            return OTHER;
        }
        return switch (s) {
            case "stop" -> STOP;
            case "length" -> LENGTH;
            case "content_filter" -> REFUSAL;
            default -> OTHER;
        };
    }

    public static FinishReason fromAnthropic(String s) {
        if (s == null) {
            return OTHER;
        }
        return switch (s) {
            case "end_turn", "stop_sequence" -> STOP;
            case "max_tokens" -> LENGTH;
            case "refusal" -> REFUSAL;
            default -> OTHER;
        };
    }
}
