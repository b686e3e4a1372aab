package dev.spotter.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.assemble.report.ReportSamples;
import dev.spotter.assemble.report.ReportSamples.Count;
import dev.spotter.assemble.report.ReportSamples.Turn;
import dev.spotter.format.TokenCounter;
import dev.spotter.report.IntHistogram;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads a finished build's files back for the report's data sections ({@link ReportSamples}): one pass over the
 * scrubbed examples (in write order, with the split assignment), one over the quarantine, and short scans for the
 * texts of a few duplicate pairs.
 *
 * <p>Sampling keeps the page and this pass bounded at any size: an example is in the histogram sample when a
 * 64-bit mix of its id falls below {@code HISTOGRAM_SAMPLE / split size} (so about {@value #HISTOGRAM_SAMPLE} per
 * split, chosen by id alone: the same build gives the same sample). Only sampled lines are parsed and tokenized;
 * the others cost one id scan. Memory: the {@value #PER_STRATUM} lowest-hash train lines per stratum, the caps
 * below, and histograms proportional to distinct values. The PII "before" text is masked: each letter or digit
 * of the replaced span but the first becomes '•', so the page shows the shape of what was removed, never the value.
 */
final class ReportSampler {
    static final int HISTOGRAM_SAMPLE = 5_000;
    static final int PER_STRATUM = ReportSamples.PER_STRATUM;
    static final int PER_REASON = ReportSamples.PER_REASON;
    static final int PII_SNIPPETS = 12;
    static final int DUPLICATE_PAIRS = 8;
    /** Characters of a message or a quarantined line the page shows. */
    static final int SHOWN = 1_200;

    private static final int CONTEXT = 40;
    private static final Set<String> VOICE_LABELS = Set.of("exercise_id", "weight", "reps", "rpe");

    private final DatasetLayout layout;
    private final TokenCounter tokens;

    ReportSampler(DatasetLayout layout, TokenCounter tokens) {
        this.layout = layout;
        this.tokens = tokens;
    }

    ReportSamples sample(WriteStats written) {
        Examples e = examples(written);
        return new ReportSamples(
                e.sampled,
                e.examples(),
                e.histograms(e.assistant),
                e.histograms(e.turns),
                e.categories(written),
                e.labels(),
                quarantine(),
                e.pii,
                duplicates(),
                e.tokenSamples());
    }

    /** State of the pass over the scrubbed examples. */
    private final class Examples {
        final Map<String, Long> sampled = new LinkedHashMap<>();
        final Map<String, IntHistogram> assistant = new LinkedHashMap<>();
        final Map<String, IntHistogram> turns = new LinkedHashMap<>();
        final Map<String, long[]> perStratum = new LinkedHashMap<>(); // sampled assistant tokens, sampled count
        final Map<String, TreeMap<Long, String>> lowest = new LinkedHashMap<>(); // per stratum: hash -> line
        final Map<String, Map<String, Long>> labels = new LinkedHashMap<>();
        final List<ReportSamples.PiiSnippet> pii = new ArrayList<>();

        Examples() {
            for (String s : DatasetLayout.SPLITS) {
                sampled.put(s, 0L);
                assistant.put(s, new IntHistogram());
                turns.put(s, new IntHistogram());
            }
            for (String l : List.of("exercise_id", "weight", "reps", "rpe")) {
                labels.put(l, new TreeMap<>());
            }
        }

        void add(String line, String kept, boolean validation, double[] rate) {
            String id = idOf(line);
            long h = mix(id);
            String split = validation ? "validation" : "train";
            boolean inSample = unit(h) < rate[validation ? 1 : 0];
            ObjectNode rec = null;
            if (inSample) {
                rec = Jsonl.parse(line);
                sampled.merge(split, 1L, Long::sum);
                int a = 0;
                int t = 0;
                for (JsonNode m : rec.get("messages")) {
                    if ("assistant".equals(m.get("role").asText())) {
                        a += tokens.count(m.get("content").asText()) + 1; // + <|eot_id|>
                        t++;
                        voiceLabels(m.get("content").asText());
                    }
                }
                assistant.get(split).add(a);
                turns.get(split).add(t);
                long[] ps = perStratum.computeIfAbsent(stratum(rec), k -> new long[2]);
                ps[0] += a;
                ps[1]++;
            }
            if (pii.size() < PII_SNIPPETS && line.contains("\"pii\":")) {
                rec = rec != null ? rec : Jsonl.parse(line);
                if (rec.has("pii")) {
                    piiSnippets(id, Jsonl.parse(kept), rec);
                }
            }
            if (!validation) {
                rec = rec != null ? rec : Jsonl.parse(line);
                TreeMap<Long, String> low = lowest.computeIfAbsent(stratum(rec), k -> new TreeMap<>());
                low.put(h, line);
                if (low.size() > PER_STRATUM) {
                    low.pollLastEntry();
                }
            }
        }

        private void voiceLabels(String content) {
            if (!content.startsWith("{") || !content.contains("\"exercise_id\"")) {
                return;
            }
            JsonNode j;
            try {
                j = Jsonl.MAPPER.readTree(content);
            } catch (IOException e) {
                return; // not a voice label: nothing to count
            }
            for (String k : VOICE_LABELS) {
                JsonNode v = j.get(k);
                if (v == null) {
                    continue;
                }
                String label =
                        v.isNull() ? "null" : "weight".equals(k) && v.isNumber() ? bucket(v.asDouble()) : v.asText();
                labels.get(k).merge(label, 1L, Long::sum);
            }
        }

        private void piiSnippets(String id, ObjectNode before, ObjectNode after) {
            JsonNode bm = before.get("messages");
            JsonNode am = after.get("messages");
            for (int i = 0; i < am.size() && pii.size() < PII_SNIPPETS; i++) {
                String b = bm.get(i).get("content").asText();
                String a = am.get(i).get("content").asText();
                if (!a.equals(b)) {
                    pii.add(snippet(id, b, a));
                }
            }
        }

        List<ReportSamples.Example> examples() {
            List<ReportSamples.Example> out = new ArrayList<>();
            lowest.values()
                    .forEach(low -> low.values().forEach(line -> {
                        ObjectNode rec = Jsonl.parse(line);
                        List<Turn> ts = new ArrayList<>();
                        rec.get("messages")
                                .forEach(m -> ts.add(new Turn(
                                        m.get("role").asText(),
                                        shorten(m.get("content").asText(), SHOWN))));
                        out.add(new ReportSamples.Example(
                                rec.get("id").asText(),
                                rec.get("src").asText(),
                                rec.get("cat").asText(),
                                "train",
                                ts));
                    }));
            return out;
        }

        /** The lowest-hash train example of each stratum (the first one shown) as the trainers see it. */
        List<ReportSamples.TokenSample> tokenSamples() {
            List<ReportSamples.TokenSample> out = new ArrayList<>();
            lowest.values().forEach(low -> {
                ObjectNode rec = Jsonl.parse(low.firstEntry().getValue());
                out.add(ReportSamples.TokenSample.of(
                        rec.get("id").asText(),
                        rec.get("src").asText(),
                        rec.get("cat").asText(),
                        dev.spotter.format.ChatJson.fromNode(rec)));
            });
            return out;
        }

        Map<String, List<Count>> histograms(Map<String, IntHistogram> hs) {
            Map<String, List<Count>> out = new LinkedHashMap<>();
            int max = hs.values().stream()
                    .mapToInt(h -> h.count() == 0 ? 0 : h.max())
                    .max()
                    .orElse(0);
            hs.forEach((split, h) -> out.put(split, bins(h, max)));
            return out;
        }

        List<ReportSamples.CategoryRow> categories(WriteStats written) {
            List<ReportSamples.CategoryRow> rows = new ArrayList<>();
            for (WriteStats.Stratum s : written.strata()) {
                long[] ps = perStratum.getOrDefault(s.source() + " / " + s.category(), new long[2]);
                rows.add(new ReportSamples.CategoryRow(
                        s.source(),
                        s.category(),
                        s.train() + s.validation(),
                        s.tokens(),
                        ps[1] == 0 ? 0 : Math.round((double) ps[0] / ps[1])));
            }
            return rows;
        }

        Map<String, List<Count>> labels() {
            Map<String, List<Count>> out = new LinkedHashMap<>();
            labels.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    List<Count> cs = new ArrayList<>();
                    v.forEach((label, n) -> cs.add(new Count(label, n)));
                    if ("exercise_id".equals(k)) { // the 15 most frequent exercises
                        cs.sort((x, y) -> Long.compare(y.count(), x.count()));
                    } else {
                        cs.sort(java.util.Comparator.comparingDouble((Count c) -> numeric(c.label()))
                                .thenComparing(Count::label));
                    }
                    out.put(k, cs.subList(0, Math.min(15, cs.size())));
                }
            });
            return out;
        }
    }

    private Examples examples(WriteStats written) {
        Examples e = new Examples();
        double[] rate = {
            Math.min(1.0, HISTOGRAM_SAMPLE / (double) Math.max(1, written.train())),
            Math.min(1.0, HISTOGRAM_SAMPLE / (double) Math.max(1, written.validation()))
        };
        byte[] asg;
        try {
            asg = Files.readAllBytes(layout.assignment());
        } catch (IOException ex) {
            throw Jsonl.unchecked("read", layout.assignment(), ex);
        }
        try (BufferedReader s = reader(layout.scrubbed());
                BufferedReader k = reader(layout.dedupKept())) {
            String line;
            int i = 0;
            while ((line = s.readLine()) != null) {
                String kept = k.readLine(); // scrub is line for line: the same example before the scrub
                e.add(line, kept == null ? line : kept, asg[i++] == 'v', rate);
            }
        } catch (IOException ex) {
            throw Jsonl.unchecked("read", layout.scrubbed(), ex);
        }
        return e;
    }

    private List<ReportSamples.Rejected> quarantine() {
        List<ReportSamples.Rejected> out = new ArrayList<>();
        Map<String, Integer> perReason = new HashMap<>();
        PiiScrubber mask = PiiScrubber.all();
        Jsonl.lines(layout.quarantine(), line -> {
            ObjectNode q = Jsonl.parse(line);
            String reason = q.path("reason").asText();
            if (perReason.merge(reason, 1, Integer::sum) <= PER_REASON) {
                String raw = q.path("raw").asText();
                raw = raw.length() > 4 * SHOWN ? raw.substring(0, 4 * SHOWN) : raw;
                out.add(new ReportSamples.Rejected(
                        q.path("file").asText(),
                        q.path("line").asLong(),
                        reason,
                        q.path("detail").asText(),
                        shorten(mask.scrub(raw).text(), SHOWN / 3)));
            }
        });
        return out;
    }

    private List<ReportSamples.DuplicatePair> duplicates() {
        List<ObjectNode> near = new ArrayList<>();
        List<ObjectNode> exact = new ArrayList<>();
        Jsonl.lines(layout.dedupDropped(), line -> {
            ObjectNode d = Jsonl.parse(line);
            List<ObjectNode> to = "near_duplicate".equals(d.path("reason").asText()) ? near : exact;
            if (to.size() < DUPLICATE_PAIRS) {
                to.add(d);
            }
        });
        List<ObjectNode> pairs = new ArrayList<>(near);
        exact.stream().limit(Math.max(0, DUPLICATE_PAIRS - near.size())).forEach(pairs::add);
        Map<String, String> wanted = new HashMap<>(); // id -> text
        Map<String, Set<String>> bySource = new LinkedHashMap<>();
        for (ObjectNode d : pairs) {
            bySource.computeIfAbsent(d.path("source").asText(), x -> new java.util.HashSet<>())
                    .add(d.path("id").asText());
            wanted.put(d.path("keptId").asText(), "");
        }
        find(layout.dedupKept(), wanted::containsKey, wanted);
        bySource.forEach((src, ids) -> find(layout.accepted(src), ids::contains, wanted));
        // a distributed build has no per-source accepted files: it leaves the dropped examples' lines here
        Set<String> dropped = new java.util.HashSet<>();
        bySource.values().forEach(dropped::addAll);
        find(layout.dedupDroppedSamples(), dropped::contains, wanted);
        List<ReportSamples.DuplicatePair> out = new ArrayList<>();
        for (ObjectNode d : pairs) {
            String id = d.path("id").asText();
            String keptId = d.path("keptId").asText();
            out.add(new ReportSamples.DuplicatePair(
                    d.path("reason").asText(),
                    d.path("similarity").asDouble(),
                    id,
                    wanted.getOrDefault(id, ""),
                    keptId,
                    wanted.getOrDefault(keptId, "")));
        }
        return out;
    }

    /** Puts the text of each example in {@code file} whose id passes {@code want} into {@code texts}. */
    private static void find(Path file, Predicate<String> want, Map<String, String> texts) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Jsonl.lines(file, line -> {
            String id = idOf(line);
            if (want.test(id)) {
                StringBuilder t = new StringBuilder();
                Jsonl.parse(line)
                        .get("messages")
                        .forEach(m -> t.append(m.get("role").asText())
                                .append(": ")
                                .append(m.get("content").asText())
                                .append('\n'));
                texts.put(id, shorten(t.toString().strip(), SHOWN));
            }
        });
    }

    /** The masked original around the first changed span of {@code before}, and the replaced text. */
    static ReportSamples.PiiSnippet snippet(String id, String before, String after) {
        int p = 0;
        while (p < before.length() && p < after.length() && before.charAt(p) == after.charAt(p)) {
            p++;
        }
        int sb = before.length();
        int sa = after.length();
        while (sb > p && sa > p && before.charAt(sb - 1) == after.charAt(sa - 1)) {
            sb--;
            sa--;
        }
        StringBuilder masked = new StringBuilder();
        for (int i = p; i < sb; i++) {
            char c = before.charAt(i);
            masked.append(i > p && Character.isLetterOrDigit(c) ? '•' : c);
        }
        int from = Math.max(0, p - CONTEXT);
        String lead = (from > 0 ? "…" : "") + before.substring(from, p);
        String tailB = before.substring(sb, Math.min(before.length(), sb + CONTEXT));
        String tailA = after.substring(sa, Math.min(after.length(), sa + CONTEXT));
        return new ReportSamples.PiiSnippet(id, lead + masked + tailB, lead + after.substring(p, sa) + tailA);
    }

    private static String stratum(ObjectNode rec) {
        return rec.get("src").asText() + " / " + rec.get("cat").asText();
    }

    /** The id of a build file line: it starts with {@code {"id":"...}; lines that do not are parsed. */
    static String idOf(String line) {
        String prefix = "{\"id\":\"";
        int end = line.indexOf('"', prefix.length());
        if (line.startsWith(prefix) && end > 0 && line.lastIndexOf('\\', end) < prefix.length()) {
            return line.substring(prefix.length(), end);
        }
        return Jsonl.parse(line).path("id").asText();
    }

    /** The id's 64-bit hash ({@link Text#hash64}: FNV-1a and murmur3's finaliser). */
    static long mix(String id) {
        return Text.hash64(id);
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    private static List<Count> bins(IntHistogram h, int max) {
        List<Count> out = new ArrayList<>();
        if (h.count() == 0) {
            return out;
        }
        IntHistogram scale = new IntHistogram();
        scale.add(0);
        scale.add(max);
        for (IntHistogram.Bin b : scale.niceBins(TokenStats.BINS)) {
            out.add(new Count(b.from() + "–" + (b.to() - 1), h.countBetween((int) b.from(), (int) b.to())));
        }
        return out;
    }

    private static String bucket(double kg) {
        long lo = (long) Math.floor(kg / 25) * 25;
        return lo + "–" + (lo + 24);
    }

    private static double numeric(String label) {
        int dash = label.indexOf('–');
        try {
            return Double.parseDouble(dash > 0 ? label.substring(0, dash) : label);
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " … (" + (s.length() - max) + " more characters)";
    }

    private static BufferedReader reader(Path p) throws IOException {
        return Files.newBufferedReader(p, StandardCharsets.UTF_8);
    }
}
