package dev.spotter.review;

import dev.spotter.format.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reject reasons of the human review, per category and per prompt hash, so a bad prompt template shows up as a
 * number: {@code spotter review report} prints it and the build puts it into report.html. A row counts the records
 * of its group, how many a reviewer decided, how many were rejected (rate = rejected / decided) and the rejects by
 * reason code. The prompt hash is the provenance {@code prompt_sha256} (SHA-256 of the category's prompts as the
 * generator sent them); records without one are grouped under {@code "-"}.
 */
public record RejectReport(List<Row> rows) {
    /** What a row groups by. */
    public enum Kind {
        CATEGORY,
        PROMPT;

        public String wireName() {
            return this == CATEGORY ? "category" : "prompt";
        }
    }

    /**
     * One group.
     *
     * @param key      the category, or the prompt hash ({@code "-"} when unknown)
     * @param category for a prompt row, its category (a prompt belongs to one); the category itself for a category row
     * @param reasons  rejects by reason code, most frequent first
     */
    public record Row(
            String source,
            Kind kind,
            String key,
            String category,
            int records,
            int decided,
            int rejected,
            Map<String, Integer> reasons) {
        public Row {
            reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        }

        /** rejected / decided, 0 when nothing is decided. */
        public double rejectRate() {
            return decided == 0 ? 0 : (double) rejected / decided;
        }
    }

    public RejectReport {
        rows = List.copyOf(rows);
    }

    /** The report over reviewed sources, categories in file order, prompt hashes by reject rate (worst first). */
    public static RejectReport of(List<SourceReview> reviews) {
        List<Row> rows = new ArrayList<>();
        for (SourceReview r : reviews) {
            Map<String, Tally> cats = new LinkedHashMap<>();
            Map<String, Tally> prompts = new LinkedHashMap<>();
            SourceIndex index = r.index();
            for (SourceIndex.Record rec : index.records()) {
                Decision d = r.decision(rec);
                cats.computeIfAbsent(rec.category(), k -> new Tally(rec.category()))
                        .add(d);
                prompts.computeIfAbsent(promptHash(index, rec), k -> new Tally(rec.category()))
                        .add(d);
            }
            cats.forEach((k, t) -> rows.add(t.row(r.source(), Kind.CATEGORY, k)));
            List<Row> byPrompt = new ArrayList<>();
            prompts.forEach((k, t) -> byPrompt.add(t.row(r.source(), Kind.PROMPT, k)));
            byPrompt.sort(Comparator.comparingDouble(Row::rejectRate).reversed().thenComparing(Row::key));
            rows.addAll(byPrompt);
        }
        return new RejectReport(rows);
    }

    private static String promptHash(SourceIndex index, SourceIndex.Record rec) {
        String line = index.provenance(rec);
        if (line == null) {
            return "-";
        }
        try {
            Provenance.Generated g = Provenance.parse(line).generated();
            return g == null || g.promptSha256() == null ? "-" : g.promptSha256();
        } catch (IllegalArgumentException e) {
            return "-"; // a damaged sidecar line: SourceIndex already warned about it
        }
    }

    private static final class Tally {
        final String category;
        int records;
        int decided;
        int rejected;
        final Map<String, Integer> reasons = new TreeMap<>();

        Tally(String category) {
            this.category = category;
        }

        void add(@Nullable Decision d) {
            records++;
            if (d == null) {
                return;
            }
            decided++;
            if (d.action() == Decision.Action.REJECT) {
                rejected++;
                reasons.merge(String.valueOf(d.reason()), 1, Integer::sum);
            }
        }

        Row row(String source, Kind kind, String key) {
            Map<String, Integer> sorted = new LinkedHashMap<>();
            reasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return new Row(source, kind, key, category, records, decided, rejected, sorted);
        }
    }
}
