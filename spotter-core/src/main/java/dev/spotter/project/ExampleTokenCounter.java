package dev.spotter.project;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Llama33Template;
import dev.spotter.format.TokenCounter;
import dev.spotter.tokenizer.Llama3Tokenizer;
import java.nio.charset.StandardCharsets;

/**
 * Counts the tokens of one whole training example as the Llama 3.3 template renders it (BOS, system header with
 * its date lines, every turn's header and {@code <|eot_id|>}): the sequence length a trainer sees.
 * {@link #llama3()} is exact (the foundation's tokenizer); {@link #estimate()} is a cheap deterministic stand-in
 * for tests and quick looks, and every figure made with it says so.
 */
public interface ExampleTokenCounter {
    int count(ChatExample example);

    /** True when counts are exact tokenizer counts, false for an estimate. */
    boolean exact();

    /** Short name shown next to token figures. */
    String describe();

    /** The same counting as a {@link TokenCounter} for the foundation's validator and stats. */
    TokenCounter textCounter();

    /** Exact: Llama 3.3 template (date 26 Jul 2024, BOS included) + the bundled Llama 3 tokenizer. */
    static ExampleTokenCounter llama3() {
        return Llama3.INSTANCE;
    }

    /**
     * Estimate: UTF-8 bytes / 4 per message content (rounded up) + 5 template tokens per message + 27 for BOS and
     * the system header's date lines. Deterministic; typically within ±25% of the exact count on English text.
     */
    static ExampleTokenCounter estimate() {
        return Estimate.INSTANCE;
    }

    /** The exact counter. */
    enum Llama3 implements ExampleTokenCounter {
        INSTANCE;

        private static final Llama33Template TEMPLATE = Llama33Template.defaults();

        @Override
        public int count(ChatExample example) {
            return Llama3Tokenizer.shared().countRendered(TEMPLATE.render(example));
        }

        @Override
        public boolean exact() {
            return true;
        }

        @Override
        public String describe() {
            return "exact (Llama 3 tokenizer, Llama 3.3 template with BOS)";
        }

        @Override
        public TokenCounter textCounter() {
            return TokenCounter.llama3();
        }
    }

    /** The byte-length estimate; see {@link ExampleTokenCounter#estimate()}. */
    enum Estimate implements ExampleTokenCounter {
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

        @Override
        public TokenCounter textCounter() {
            return new TokenCounter() {
                @Override
                public int count(String text) {
                    return (text.getBytes(StandardCharsets.UTF_8).length + 3) / 4;
                }

                @Override
                public int countRendered(String rendered) {
                    return count(rendered);
                }
            };
        }
    }
}
