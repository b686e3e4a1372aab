package dev.spotter.kb;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical text forms shared by every reader and writer, so that the same chunk always has the same bytes
 * whichever database it came from.
 *
 * <ul>
 *   <li>JSON (metadata): object keys sorted (by UTF-16 code unit order), compact, floating-point numbers as plain
 *       decimals ({@code 1e2} → {@code 100}, {@code 1.50} stays {@code 1.50}). This matches what PostgreSQL's jsonb
 *       prints for numbers, and jsonb's own key reordering no longer matters because we sort.</li>
 *   <li>Timestamps: UTC instant, {@code Z}, fractional seconds in groups of three digits only when non-zero
 *       ({@link DateTimeFormatter#ISO_INSTANT}); at most microseconds, since PostgreSQL stores no more.</li>
 *   <li>Text: any Unicode except U+0000 (PostgreSQL text cannot hold NUL) and unpaired surrogates (not encodable
 *       as UTF-8). Such text is rejected with a reason, never silently altered.</li>
 * </ul>
 */
final class Canonical {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // keep numbers as written (no trailing-zero stripping): the export must round-trip byte for byte
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final DateTimeFormatter PG_TEXT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:mm", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter();

    private Canonical() {}

    /** Parses JSON text and returns its canonical form; throws {@link IllegalArgumentException} with a reason. */
    static String json(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("metadata is empty");
        }
        return json(node);
    }

    /** The canonical text of a JSON tree; checks every string and key with {@link #checkText}. */
    static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node, "metadata"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON tree", e);
        }
    }

    private static JsonNode sorted(JsonNode node, String where) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            ObjectNode out = MAPPER.createObjectNode();
            for (String k : keys) {
                checkText(k, where + " key");
                out.set(k, sorted(node.get(k), where));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                out.add(sorted(it.next(), where));
            }
            return out;
        }
        if (node.isTextual()) {
            checkText(node.textValue(), where);
        }
        return node;
    }

    /**
     * Rejects text that PostgreSQL cannot store or UTF-8 cannot encode. We reject instead of stripping so that the
     * round trip stays exact for everything we accept.
     */
    static void checkText(String s, String field) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException(
                        field + " contains NUL (U+0000) at char " + i + "; PostgreSQL text cannot store it");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException(field + " contains an unpaired surrogate at char " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(field + " contains an unpaired surrogate at char " + i);
            }
        }
    }

    /** Canonical timestamp text for an instant. */
    static String timestamp(Instant t) {
        if (t.getNano() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "created_at has sub-microsecond precision (" + t + "); PostgreSQL stores microseconds");
        }
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /**
     * Parses ISO-8601 ({@code 2025-11-07T09:00:00Z}, {@code ...+02:00}) or PostgreSQL's text output
     * ({@code 2025-11-07 09:00:00+00}); a value without an offset is taken as UTC (SQLite's CURRENT_TIMESTAMP).
     */
    static String timestamp(String text) {
        String s = text.strip();
        try {
            return timestamp(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the other spellings below
        }
        try {
            var parsed = PG_TEXT.parse(s);
            LocalDateTime ldt = LocalDateTime.of(java.time.LocalDate.from(parsed), java.time.LocalTime.from(parsed));
            ZoneOffset off = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return timestamp(ldt.toInstant(off));
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return timestamp(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created_at is not an ISO-8601 timestamp: " + abbreviate(s, 60));
        }
    }

    /**
     * A timestamp field read from a table (SQL text or a REST API's JSON) for a chunk that is kept whatever the
     * field holds: the canonical text, or null when the value is NULL. A value a chunk cannot carry (PostgreSQL's
     * {@code 'infinity'} / {@code '-infinity'}, which both readers may see as text, or text that is not a timestamp)
     * drops the field, and the drop is counted in {@code notes} under {@code FIELD 'infinity': field dropped, chunk
     * kept} or {@code FIELD not a representable timestamp: …} ({@link #droppedTimestamp}).
     */
    static String keptTimestamp(String text, String field, Map<String, Long> notes) {
        if (text == null) {
            return null;
        }
        if (text.strip().toLowerCase(Locale.ROOT).matches("[-+]?infinity")) {
            return droppedTimestamp(field, true, notes);
        }
        try {
            return timestamp(text);
        } catch (IllegalArgumentException e) {
            return droppedTimestamp(field, false, notes);
        }
    }

    /**
     * Notes a dropped timestamp field (an infinite one, or one that is not representable: out of range, finer
     * than a microsecond, unreadable) and returns null, the field's value in the kept chunk.
     */
    static String droppedTimestamp(String field, boolean infinity, Map<String, Long> notes) {
        notes.merge(
                field + (infinity ? " 'infinity'" : " not a representable timestamp") + ": field dropped, chunk kept",
                1L,
                Long::sum);
        return null;
    }

    /**
     * True when the text holds nothing but white space and invisible characters: spaces of every kind (including
     * no-break U+00A0 and ideographic U+3000, which {@link String#isBlank} counts as content), line ends, and format
     * characters such as the zero-width space and the byte-order mark.
     */
    static boolean isBlank(String s) {
        return s.codePoints()
                .allMatch(cp -> Character.isWhitespace(cp)
                        || Character.isSpaceChar(cp)
                        || Character.getType(cp) == Character.FORMAT
                        || Character.getType(cp) == Character.CONTROL);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
