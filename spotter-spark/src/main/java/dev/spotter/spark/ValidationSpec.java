package dev.spotter.spark;

import dev.spotter.format.ChatValidator;
import dev.spotter.format.TokenCounter;
import java.io.Serializable;

/**
 * The validator's settings, in the serialisable form that is shipped to executors; each executor builds its own
 * {@link ChatValidator} from it ({@link #validator()}), because the validator itself holds a tokenizer and is not
 * serialisable.
 *
 * @param tokenLimit   max Llama 3 tokens of the rendered conversation, 0 for no limit (then no tokenizer loads)
 * @param maxLineBytes longest line accepted, in bytes
 */
public record ValidationSpec(int tokenLimit, int maxLineBytes) implements Serializable {
    public ValidationSpec {
        if (tokenLimit < 0) {
            throw new IllegalArgumentException("tokenLimit must be >= 0 (0 = no limit), was " + tokenLimit);
        }
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be >= 16, was " + maxLineBytes);
        }
    }

    /** The embedded build's defaults: Together's 24,576-token limit, 8 MiB lines. */
    public static ValidationSpec defaults() {
        return new ValidationSpec(ChatValidator.DEFAULT_TOKEN_LIMIT, ChatValidator.DEFAULT_MAX_LINE_BYTES);
    }

    /** A validator with these settings and the default Llama 3.3 template (as {@code ChatValidator.builder()}). */
    public ChatValidator validator() {
        ChatValidator.Builder b = ChatValidator.builder().maxLineBytes(maxLineBytes);
        if (tokenLimit == 0) {
            b.noTokenLimit();
        } else {
            b.tokenCounter(TokenCounter.llama3()).tokenLimit(tokenLimit);
        }
        return b.build();
    }
}
