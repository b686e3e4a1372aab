package dev.spotter.format;

/**
 * A line of chat JSONL that passed every check of the {@link ChatValidator} (its rejected lines go to the
 * quarantine as {@link QuarantineRecord}s).
 *
 * @param source   file name as given (or {@code -} for stdin)
 * @param line     1-based line number in {@code source}
 * @param example  the parsed conversation, content exactly as in the file (not trimmed)
 * @param rendered the conversation rendered with the validator's {@link Llama33Template}
 * @param tokens   Llama 3 tokens of {@code rendered}, or -1 when the validator counts no tokens
 */
public record AcceptedLine(String source, long line, ChatExample example, String rendered, int tokens) {}
