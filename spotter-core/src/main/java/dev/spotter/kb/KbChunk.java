package dev.spotter.kb;

import java.util.Objects;

/**
 * One row of a {@code knowledge_base} table: the unit that is turned into training examples.
 *
 * <p>Values are kept in their canonical text form so that a chunk survives database → JSONL → database →
 * JSONL byte for byte (see {@link ChunkJsonl}).
 *
 * @param id        the primary key as text (a UUID in lower case, a decimal integer, or free text)
 * @param numericId whether the id is an integer column; it is then written as a JSON number
 * @param category  the category (nullable in the table; a chunk without one cannot be given a quota)
 * @param title     the title, or {@code null}
 * @param content   the text the examples must be grounded in; never null
 * @param metadata  canonical JSON text (keys sorted, compact), or {@code null} for SQL NULL
 * @param createdAt ISO-8601 instant in UTC ({@code 2025-11-07T09:00:00Z}, fraction only when non-zero), or {@code null}
 * @param updatedAt the same for the row's last change, or {@code null} (the table has no such column, or no value)
 */
public record KbChunk(
        String id,
        boolean numericId,
        String category,
        String title,
        String content,
        String metadata,
        String createdAt,
        String updatedAt) {
    public KbChunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        if (numericId && !id.matches("-?[0-9]{1,19}")) {
            throw new IllegalArgumentException("numeric id is not a 64-bit integer: " + id);
        }
    }

    /** A chunk without {@code updated_at}. */
    public KbChunk(
            String id,
            boolean numericId,
            String category,
            String title,
            String content,
            String metadata,
            String createdAt) {
        this(id, numericId, category, title, content, metadata, createdAt, null);
    }

    /** SHA-256 (hex) of the content's UTF-8 bytes: what a generated example records to tell when its chunk changed. */
    public String contentSha256() {
        return dev.spotter.kernel.Hashing.sha256Hex(content);
    }
}
