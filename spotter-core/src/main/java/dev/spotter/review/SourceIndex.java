package dev.spotter.review;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One source file (chat JSONL) and its provenance sidecar as the review sees them: every non-blank line is a
 * {@link Record} with its SHA-256 content hash, and the records are cut into {@link Batch}es.
 *
 * <p>Batches: records whose provenance carries a generation {@code run_id} (one live run or one batch-API import)
 * form one batch per run id; the others are cut, in file order, into batches of {@code batchSize} records. A
 * batch's id is {@code run-<run_id>} or {@code lines-<first>-<last>} (physical line numbers).
 *
 * <p>The content hash is SHA-256 over the line's bytes without its terminator ({@code \n} or {@code \r\n}): what
 * {@code sha256sum} prints for the line alone. A decision is bound to it, so it stops applying the moment the line
 * changes.
 *
 * <p>Memory: the index is the point here. It holds one small record per line (about 0.5 KiB with its excerpt),
 * never the lines themselves; {@link #line(Record)} reads a line back by its byte offset. Thread-safe once built.
 */
public final class SourceIndex {
    /** Lines up to this size are parsed for the excerpt; longer ones are hashed only (the build rejects them). */
    static final int KEEP_BYTES = 8 << 20;

    private static final int EXCERPT_CHARS = 160;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One record.
     *
     * @param index       0-based position among the source's records
     * @param line        1-based physical line in the data file
     * @param contentHash SHA-256 hex of the line
     * @param recordId    the generation {@code custom_id} from provenance, else {@code line:N}
     * @param category    provenance {@code category}, else the source's default ({@code ""} when none)
     * @param batchId     the batch it belongs to
     * @param excerpt     the first user message, shortened (for the list view)
     */
    public record Record(
            int index,
            long line,
            String contentHash,
            String recordId,
            String category,
            String batchId,
            String excerpt,
            long offset,
            int length,
            long provOffset,
            int provLength) {}

    /**
     * A batch: records in file order and the hash of its membership (SHA-256 over the sorted content hashes), which
     * a sign-off is bound to.
     */
    public record Batch(String id, List<Record> records, String membersHash) {
        public Batch {
            records = List.copyOf(records);
        }
    }

    private final String sourceId;
    private final Path data;
    private final @Nullable Path sidecar;
    private final List<Record> records;
    private final List<Batch> batches;
    private final Map<String, Batch> byId;
    private final List<String> warnings;
    private final long size;
    private final FileTime modified;

    private SourceIndex(
            String sourceId,
            Path data,
            @Nullable Path sidecar,
            List<Record> records,
            List<Batch> batches,
            List<String> warnings,
            long size,
            FileTime modified) {
        this.sourceId = sourceId;
        this.data = data;
        this.sidecar = sidecar;
        this.records = Collections.unmodifiableList(records);
        this.batches = List.copyOf(batches);
        Map<String, Batch> m = new LinkedHashMap<>();
        for (Batch b : batches) {
            m.put(b.id(), b);
        }
        this.byId = Collections.unmodifiableMap(m);
        this.warnings = List.copyOf(warnings);
        this.size = size;
        this.modified = modified;
    }

    /**
     * Reads {@code data} and, when it exists, {@code sidecar} (line N describes line N).
     *
     * @param defaultCategory category of records whose provenance names none
     * @throws IOException when the data file cannot be read
     */
    public static SourceIndex scan(
            String sourceId, Path data, @Nullable Path sidecar, String defaultCategory, int batchSize)
            throws IOException {
        Objects.requireNonNull(sourceId, "sourceId");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        long size = Files.size(data);
        FileTime modified = Files.getLastModifiedTime(data);
        List<String> warnings = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        List<String> runIds = new ArrayList<>();
        Path side = sidecar != null && Files.isRegularFile(sidecar) ? sidecar : null;
        try (LineScanner d = new LineScanner(data, KEEP_BYTES);
                LineScanner p = side == null ? null : new LineScanner(side, 1 << 20)) {
            LineScanner.Line l;
            boolean sidecarShort = false;
            while ((l = d.next()) != null) {
                LineScanner.Line pl = p == null ? null : p.next();
                if (p != null && pl == null && !sidecarShort) {
                    warnings.add(side + " has fewer lines than " + data + " (from line " + l.number()
                            + " on, no provenance)");
                    sidecarShort = true;
                }
                if (l.bytes() != null && isBlank(l.bytes())) {
                    continue;
                }
                Prov prov = Prov.parse(pl, side, warnings);
                String category = prov.category != null ? prov.category : defaultCategory;
                String recordId = prov.customId != null ? prov.customId : "line:" + l.number();
                records.add(new Record(
                        records.size(),
                        l.number(),
                        l.sha256(),
                        recordId,
                        category,
                        "",
                        excerpt(l.bytes()),
                        l.offset(),
                        l.length(),
                        pl == null ? -1 : pl.offset(),
                        pl == null ? 0 : pl.length()));
                runIds.add(prov.runId == null ? "" : prov.runId);
            }
            if (p != null && p.next() != null) {
                warnings.add(side + " has more lines than " + data + "; the extra lines describe nothing");
            }
        }
        List<Batch> batches = cut(records, runIds, batchSize);
        return new SourceIndex(sourceId, data, side, records, batches, warnings, size, modified);
    }

    /** Groups by run id (first appearance order), the rest in chunks of {@code batchSize}; fills in batch ids. */
    private static List<Batch> cut(List<Record> records, List<String> runIds, int batchSize) {
        Map<String, List<Integer>> runs = new LinkedHashMap<>();
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String run = runIds.get(i);
            if (!run.isEmpty()) {
                runs.computeIfAbsent(run, k -> new ArrayList<>()).add(i);
            } else {
                open.add(i);
                if (open.size() == batchSize) {
                    chunks.add(open);
                    open = new ArrayList<>();
                }
            }
        }
        if (!open.isEmpty()) {
            chunks.add(open);
        }
        List<Map.Entry<String, List<Integer>>> all = new ArrayList<>();
        runs.forEach((run, idx) -> all.add(Map.entry("run-" + run, idx)));
        for (List<Integer> c : chunks) {
            all.add(Map.entry(
                    "lines-" + records.get(c.getFirst()).line() + "-"
                            + records.get(c.getLast()).line(),
                    c));
        }
        all.sort((x, y) -> Integer.compare(x.getValue().getFirst(), y.getValue().getFirst()));
        List<Batch> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : all) {
            List<Record> members = new ArrayList<>();
            for (int i : e.getValue()) {
                Record r = records.get(i);
                Record withBatch = new Record(
                        r.index(),
                        r.line(),
                        r.contentHash(),
                        r.recordId(),
                        r.category(),
                        e.getKey(),
                        r.excerpt(),
                        r.offset(),
                        r.length(),
                        r.provOffset(),
                        r.provLength());
                records.set(i, withBatch);
                members.add(withBatch);
            }
            out.add(new Batch(e.getKey(), members, membersHash(members)));
        }
        return out;
    }

    /** The content hash of a line (no terminator): SHA-256 of its UTF-8 bytes in lower-case hex. */
    public static String contentHash(String line) {
        return Sha256.hex(line);
    }

    static String membersHash(List<Record> members) {
        List<String> hashes = new ArrayList<>(members.size());
        for (Record r : members) {
            hashes.add(r.contentHash());
        }
        Collections.sort(hashes);
        return Sha256.hex(String.join("\n", hashes));
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The first user message, whitespace collapsed, at most 160 chars; "" when the line does not parse. Streams the
     * JSON and stops at the first user message, so the (long) assistant answers after it are never parsed.
     */
    private static String excerpt(byte @Nullable [] line) {
        if (line == null) {
            return "(line longer than 8 MiB)";
        }
        try (JsonParser p = MAPPER.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!"messages".equals(field) || v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String role = null;
                    String content = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken t = p.nextToken();
                        if ("role".equals(f) && t == JsonToken.VALUE_STRING) {
                            role = p.getText();
                        } else if ("content".equals(f) && t == JsonToken.VALUE_STRING && content == null) {
                            content = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                    if ("user".equals(role) && content != null) {
                        String t = content.replaceAll("\\s+", " ").strip();
                        return t.length() <= EXCERPT_CHARS ? t : t.substring(0, EXCERPT_CHARS - 1) + "…";
                    }
                }
                return "";
            }
            return "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** What the scan needs from one provenance line. */
    private record Prov(
            @Nullable String category,
            @Nullable String customId,
            @Nullable String runId) {
        static Prov parse(LineScanner.@Nullable Line pl, @Nullable Path side, List<String> warnings) {
            if (pl == null || pl.bytes() == null) {
                return new Prov(null, null, null);
            }
            try {
                JsonNode n = MAPPER.readTree(pl.bytes());
                if (n == null || !n.isObject()) {
                    throw new IOException("not a JSON object");
                }
                return new Prov(text(n, "category"), text(n, "custom_id"), text(n, "run_id"));
            } catch (IOException e) {
                if (warnings.size() < 20) {
                    warnings.add(side + ":" + pl.number() + ": provenance line is not a JSON object; record has none");
                }
                return new Prov(null, null, null);
            }
        }

        private static @Nullable String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
        }
    }

    public String sourceId() {
        return sourceId;
    }

    public Path data() {
        return data;
    }

    public @Nullable Path sidecar() {
        return sidecar;
    }

    public List<Record> records() {
        return records;
    }

    public List<Batch> batches() {
        return batches;
    }

    /** The batch with this id; throws {@link IllegalArgumentException} if there is none. */
    public Batch batch(String id) {
        Batch b = byId.get(id);
        if (b == null) {
            throw new IllegalArgumentException("source " + sourceId + " has no batch " + id);
        }
        return b;
    }

    /** The record on physical line {@code line}, or null (blank line, or past the end). */
    public @Nullable Record recordAtLine(long line) {
        int lo = 0;
        int hi = records.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long l = records.get(mid).line();
            if (l < line) {
                lo = mid + 1;
            } else if (l > line) {
                hi = mid - 1;
            } else {
                return records.get(mid);
            }
        }
        return null;
    }

    /** Problems with the sidecar (missing lines, unreadable lines), one line each. */
    public List<String> warnings() {
        return warnings;
    }

    /** True when the data file's size or modification time differs from the scan's: scan again. */
    public boolean changedOnDisk() {
        try {
            return Files.size(data) != size || !Files.getLastModifiedTime(data).equals(modified);
        } catch (IOException e) {
            return true;
        }
    }

    /** The record's line as text (read from disk by offset). */
    public String line(Record r) {
        return read(data, r.offset(), r.length());
    }

    /** The record's provenance line, or null when it has none. */
    public @Nullable String provenance(Record r) {
        if (sidecar == null || r.provOffset() < 0) {
            return null;
        }
        return read(sidecar, r.provOffset(), r.provLength());
    }

    private static String read(Path file, long offset, int length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining()) {
                if (ch.read(b, offset + b.position()) < 0) {
                    throw new IOException(file + " is shorter than when it was indexed; it changed on disk");
                }
            }
            return new String(b.array(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
