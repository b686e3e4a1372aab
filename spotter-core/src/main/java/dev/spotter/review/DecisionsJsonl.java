package dev.spotter.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decisions as JSONL, one line per live decision, so they can be versioned, merged from two reviewers or produced
 * by another tool:
 *
 * <pre>{@code
 * {"source":"injury","content_hash":"<sha256 of the line>","record_id":"acute_0_a1","line":1,"batch":"lines-1-50",
 *  "action":"reject","reason":"unsafe_advice","note":"tells a red-flag user to keep squatting","edited":null,
 *  "original":null,"reviewer":"ana","decided_at":"2026-12-01T10:00:00Z","ms_spent":5120}
 * }</pre>
 *
 * {@code action} is {@code accept}, {@code reject} (needs {@code reason}) or {@code edit} (needs {@code edited}, the
 * edited example as a chat JSONL line, and {@code original}). Import is all or nothing: every line is checked first
 * and any error rejects the whole file, each bad line reported with its number and reason; a decision identical to
 * one already stored is skipped, a different one on an already decided record is an error.
 */
final class DecisionsJsonl {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of(
            "source",
            "content_hash",
            "record_id",
            "line",
            "batch",
            "action",
            "reason",
            "note",
            "edited",
            "original",
            "reviewer",
            "decided_at",
            "ms_spent");

    /** One rejected import line. */
    public record LineError(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /**
     * @param read    non-blank lines read
     * @param stored  decisions stored (0 when {@code errors} is not empty)
     * @param skipped lines identical to a stored decision
     */
    public record ImportResult(long read, int stored, int skipped, List<LineError> errors) {
        public ImportResult {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private DecisionsJsonl() {}

    /** One JSONL line for a decision. */
    public static String line(Decision d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", d.source());
        o.put("content_hash", d.contentHash());
        o.put("record_id", d.recordId());
        o.put("line", d.line());
        o.put("batch", d.batch());
        o.put("action", d.action().wireName());
        o.put("reason", d.reason());
        o.put("note", d.note());
        o.put("edited", d.edited());
        o.put("original", d.original());
        o.put("reviewer", d.reviewer());
        o.put("decided_at", d.decidedAt().toString());
        o.put("ms_spent", d.msSpent());
        return o.toString();
    }

    /** Writes every live decision to {@code out} atomically (temp file, fsync, rename); returns the count. */
    public static int export(DecisionStore store, Path out) throws IOException {
        List<Decision> all = store.allLive();
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    BufferedWriter w = new BufferedWriter(
                            new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8))) {
                for (Decision d : all) {
                    w.write(line(d));
                    w.write('\n');
                }
                w.flush();
                ch.force(true);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return all.size();
    }

    /**
     * Checks every line of {@code file} and, only if all are valid, stores them in one transaction.
     *
     * @param policies the known sources and their reasons; a line naming another source or an unknown reason code is
     *                 an error. Empty = accept any source and any well-formed reason code.
     */
    public static ImportResult importFile(DecisionStore store, Path file, Map<String, ReviewPolicy> policies)
            throws IOException {
        List<Decision> valid = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        long read = 0;
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = r.readLine()) != null) {
                n++;
                if (text.isBlank()) {
                    continue;
                }
                read++;
                try {
                    Decision d = parse(text, policies);
                    String key = d.source() + "\n" + d.contentHash();
                    Long first = seen.putIfAbsent(key, n);
                    if (first != null) {
                        throw new IllegalArgumentException("second decision on record " + d.recordId() + " of "
                                + d.source() + " (first on line " + first + ")");
                    }
                    valid.add(d);
                } catch (IllegalArgumentException e) {
                    errors.add(new LineError(n, String.valueOf(e.getMessage())));
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            errors.add(new LineError(n + 1, "not UTF-8 text"));
        }
        if (!errors.isEmpty()) {
            return new ImportResult(read, 0, 0, errors);
        }
        int before = valid.size();
        try {
            int stored = store.importAll(valid);
            return new ImportResult(read, stored, before - stored, List.of());
        } catch (DecisionStore.Conflict e) {
            return new ImportResult(read, 0, 0, List.of(new LineError(0, String.valueOf(e.getMessage()))));
        }
    }

    /** Parses and checks one line; throws {@link IllegalArgumentException} with the reason. */
    static Decision parse(String text, Map<String, ReviewPolicy> policies) {
        JsonNode o;
        try {
            o = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field \"" + f + "\"");
            }
        }
        String source = required(o, "source");
        String hash = required(o, "content_hash");
        if (!Sha256.isHex64(hash)) {
            throw new IllegalArgumentException("content_hash must be 64 lower-case hex digits (SHA-256 of the line)");
        }
        String actionText = required(o, "action");
        Decision.Action action = Decision.Action.parse(actionText);
        if (action == null) {
            throw new IllegalArgumentException("action must be accept, reject or edit, was \"" + actionText + "\"");
        }
        String reason = optional(o, "reason");
        String edited = optional(o, "edited");
        String original = optional(o, "original");
        ReviewPolicy policy = policies.get(source);
        if (!policies.isEmpty() && policy == null) {
            throw new IllegalArgumentException(
                    "unknown source \"" + source + "\" (known: " + String.join(", ", policies.keySet()) + ")");
        }
        if (action == Decision.Action.REJECT) {
            if (reason == null) {
                throw new IllegalArgumentException("a reject needs a reason");
            }
            if (policy != null && policy.reason(reason) == null) {
                throw new IllegalArgumentException("unknown reason \"" + reason + "\" for source " + source);
            }
        } else if (reason != null) {
            throw new IllegalArgumentException("only a reject has a reason");
        }
        if (action == Decision.Action.EDIT) {
            if (edited == null || original == null) {
                throw new IllegalArgumentException("an edit needs \"edited\" and \"original\" (chat JSONL lines)");
            }
            try {
                ChatJson.parse(edited);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("edited is not a chat example: " + String.valueOf(e.getMessage()));
            }
            if (!Sha256.hex(original).equals(hash)) {
                throw new IllegalArgumentException("original does not have the content_hash it claims");
            }
        } else if (edited != null) {
            throw new IllegalArgumentException("only an edit has edited content");
        }
        String reviewer = required(o, "reviewer");
        String at = required(o, "decided_at");
        Instant decidedAt;
        try {
            decidedAt = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("decided_at must be an ISO-8601 UTC time such as 2026-12-01T10:00:00Z");
        }
        long line = number(o, "line", 1);
        long ms = number(o, "ms_spent", 0);
        String recordId = optional(o, "record_id");
        String batch = optional(o, "batch");
        return new Decision(
                0,
                source,
                hash,
                recordId == null ? "line:" + line : recordId,
                line,
                batch == null ? "" : batch,
                action,
                reason,
                optional(o, "note"),
                edited,
                original,
                reviewer,
                decidedAt,
                ms,
                "import");
    }

    private static @Nullable String textOrNull(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(
                    field + " must be a string, was " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }

    private static String required(JsonNode o, String field) {
        String v = optional(o, field);
        if (v == null) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v;
    }

    private static @Nullable String optional(JsonNode o, String field) {
        String v = textOrNull(o, field);
        return v == null || v.isBlank() ? null : v;
    }

    private static long number(JsonNode o, String field, long min) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min) {
            throw new IllegalArgumentException(field + " must be an integer >= " + min + ", was " + v);
        }
        return v.asLong();
    }
}
