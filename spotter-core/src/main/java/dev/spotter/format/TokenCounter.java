package dev.spotter.format;

import dev.spotter.tokenizer.Llama3Tokenizer;

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

    /** The exact Llama 3 tokenizer ({@link Llama3Tokenizer#shared()}); thread-safe. */
    static TokenCounter llama3() {
        return Llama3Counter.INSTANCE;
    }

    /** Adapter kept in one place so the rest of the package depends only on this interface. */
    final class Llama3Counter implements TokenCounter {
        static final Llama3Counter INSTANCE = new Llama3Counter();

        private Llama3Counter() {}

        @Override
        public int count(String text) {
            return Llama3Tokenizer.shared().count(text);
        }

        @Override
        public int countRendered(String rendered) {
            return Llama3Tokenizer.shared().countRendered(rendered);
        }
    }
}
