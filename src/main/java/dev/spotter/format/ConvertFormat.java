package dev.spotter.format;

import java.util.Locale;

/** Output formats of {@link Converter}. */
public enum ConvertFormat {
    /** Together/OpenAI/Fireworks conversational JSONL: {@code {"messages":[...]}}, per-message weight allowed. */
    MESSAGES("messages"),
    /** Together generic JSONL {@code {"text": ...}}, the conversation rendered with the Llama 3.3 template. */
    LLAMA3_TEXT("llama3-text"),
    /** {@code {"prompt","completion"}}: Together instruction / Bedrock format; trains the last assistant turn. */
    PROMPT_COMPLETION("prompt-completion");

    private final String cliName;

    ConvertFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ConvertFormat parse(String s) {
        for (ConvertFormat f : values()) {
            if (f.cliName.equals(s.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + s + "\" (expected messages, llama3-text or prompt-completion)");
    }
}
