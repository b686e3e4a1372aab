package dev.spotter.format;

/**
 * Counts Llama 3 tokens. Kept as a small interface so the format and report code does not depend on how the
 * tokenizer is built, and so tests can use a deterministic stand-in.
 */
public interface TokenCounter {
    /** Tokens of ordinary text: special-token strings inside it are plain text, never control tokens. */
    int count(String text);

    /**
     * Tokens of text produced by {@link Llama33Template}: the template's own special-token strings
     * ({@code <|begin_of_text|>}, headers, {@code <|eot_id|>}) count as one token each.
     */
    int countRendered(String rendered);
}
