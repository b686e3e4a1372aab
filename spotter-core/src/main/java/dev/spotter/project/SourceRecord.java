package dev.spotter.project;

import dev.spotter.format.ChatExample;

/**
 * One line of a source file after checking: either an accepted example with its category and token count, or a
 * rejected line with a reason code. {@code file} is relative to the project directory (stable across machines);
 * {@code chunk} is the knowledge-base chunk id an example of a {@code knowledge-base} source answers from, else null.
 */
public record SourceRecord(
        String sourceId,
        String file,
        long line,
        String raw,
        ChatExample example,
        String category,
        int tokens,
        String reason,
        String detail,
        String chunk) {

    /** This record rejected with {@code reason} and {@code detail} (a check after the scanner's, e.g. grounding). */
    public SourceRecord rejected(String reason, String detail) {
        return new SourceRecord(sourceId, file, line, raw, null, null, 0, reason, detail, chunk);
    }

    public boolean accepted() {
        return reason == null;
    }

    /** Provenance id, {@code source:file:line}. */
    public String id() {
        return sourceId + ":" + file + ":" + line;
    }
}
