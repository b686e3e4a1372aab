package dev.spotter.project;

import dev.spotter.format.ChatExample;

/**
 * One line of a source file after checking: either an accepted example with its category and token count, or a
 * rejected line with a reason code. {@code file} is relative to the project directory (stable across machines).
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
        String detail) {

    public boolean accepted() {
        return reason == null;
    }

    /** Provenance id, {@code source:file:line}. */
    public String id() {
        return sourceId + ":" + file + ":" + line;
    }
}
