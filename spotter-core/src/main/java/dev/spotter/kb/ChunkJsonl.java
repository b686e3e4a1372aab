package dev.spotter.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

/**
 * The chunks JSONL format: one compact object per line with exactly the keys
 * {@code id, category, title, content, metadata, created_at}, in that order, nulls written as {@code null}, and
 * {@code updated_at} last when the row has one (so a table without that column exports exactly as before).
 *
 * <pre>{"id":"0b5c…","category":"mvq","title":"…","content":"…","metadata":{"tags":["goal"]},"created_at":"2025-11-07T09:00:00Z"}</pre>
 *
 * <p>{@link #toLine} always writes the canonical form (see {@link Canonical}); {@link #parse} accepts any
 * spelling and canonicalises it. So a file written by {@code spotter kb export} goes through
 * import → export unchanged, byte for byte.
 */
public final class ChunkJsonl {
    static final Set<String> KEYS =
            Set.of("id", "category", "title", "content", "metadata", "created_at", "updated_at");
    private static final JsonFactory FACTORY = Canonical.MAPPER.getFactory();
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ChunkJsonl() {}

    /** One canonical line, without the trailing newline. */
    public static String toLine(KbChunk c) {
        StringWriter w = new StringWriter(c.content().length() + 256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            if (c.numericId()) {
                g.writeFieldName("id");
                g.writeNumber(c.id());
            } else {
                g.writeStringField("id", c.id());
            }
            g.writeStringField("category", c.category());
            g.writeStringField("title", c.title());
            g.writeStringField("content", c.content());
            g.writeFieldName("metadata");
            if (c.metadata() == null) {
                g.writeNull();
            } else {
                g.writeRawValue(c.metadata());
            }
            g.writeStringField("created_at", c.createdAt());
            if (c.updatedAt() != null) {
                g.writeStringField("updated_at", c.updatedAt());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Parses one line into a canonical chunk.
     *
     * @throws IllegalArgumentException with a one-line reason (the caller adds file and line number)
     */
    public static KbChunk parse(String line) {
        JsonNode root;
        try {
            root = Canonical.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("line is not a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + Canonical.abbreviate(k, 40)
                        + "\" (allowed: id, category, title, content, metadata, created_at, updated_at)");
            }
        }
        JsonNode idNode = root.get("id");
        String id;
        boolean numeric;
        if (idNode == null || idNode.isNull()) {
            throw new IllegalArgumentException("id is missing");
        } else if (idNode.isIntegralNumber()) {
            BigInteger v = idNode.bigIntegerValue();
            if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
                throw new IllegalArgumentException("id " + v + " does not fit a bigint");
            }
            id = v.toString();
            numeric = true;
        } else if (idNode.isTextual() && !idNode.textValue().isBlank()) {
            id = idNode.textValue();
            Canonical.checkText(id, "id");
            numeric = false;
        } else {
            throw new IllegalArgumentException("id must be an integer or a non-empty string");
        }
        String content = text(root, "content");
        if (content == null || Canonical.isBlank(content)) {
            throw new IllegalArgumentException("content is missing or blank");
        }
        JsonNode meta = root.get("metadata");
        String metadata = (meta == null || meta.isNull()) ? null : Canonical.json(meta);
        String created = text(root, "created_at");
        String updated = text(root, "updated_at");
        return new KbChunk(
                id,
                numeric,
                text(root, "category"),
                text(root, "title"),
                content,
                metadata,
                created == null ? null : Canonical.timestamp(created),
                updated == null ? null : Canonical.timestamp(updated));
    }

    private static String text(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(key + " must be a string or null, was "
                    + n.getNodeType().name().toLowerCase());
        }
        Canonical.checkText(n.textValue(), key);
        return n.textValue();
    }

    /** True if {@code id} is a UUID in canonical lower-case form (how PostgreSQL prints a uuid). */
    static boolean isCanonicalUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
