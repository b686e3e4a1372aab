package dev.spotter.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.assemble.DedupStats;
import dev.spotter.assemble.DuplicateClusters;
import dev.spotter.assemble.EngineSummary;
import dev.spotter.assemble.ScrubStats;
import dev.spotter.assemble.SplitStats;
import dev.spotter.project.Project;
import dev.spotter.spark.BuildRecords.Dedupped;
import dev.spotter.spark.BuildRecords.Ingested;
import dev.spotter.spark.BuildRecords.Placed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the embedded steps' statistics, gathered on the driver from the streams the write stage already
 * reads in global order (kept records, quarantine, dropped duplicates, leakage moves), so the distributed build's
 * summary, card and report are the embedded build's ({@link EngineSummary}). Memory: per source its first errors
 * and reason counts, per stratum two counters, and one entry per duplicate cluster (as the embedded dedup step,
 * bounded by the duplicates, not by the input); every record is parsed once more on the driver.
 */
final class SummaryFigures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Project project;
    private final List<Map<String, Long>> reasons = new ArrayList<>();
    private final List<List<String>> firstErrors = new ArrayList<>();
    private final long[] rejected;
    private final Map<String, Long> pii = new TreeMap<>();
    private final Map<String, int[]> strata = new LinkedHashMap<>();
    private final DuplicateClusters clusters = new DuplicateClusters();
    private final Map<Long, String> keptIds = new HashMap<>();
    private long records;
    private long changed;
    private int validation;
    private int grouped;
    private long exact;
    private long near;
    private int moved;
    private int lastPass;

    SummaryFigures(Project project) {
        this.project = project;
        int n = project.sources().size();
        this.rejected = new long[n];
        for (int i = 0; i < n; i++) {
            reasons.add(new TreeMap<>());
            firstErrors.add(new ArrayList<>());
        }
    }

    /** A placed record (train or validation), in global order. */
    void placed(Placed p) {
        JsonNode rec = parse(p.line());
        records++;
        JsonNode found = rec.get("pii");
        if (found != null) {
            changed++;
            found.properties().forEach(e -> pii.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        int[] s = strata.computeIfAbsent(
                rec.get("src").asText() + "\u0000" + rec.get("cat").asText(), k -> new int[2]);
        s[0]++;
        if (p.validation()) {
            s[1]++;
            validation++;
        }
        if (p.grouped()) {
            grouped++;
        }
    }

    /** A quarantined line, in global order. */
    void rejected(Ingested i) {
        int s = BuildRecords.source(i.ord());
        rejected[s]++;
        reasons.get(s).merge(String.valueOf(i.reason()), 1L, Long::sum);
        if (firstErrors.get(s).size() < EngineSummary.FIRST_ERRORS) {
            firstErrors.get(s).add(String.valueOf(i.error()));
        }
    }

    /** A dropped duplicate, in global order. */
    void dropped(Dedupped d) {
        JsonNode log = parse(d.line());
        boolean isExact = log.get("reason").asText().equals("exact_duplicate");
        if (isExact) {
            exact++;
        } else {
            near++;
        }
        keptIds.putIfAbsent(d.keptOrd(), log.get("keptId").asText());
        clusters.add(
                d.keptOrd(), isExact, log.get("id").asText(), log.get("source").asText());
    }

    /** A leakage move of pass {@code pass}. */
    void moved(int pass) {
        moved++;
        lastPass = Math.max(lastPass, pass);
    }

    long rejected(int source) {
        return rejected[source];
    }

    Map<String, Long> reasons(int source) {
        return reasons.get(source);
    }

    List<String> firstErrors(int source) {
        return firstErrors.get(source);
    }

    /** @param input accepted lines (the dedup step's input) */
    DedupStats dedup(long input) {
        // no dedup index of the embedded shape exists here: per task one component, on the driver the union-find
        return EngineSummary.dedup(
                project.dedup(),
                input,
                exact,
                near,
                0,
                clusters.count(),
                clusters.largest(keptIds::get),
                clusters.droppedBySource());
    }

    ScrubStats scrub() {
        return EngineSummary.scrub(project.pii(), records, changed, pii);
    }

    SplitStats split() {
        List<SplitStats.Stratum> ss = new ArrayList<>();
        strata.forEach((k, v) -> {
            String[] parts = k.split("\u0000", 2);
            ss.add(new SplitStats.Stratum(parts[0], parts[1], v[0], v[1]));
        });
        // the embedded leakage loop runs one pass after the last that moved a record
        return EngineSummary.split(project, Math.toIntExact(records), validation, moved, lastPass + 1, grouped, ss);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a build line: " + e.getMessage(), e);
        }
    }
}
