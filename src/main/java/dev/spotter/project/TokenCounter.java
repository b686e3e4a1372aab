package dev.spotter.project;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import java.nio.charset.StandardCharsets;

/**
 * Counts the tokens of one training example as the Llama 3.3 template renders it. The exact count comes from the
 * foundation's Llama 3 tokenizer; {@link #estimate()} is a stand-in used until that is wired in (and by tests that
 * must not depend on it), so every figure made with it is labelled an estimate.
 */
public interface TokenCounter {
    int count(ChatExample example);

    /** True when counts are exact tokenizer counts, false for an estimate. */
    boolean exact();

    /** Short name shown next to token figures. */
    String describe();

    /**
     * Estimate: UTF-8 bytes / 4 per message content (rounded up) + 5 template tokens per message + 26 for the
     * system header's date lines, mirroring the 3.3 template's fixed parts. Deterministic; typically within
     * ±25% of the exact count on English text.
     */
    static TokenCounter estimate() {
        return Estimate.INSTANCE;
    }

    /** The byte-length estimate; see {@link TokenCounter#estimate()}. */
    enum Estimate implements TokenCounter {
        INSTANCE;

        @Override
        public int count(ChatExample example) {
            long n = 1 + 26;
            for (ChatMessage m : example.messages()) {
                n += 5 + (m.content().getBytes(StandardCharsets.UTF_8).length + 3) / 4;
            }
            return (int) Math.min(Integer.MAX_VALUE, n);
        }

        @Override
        public boolean exact() {
            return false;
        }

        @Override
        public String describe() {
            return "estimated (UTF-8 bytes/4 + template overhead)";
        }
    }
}
