package dev.spotter.llm;

/** Token usage as the provider reported it (billing is computed from these, never from estimates). */
public record Usage(long inputTokens, long outputTokens) {
    public static final Usage ZERO = new Usage(0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
    }

    public long total() {
        return inputTokens + outputTokens;
    }
}
