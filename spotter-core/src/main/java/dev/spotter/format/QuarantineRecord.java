package dev.spotter.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One quarantined input: the one record every quarantine file in Spotter holds (the validator's, the build's, the
 * knowledge base's, generation's {@code OUT.rejects.jsonl}). One JSON object per line, keys in this order, absent
 * ones left out:
 *
 * <pre>{@code
 * {"id","source","file","line","reason","detail","context","raw"|"raw_base64","bytes"}
 * }</pre>
 *
 * <ul>
 *   <li>{@code id}: the record's id when it has one (the build's {@code source:file:line}, a generation
 *       {@code custom_id}, a knowledge-base chunk id);</li>
 *   <li>{@code source}: the source it came from (a build source id, {@code knowledge_base});</li>
 *   <li>{@code file}, {@code line}: where it was read, 1-based ({@code line} is the row number, in read order,
 *       when the source is a database table);</li>
 *   <li>{@code reason}: a stable machine code ({@code invalid_json}, {@code truncated}, {@code not_grounded});
 *       {@code detail}: the same in words for a person;</li>
 *   <li>{@code context}: where else it belongs, flat text/number/boolean values (generation: category, slot,
 *       attempt, status);</li>
 *   <li>{@code raw}: the rejected text verbatim when it is valid UTF-8, else {@code raw_base64} with the exact
 *       bytes; {@code bytes} gives the length of an over-long line whose bytes were streamed. Neither when there
 *       was nothing to keep (a connection error).</li>
 * </ul>
 *
 * <p>{@link #parse} reads this shape and the older ones, so quarantine files written before it keep loading:
 * generation's {@code reason_code} (then its {@code reason} is the detail) and {@code custom_id}, the knowledge
 * base's {@code record} and {@code row} (its {@code reason} was a sentence, kept as the detail under the code
 * {@code rejected}); any other key goes into {@code context}.
 *
 * @param line 1-based, or 0 when the record has no position
 * @param bytes the length of a streamed over-long line, or -1
 */
public record QuarantineRecord(
        String id,
        String source,
        String file,
        long line,
        String reason,
        String detail,
        Map<String, Object> context,
        String raw,
        String rawBase64,
        long bytes) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> KNOWN = Set.of(
            "id",
            "source",
            "file",
            "line",
            "reason",
            "detail",
            "context",
            "raw",
            "raw_base64",
            "bytes",
            // older names
            "reason_code",
            "custom_id",
            "record",
            "row");

    public QuarantineRecord {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        context = context == null || context.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        for (Object v : context.values()) {
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException("context values are text, numbers or booleans, got " + v);
            }
        }
        if (raw != null && rawBase64 != null) {
            throw new IllegalArgumentException("a record keeps raw or raw_base64, not both");
        }
    }

    /** A rejected line of a file: {@code {"file","line","reason","detail","raw"}}. */
    public static QuarantineRecord ofLine(String file, long line, String reason, String detail, String raw) {
        return new QuarantineRecord(null, null, file, line, reason, detail, Map.of(), raw, null, -1);
    }

    /** A rejected record that has no file position (a generation response, a database row by id). */
    public static QuarantineRecord of(String id, String reason, String detail, String raw) {
        return new QuarantineRecord(id, null, null, 0, reason, detail, Map.of(), raw, null, -1);
    }

    /** This record with {@code id} and {@code source} (the build names both). */
    public QuarantineRecord from(String id, String source) {
        return new QuarantineRecord(id, source, file, line, reason, detail, context, raw, rawBase64, bytes);
    }

    /** This record with {@code context}. */
    public QuarantineRecord withContext(Map<String, Object> context) {
        return new QuarantineRecord(id, source, file, line, reason, detail, context, raw, rawBase64, bytes);
    }

    /**
     * Reads one quarantine line in this shape or an older one (see the class comment).
     *
     * @throws IllegalArgumentException when the line is not a JSON object or has no reason
     */
    public static QuarantineRecord parse(String jsonLine) {
        JsonNode n;
        try {
            n = JSON.readTree(jsonLine);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a quarantine record: not valid JSON", e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a quarantine record: not a JSON object");
        }
        String reason;
        String detail;
        if (n.hasNonNull("reason_code")) { // generation before the one record: reason_code + reason (words)
            reason = n.get("reason_code").asText();
            detail = text(n, "reason");
        } else {
            reason = text(n, "reason");
            detail = text(n, "detail");
            if (reason != null && detail == null && !CODE.matcher(reason).matches()) {
                detail = reason; // the knowledge base's older records: the reason was a sentence
                reason = "rejected";
            }
        }
        if (reason == null) {
            throw new IllegalArgumentException("not a quarantine record: no reason");
        }
        Map<String, Object> context = new LinkedHashMap<>();
        JsonNode c = n.path("context");
        if (c.isObject()) {
            c.properties().forEach(e -> putScalar(context, e.getKey(), e.getValue()));
        }
        n.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey())) {
                putScalar(context, e.getKey(), e.getValue());
            }
        });
        long line =
                n.hasNonNull("line") ? n.get("line").asLong() : n.path("row").asLong(0);
        return new QuarantineRecord(
                n.hasNonNull("id") ? text(n, "id") : text(n, "custom_id"),
                text(n, "source"),
                text(n, "file"),
                line,
                reason,
                detail,
                context,
                n.hasNonNull("raw") ? text(n, "raw") : text(n, "record"),
                text(n, "raw_base64"),
                n.path("bytes").asLong(-1));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void putScalar(Map<String, Object> m, String key, JsonNode v) {
        if (v.isIntegralNumber()) {
            m.put(key, v.asLong());
        } else if (v.isNumber()) {
            m.put(key, v.asDouble());
        } else if (v.isBoolean()) {
            m.put(key, v.asBoolean());
        } else if (!v.isNull()) {
            m.put(key, v.isValueNode() ? v.asText() : v.toString());
        }
    }
}
