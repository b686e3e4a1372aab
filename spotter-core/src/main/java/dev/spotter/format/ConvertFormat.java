package dev.spotter.format;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.spotter.ConfigurationException;
import java.util.Locale;

/** Output formats of {@link Converter}. */
public enum ConvertFormat {
    /** Together/OpenAI/Fireworks conversational JSONL: {@code {"messages":[...]}}, per-message weight allowed. */
    MESSAGES("messages"),
    /** Together generic JSONL {@code {"text": ...}}, the conversation rendered with the Llama 3.3 template. */
    LLAMA3_TEXT("llama3-text"),
    /** {@code {"prompt","completion"}}: Together instruction / Bedrock format; trains the last assistant turn. */
    PROMPT_COMPLETION("prompt-completion");

    private static final JsonStringEncoder ENC = JsonStringEncoder.getInstance();

    private final String cliName;

    ConvertFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /**
     * One output line (no newline) for {@code example} in this format, rendered with {@code template}. Message
     * weights are written as the example has them; {@link Converter} applies {@code --train-on} before this.
     */
    public String line(ChatExample example, Llama33Template template) {
        return switch (this) {
            case MESSAGES -> ChatJson.toJsonLine(example);
            case LLAMA3_TEXT -> textLine(template.render(example));
            case PROMPT_COMPLETION ->
                "{\"prompt\":\"" + quote(template.renderPrompt(example)) + "\",\"completion\":\""
                        + quote(template.renderCompletion(example)) + "\"}";
        };
    }

    /** The {@code llama3-text} line for an already rendered conversation. */
    static String textLine(String rendered) {
        return "{\"text\":\"" + quote(rendered) + "\"}";
    }

    private static String quote(String s) {
        return new String(ENC.quoteAsString(s));
    }

    public static ConvertFormat parse(String s) {
        for (ConvertFormat f : values()) {
            if (f.cliName.equals(s.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ConfigurationException(
                "unknown format \"" + s + "\" (expected messages, llama3-text or prompt-completion)");
    }
}
