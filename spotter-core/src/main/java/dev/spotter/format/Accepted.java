package dev.spotter.format;

/**
 * A line that passed every check.
 *
 * @param source   file name as given (or {@code -} for stdin)
 * @param line     1-based line number in {@code source}
 * @param example  the parsed conversation, content exactly as in the file (not trimmed)
 * @param rendered the conversation rendered with the validator's {@link Llama33Template}
 * @param tokens   Llama 3 tokens of {@code rendered}, or -1 when the validator counts no tokens
 */
public record Accepted(String source, long line, ChatExample example, String rendered, int tokens) {}
