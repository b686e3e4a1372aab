package dev.spotter.review;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatJson;
import dev.spotter.kernel.AtomicFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * edited example as a chat JSONL line, and {@code original}, whose SHA-256 is {@code content_hash}).
 *
 * <p>Import is in two stages. <b>Checking</b> is all or nothing: every line is parsed strictly (one JSON object per
 * line, no trailing text, no duplicate keys, known fields and types, a known source and reason code; a UTF-8 BOM and
 * CRLF line ends are accepted) and any bad line rejects the whole file, each reported with its number and reason.
 * <b>Merging</b> ({@link DecisionMerge}) then applies the rule for several decisions on one record (the same content
 * hash): the same verdict from several lines or reviewers is one decision (the earliest is kept); rejects that differ
 * only in reason code keep the later one; any other disagreement (accept vs reject, accept vs edit, two different
 * edits) is a conflict, reported and not applied, so the record stays undecided for a person to settle in the app.
 * A decision whose content hash matches no record of the source's file now, or that contradicts a decision already in
 * review.db, is reported and not applied; one identical to a stored verdict is skipped. What remains is stored in one
 * transaction.
 */
public final class DecisionsJsonl {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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

    /** One rejected import line (line 0: the file as a whole). */
    public record LineError(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }

        /** {@code file:line: reason}, the way compilers report. */
        public String format(Path file) {
            return line == 0 ? file + ": " + reason : file + ":" + line + ": " + reason;
        }
    }

    /** A well-formed decision (or group of them) that was not applied, and why. */
    public record NotApplied(List<Long> lines, String source, String recordId, String reason) {
        public NotApplied {
            lines = List.copyOf(lines);
        }

        /** {@code file:line[,line]: source record: reason}. */
        public String format(Path file) {
            StringBuilder b = new StringBuilder().append(file).append(':');
            for (int i = 0; i < lines.size(); i++) {
                b.append(i == 0 ? "" : ",").append(lines.get(i));
            }
            return b.append(": ")
                    .append(source)
                    .append(' ')
                    .append(recordId)
                    .append(": ")
                    .append(reason)
                    .toString();
        }
    }

    /**
     * @param read       non-blank lines read
     * @param stored     decisions stored (0 when {@code errors} is not empty)
     * @param skipped    lines that add nothing: identical to a stored decision, or the same verdict as another line
     * @param errors     malformed lines; when not empty nothing was stored
     * @param notApplied conflicts, decisions on records that are not there and contradictions of review.db
     */
    public record ImportResult(
            long read, int stored, int skipped, List<LineError> errors, List<NotApplied> notApplied) {
        public ImportResult {
            errors = List.copyOf(errors);
            notApplied = List.copyOf(notApplied);
        }

        /** True when the file was well-formed (something may still be in {@link #notApplied}). */
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

    /** Writes every live decision to {@code out} atomically ({@link AtomicFile}); returns the count. */
    public static int export(DecisionStore store, Path out) throws IOException {
        List<Decision> all = store.allLive();
        try (AtomicFile f = AtomicFile.open(out)) {
            for (Decision d : all) {
                f.line(line(d));
            }
            f.commit();
        }
        return all.size();
    }

    /** As {@link #importFile(DecisionStore, Path, Map, Map)} without checking that the records exist. */
    public static ImportResult importFile(DecisionStore store, Path file, Map<String, ReviewPolicy> policies)
            throws IOException {
        return importFile(store, file, policies, Map.of());
    }

    /**
     * Checks every line of {@code file} and, only if all are well-formed, merges them and stores the result in one
     * transaction (see the class comment for the rules).
     *
     * @param policies the known sources and their reasons; a line naming another source or an unknown reason code is
     *                 an error. Empty = accept any source and any well-formed reason code.
     * @param indexes  the sources' files as they are now, by source id: a decision must match a record by content
     *                 hash (its record id, line and batch are taken from there). A source without an index is not
     *                 checked.
     */
    public static ImportResult importFile(
            DecisionStore store, Path file, Map<String, ReviewPolicy> policies, Map<String, SourceIndex> indexes)
            throws IOException {
        List<DecisionMerge.Numbered> valid = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        long read = 0;
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = r.readLine()) != null) {
                n++;
                if (n == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1); // a BOM, as Windows editors write
                }
                if (text.isBlank()) {
                    continue;
                }
                read++;
                try {
                    valid.add(new DecisionMerge.Numbered(n, parse(text, policies)));
                } catch (IllegalArgumentException e) {
                    errors.add(new LineError(n, String.valueOf(e.getMessage())));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            errors.add(new LineError(n + 1, "not UTF-8 text"));
        }
        if (!errors.isEmpty()) {
            return new ImportResult(read, 0, 0, errors, List.of());
        }
        DecisionMerge.Plan plan = DecisionMerge.plan(valid, indexes, store);
        try {
            int stored = store.importAll(plan.toStore());
            return new ImportResult(
                    read, stored, plan.skipped() + plan.toStore().size() - stored, List.of(), plan.notApplied());
        } catch (DecisionStore.Conflict e) {
            return new ImportResult(
                    read,
                    0,
                    0,
                    List.of(new LineError(
                            0,
                            "review.db changed during the import (" + e.getMessage()
                                    + "); nothing imported, run again")),
                    List.of());
        }
    }

    /** Parses and checks one line; throws {@link IllegalArgumentException} with the reason. */
    static Decision parse(String text, Map<String, ReviewPolicy> policies) {
        JsonNode o;
        try {
            o = MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int cut = why.indexOf('\n');
            throw new IllegalArgumentException("not JSON (" + (cut < 0 ? why : why.substring(0, cut)) + ")");
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
