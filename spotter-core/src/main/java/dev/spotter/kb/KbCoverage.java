package dev.spotter.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.DataSourceException;
import dev.spotter.FileException;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Role;
import dev.spotter.format.TextLines;
import dev.spotter.kernel.AtomicFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Coverage check for examples generated from knowledge-base chunks: every example is traced to its chunk, checked
 * for grounding ({@link GroundingChecker}) and counted against the chunk's quota ({@link QuotaPolicy}).
 *
 * <p>Where the chunk id comes from, first match wins: a provenance sidecar line (line N describes example N, as
 * {@code spotter generate} writes it) with {@code attributes.source_id}, {@code source_id} or {@code kb_chunk_id};
 * or the example line itself with {@code kb_chunk_id}, {@code source_id} or {@code metadata.kb_chunk_id}.
 *
 * <p>Every example read is either accepted (written to the grounded output when one is given) or rejected to the
 * quarantine with a reason: no chunk id, unknown chunk, not a chat example, stale (its chunk changed since it was
 * generated: the provenance's {@code attributes.source_sha256} differs from the chunk's {@link KbPlan#sourceSha256}),
 * not grounded, or over the chunk's max. Stale examples are also listed in the report, so the user sees which
 * ones {@code kb generate} will regenerate.
 * Memory: the chunk index (the chunks' text plus a few counters per chunk); examples are streamed.
 */
public final class KbCoverage {
    /** Per-chunk state of the check. */
    public enum Status {
        OK,
        UNDER_MIN,
        MULTI_TURN_SHORT
    }

    /** One row of the report. */
    public record ChunkRow(
            String id,
            String category,
            String title,
            int min,
            int max,
            int target,
            int multiTurnNeeded,
            int accepted,
            int multiTurn,
            int rejected,
            int stale,
            double meanScore,
            double minScore,
            Status status) {}

    /** The whole report; {@code read == accepted + rejected}. {@code ok} when every chunk is {@link Status#OK}. */
    public record Report(
            long read,
            long accepted,
            long rejected,
            Map<String, Long> rejectReasons,
            List<ChunkRow> rows,
            List<StaleExample> stale) {
        public boolean ok() {
            return rows.stream().allMatch(r -> r.status() == Status.OK);
        }
    }

    /** An example whose chunk changed since it was generated: its line in the examples file, and the chunk. */
    public record StaleExample(long line, String chunkId, String reason) {}

    /**
     * Why an example is stale, from its provenance attributes JSON, or null when it is not (or cannot tell: no
     * recorded hash). {@code now}: chunk id → current {@link KbPlan#sourceSha256}.
     */
    static String staleReason(String attributesJson, Map<String, String> now) {
        if (attributesJson == null) {
            return null;
        }
        try {
            JsonNode a = JSON.readTree(attributesJson);
            return staleReason(a, now);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The examples of a provenance sidecar whose chunk changed since they were generated (streamed; the list holds
     * the stale ones only). {@code now}: chunk id → current {@link KbPlan#sourceSha256}. A missing file has none.
     */
    public static List<StaleExample> staleExamples(Path provenance, Map<String, String> now) throws IOException {
        List<StaleExample> out = new ArrayList<>();
        if (!Files.isRegularFile(provenance)) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(provenance, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode p;
                try {
                    p = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // the build's own checks report unreadable provenance
                }
                String why = staleReason(p.get("attributes"), now);
                if (why != null) {
                    out.add(new StaleExample(
                            n, p.path("attributes").path("source_id").asText(), why));
                }
            }
        }
        return out;
    }

    private static String staleReason(JsonNode attrs, Map<String, String> now) {
        JsonNode id = attrs == null ? null : attrs.get("source_id");
        JsonNode sha = attrs == null ? null : attrs.get("source_sha256");
        if (id == null || sha == null || !sha.isTextual()) {
            return null;
        }
        String cur = now.get(id.asText());
        if (cur == null) {
            return "chunk " + id.asText() + " is no longer in the knowledge base";
        }
        return cur.equals(sha.textValue())
                ? null
                : "chunk " + id.asText() + " changed since this example was generated (sha256 "
                        + sha.textValue()
                                .substring(0, Math.min(12, sha.textValue().length())) + "…, now "
                        + cur.substring(0, 12) + "…)";
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<QuotaPolicy.ChunkQuota> quotas;
    private final GroundingChecker checker;

    public KbCoverage(List<QuotaPolicy.ChunkQuota> quotas, GroundingChecker checker) {
        this.quotas = List.copyOf(Objects.requireNonNull(quotas, "quotas"));
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    private static final class Tally {
        final QuotaPolicy.ChunkQuota q;
        int accepted;
        int multi;
        int rejected;
        int stale;
        double scoreSum;
        double scoreMin = Double.NaN;

        Tally(QuotaPolicy.ChunkQuota q) {
            this.q = q;
        }
    }

    /**
     * Checks {@code examples} (chat JSONL). {@code provenance} may be null (ids inline); {@code grounded} may be null
     * (no filtered output wanted).
     */
    public Report check(Path examples, Path provenance, Path grounded, Path quarantine) {
        Map<String, Tally> byId = new LinkedHashMap<>();
        for (QuotaPolicy.ChunkQuota q : quotas) {
            byId.put(q.chunk().id(), new Tally(q));
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        Map<String, String> hashes = new java.util.HashMap<>();
        for (QuotaPolicy.ChunkQuota q : quotas) {
            hashes.put(q.chunk().id(), KbPlan.sourceSha256(q.chunk()));
        }
        List<StaleExample> staleList = new ArrayList<>();
        long read = 0;
        long ok = 0;
        FileException.requireReadableFile(examples);
        if (provenance != null) {
            FileException.requireReadableFile(provenance);
        }
        // lines split and decoded as validate does (TextLines): a line that is not UTF-8 is quarantined, not fatal
        try (InputStream inStream = Files.newInputStream(examples);
                InputStream provStream = provenance == null ? null : Files.newInputStream(provenance);
                AtomicFile out = grounded == null ? null : AtomicFile.open(grounded);
                Quarantine q = Quarantine.ofFile(quarantine, examples.toString())) {
            TextLines in = new TextLines(inStream);
            TextLines prov = provStream == null ? null : new TextLines(provStream);
            while (in.next()) {
                long n = in.lineNumber();
                String line = in.text();
                if (prov != null && !prov.next()) {
                    throw new DataSourceException(
                            provenance + " has fewer lines than " + examples + " (ends before line " + n + ")");
                }
                String provLine = prov == null ? null : prov.text();
                if (line == null) {
                    read++;
                    count(reasons, "bad_example");
                    q.add(n, null, "bad_example", "not a chat example: " + in.problem(), "");
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                read++;
                String reject;
                String chunkId = null;
                String code;
                ChatExample ex = null;
                JsonNode root;
                JsonNode provNode = null;
                try {
                    root = JSON.readTree(line);
                    ex = ChatJson.fromNode(root);
                    provNode = provLine == null ? null : JSON.readTree(provLine);
                    chunkId = chunkId(provNode, root);
                } catch (IOException | IllegalArgumentException e) {
                    root = null;
                    code = "bad_example";
                    reject = "not a chat example: " + e.getMessage();
                    count(reasons, code);
                    q.add(n, null, code, reject, Canonical.abbreviate(line, 4000));
                    continue;
                }
                Tally t = chunkId == null ? null : byId.get(chunkId);
                if (chunkId == null) {
                    code = "no_chunk_id";
                    reject = "no chunk id (attributes.source_id in provenance, or kb_chunk_id on the line)";
                } else if (t == null) {
                    code = "unknown_chunk";
                    reject = "chunk " + chunkId + " is not in the knowledge base being checked";
                } else if (provNode != null && staleReason(provNode.get("attributes"), hashes) != null) {
                    code = "stale_chunk";
                    reject = staleReason(provNode.get("attributes"), hashes) + "; kb generate regenerates it";
                    t.rejected++;
                    t.stale++;
                    staleList.add(new StaleExample(n, chunkId, reject));
                } else {
                    GroundingChecker.Result r = checker.check(t.q.chunk().content(), ex);
                    if (!r.grounded()) {
                        code = "not_grounded";
                        reject = r.reason();
                        t.rejected++;
                    } else if (t.accepted >= t.q.max()) {
                        code = "over_max";
                        reject = "chunk " + chunkId + " already has its max of " + t.q.max() + " examples";
                        t.rejected++;
                    } else {
                        t.accepted++;
                        if (ex.messages().stream()
                                        .filter(m -> m.role() == Role.USER)
                                        .count()
                                >= 2) {
                            t.multi++;
                        }
                        t.scoreSum += r.score();
                        t.scoreMin = Double.isNaN(t.scoreMin) ? r.score() : Math.min(t.scoreMin, r.score());
                        ok++;
                        if (out != null) {
                            out.line(line);
                        }
                        continue;
                    }
                }
                count(reasons, code);
                q.add(n, chunkId, code, reject, Canonical.abbreviate(line, 4000));
            }
            if (out != null) {
                out.commit();
            }
        } catch (IOException e) {
            throw FileException.reading(examples, e);
        }
        List<ChunkRow> rows = new ArrayList<>();
        for (Tally t : byId.values()) {
            // the multi-turn share applies to what was accepted: 50% of 7 accepted examples needs 4 multi-turn
            int needed = (int) Math.ceil(t.q.category().multiTurnShare() * t.accepted - 1e-9);
            Status s =
                    t.accepted < t.q.min() ? Status.UNDER_MIN : t.multi < needed ? Status.MULTI_TURN_SHORT : Status.OK;
            KbChunk c = t.q.chunk();
            rows.add(new ChunkRow(
                    c.id(),
                    c.category(),
                    c.title(),
                    t.q.min(),
                    t.q.max(),
                    t.q.target(),
                    needed,
                    t.accepted,
                    t.multi,
                    t.rejected,
                    t.stale,
                    t.accepted == 0 ? 0 : t.scoreSum / t.accepted,
                    Double.isNaN(t.scoreMin) ? 0 : t.scoreMin,
                    s));
        }
        return new Report(read, ok, read - ok, reasons, rows, staleList);
    }

    private static void count(Map<String, Long> reasons, String code) {
        reasons.merge(code, 1L, Long::sum);
    }

    static String chunkId(JsonNode prov, JsonNode line) {
        for (JsonNode n : new JsonNode[] {
            prov == null ? null : prov.path("attributes").get("source_id"),
            prov == null ? null : prov.get("source_id"),
            prov == null ? null : prov.get("kb_chunk_id"),
            line.get("kb_chunk_id"),
            line.get("source_id"),
            line.path("metadata").get("kb_chunk_id")
        }) {
            if (n != null && !n.isNull() && (n.isTextual() || n.isIntegralNumber())) {
                return n.asText();
            }
        }
        return null;
    }

    /** A fixed-width text table, one row per chunk, then totals. */
    public static String table(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%-38s %-26s %7s %6s %8s %5s %5s %5s %-16s%n",
                "chunk",
                "category",
                "min-max",
                "target",
                "accepted",
                "multi",
                "rej",
                "score",
                "status"));
        for (ChunkRow c : r.rows()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-38s %-26s %7s %6d %8d %5s %5d %5.2f %-16s%n",
                    c.id(),
                    Canonical.abbreviate(String.valueOf(c.category()), 26),
                    c.min() + "-" + c.max(),
                    c.target(),
                    c.accepted(),
                    c.multiTurnNeeded() == 0
                            ? String.valueOf(c.multiTurn())
                            : c.multiTurn() + "/" + c.multiTurnNeeded(),
                    c.rejected(),
                    c.meanScore(),
                    c.status()));
        }
        long under = r.rows().stream().filter(c -> c.status() != Status.OK).count();
        if (!r.stale().isEmpty()) {
            sb.append(r.stale().size())
                    .append(" examples are stale (their chunk changed since they were generated;"
                            + " kb generate regenerates exactly these):\n");
            r.stale().stream()
                    .limit(20)
                    .forEach(x -> sb.append("  line ")
                            .append(x.line())
                            .append(": ")
                            .append(x.reason())
                            .append('\n'));
            if (r.stale().size() > 20) {
                sb.append("  … and ").append(r.stale().size() - 20).append(" more\n");
            }
        }
        sb.append(String.format(
                Locale.ROOT,
                "examples read %d, accepted %d, rejected %d %s; chunks %d, short %d%n",
                r.read(),
                r.accepted(),
                r.rejected(),
                r.rejectReasons(),
                r.rows().size(),
                under));
        return sb.toString();
    }

    /** The report as pretty JSON (for --report). */
    public static String json(Report r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("read", r.read());
        root.put("accepted", r.accepted());
        root.put("rejected", r.rejected());
        root.put("ok", r.ok());
        ObjectNode reasons = root.putObject("reject_reasons");
        r.rejectReasons().forEach(reasons::put);
        ArrayNode staleArr = root.putArray("stale");
        for (StaleExample x : r.stale()) {
            staleArr.addObject().put("line", x.line()).put("id", x.chunkId()).put("reason", x.reason());
        }
        ArrayNode rows = root.putArray("chunks");
        for (ChunkRow c : r.rows()) {
            ObjectNode o = rows.addObject();
            o.put("id", c.id());
            o.put("category", c.category());
            o.put("title", c.title());
            o.put("min", c.min());
            o.put("max", c.max());
            o.put("target", c.target());
            o.put("multi_turn_needed", c.multiTurnNeeded());
            o.put("accepted", c.accepted());
            o.put("multi_turn", c.multiTurn());
            o.put("rejected", c.rejected());
            o.put("stale", c.stale());
            o.put("mean_score", Math.round(c.meanScore() * 1000) / 1000.0);
            o.put("min_score", Math.round(c.minScore() * 1000) / 1000.0);
            o.put("status", c.status().name());
        }
        try {
            return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
