package dev.spotter.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.spotter.kernel.TokenPrice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The brief's "Quick Summary" computed from the files on disk: per source and category how many valid examples
 * exist, the target, a status, where they live and their tokens; totals and the brief's cost arithmetic.
 * Built by streaming every source once ({@link #compute}); memory is one counter per source and category.
 */
@JsonPropertyOrder({"project", "rows", "totals", "tokenMethod", "cost", "needs"})
public record Inventory(
        String project,
        List<Row> rows,
        @JsonIgnore int haveTotal,
        @JsonIgnore int targetTotal,
        @JsonIgnore long tokensTotal,
        @JsonIgnore long rejected,
        String tokenMethod,
        CostEstimate cost,
        List<Need> needs) {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public enum Status {
        HAVE,
        PARTIAL,
        NEED
    }

    /** One source + category line of the table. */
    public record Row(
            String source,
            String kind,
            String category,
            int have,
            int target,
            Status status,
            String location,
            long tokens,
            long rejected) {}

    /**
     * The brief's arithmetic: training = examples × tokens per example × epochs × price; generation = examples
     * still to generate × tokens per generated example × price.
     *
     * @param plannedExamples   the sum of targets (the brief's 6,265)
     * @param tokensPerExample  measured mean over the examples present, or the assumed figure when none are
     * @param tokensMeasured    whether {@code tokensPerExample} was measured
     * @param assumedTokensPerExample the brief's assumption (1,200) and the training cost it gives
     */
    public record CostEstimate(
            int plannedExamples,
            int tokensPerExample,
            boolean tokensMeasured,
            long measuredExamples,
            int epochs,
            long trainingTokens,
            double trainingPricePer1k,
            @JsonSerialize(using = Cents.class) double trainingUsd,
            int assumedTokensPerExample,
            long assumedTrainingTokens,
            @JsonSerialize(using = Cents.class) double assumedTrainingUsd,
            int toGenerate,
            @JsonIgnore int generationTokensPerExample,
            long generationTokens,
            double generationPricePer1k,
            @JsonSerialize(using = Cents.class) double generationUsd) {
        @JsonProperty("totalUsd")
        @JsonSerialize(using = Cents.class)
        public double totalUsd() {
            return trainingUsd + generationUsd;
        }

        /**
         * The training-cost figure, worded once for every place that prints it (inventory, the dataset card, the
         * build summary): {@code 2,882 examples x 174 tokens (mean of 597 measured examples) x 3 epochs = 1,504,404
         * tokens x $0.0008 per 1K tokens = $1.20}. Exact decimal arithmetic ({@link TokenPrice}), rounded to cents
         * once at the end; never scientific notation.
         */
        public String trainingLine() {
            TokenPrice price = TokenPrice.perThousand(java.math.BigDecimal.valueOf(trainingPricePer1k));
            return String.format(
                    Locale.ROOT,
                    "%s examples x %s tokens (%s) x %d epochs = %s tokens x %s = %s",
                    n(plannedExamples),
                    n(tokensPerExample),
                    tokensMeasured ? "mean of " + n(measuredExamples) + " measured examples" : "assumed",
                    epochs,
                    n(trainingTokens),
                    price.describePerThousand(),
                    price.cost(trainingTokens));
        }
    }

    /** A category short of its target, and the command that provides it. */
    public record Need(
            String source,
            String category,
            int missing,
            boolean needsProvider,
            @JsonInclude(JsonInclude.Include.NON_NULL) String providerEnv,
            boolean providerConfigured,
            String command) {}

    public static Status status(int have, int target) {
        if (have == 0) {
            return target == 0 ? Status.HAVE : Status.NEED;
        }
        return have >= target ? Status.HAVE : Status.PARTIAL;
    }

    /** Scans every source of the project and computes the inventory. */
    public static Inventory compute(Project project, ExampleTokenCounter counter) {
        SourceScanner scanner = new SourceScanner(project, counter);
        Map<String, Map<String, long[]>> counts = new LinkedHashMap<>(); // source -> category -> {have, tokens}
        Map<String, Long> rejects = new LinkedHashMap<>();
        for (SourceSpec s : project.sources()) {
            Map<String, long[]> byCat = new LinkedHashMap<>();
            s.targets().keySet().forEach(c -> byCat.put(c, new long[2]));
            long[] rej = {0};
            if (s.synthesized()) {
                // Synthesized by the build itself (deterministic, topped up until the target survives dedup):
                // the build's own inventory shows the real count and tokens.
                s.targets().forEach((c, t) -> byCat.get(c)[0] = t);
                counts.put(s.id(), byCat);
                rejects.put(s.id(), 0L);
                continue;
            }
            scanner.scan(s, r -> {
                if (r.accepted()) {
                    long[] c = byCat.computeIfAbsent(r.category(), k -> new long[2]);
                    c[0]++;
                    c[1] += r.tokens();
                } else {
                    rej[0]++;
                }
            });
            counts.put(s.id(), byCat);
            rejects.put(s.id(), rej[0]);
        }
        return from(project, counter.describe(), counts, rejects);
    }

    /**
     * Builds the inventory from counts already made (the build uses this with its post-dedup counts).
     *
     * @param counts source id → category → {examples, tokens}
     */
    public static Inventory from(
            Project project, String tokenMethod, Map<String, Map<String, long[]>> counts, Map<String, Long> rejects) {
        long[] measured = {0, 0};
        for (SourceSpec s : project.sources()) {
            if (!s.synthesized()) { // synthesized rows are not measured before the build: no zero-token rows
                counts.getOrDefault(s.id(), Map.of()).values().forEach(v -> {
                    measured[0] += v[0];
                    measured[1] += v[1];
                });
            }
        }
        return from(project, tokenMethod, counts, rejects, measured[0], measured[1]);
    }

    /**
     * As {@link #from(Project, String, Map, Map)}, with the tokens-per-example of the cost figure measured over
     * {@code measuredExamples} examples holding {@code measuredTokens} tokens. The figure is always measured over
     * the accepted lines of the sources' files (not the synthesized rows, which only a build makes), so that
     * {@code inventory} before a build and the build's card and summary give the same figure for the same data.
     */
    public static Inventory from(
            Project project,
            String tokenMethod,
            Map<String, Map<String, long[]>> counts,
            Map<String, Long> rejects,
            long measuredExamples,
            long measuredTokens) {
        SourceScanner scanner = new SourceScanner(project, ExampleTokenCounter.estimate());
        List<Row> rows = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
        int have = 0;
        int target = 0;
        long tokens = 0;
        long rejected = 0;
        int toGenerate = 0;
        for (SourceSpec s : project.sources()) {
            List<Path> files = scanner.files(s);
            String location = locate(scanner, s, files);
            Map<String, long[]> byCat = new LinkedHashMap<>();
            s.targets().keySet().forEach(c -> byCat.put(c, new long[2]));
            counts.getOrDefault(s.id(), Map.of())
                    .forEach((c, v) -> byCat.computeIfAbsent(c, k -> new long[2])[0] += v[0]);
            counts.getOrDefault(s.id(), Map.of()).forEach((c, v) -> byCat.get(c)[1] += v[1]);
            if (byCat.isEmpty()) {
                byCat.put(s.category() == null ? "(none)" : s.category(), new long[2]);
            }
            long srcRejects = rejects.getOrDefault(s.id(), 0L);
            boolean first = true;
            for (var e : byCat.entrySet()) {
                int h = (int) e.getValue()[0];
                int t = s.targets().getOrDefault(e.getKey(), 0);
                rows.add(new Row(
                        s.id(),
                        s.kind().yamlName(),
                        e.getKey(),
                        h,
                        t,
                        status(h, t),
                        location,
                        e.getValue()[1],
                        first ? srcRejects : 0));
                first = false;
                have += h;
                target += t;
                tokens += e.getValue()[1];
                if (h < t) {
                    String cmd = s.command() != null
                            ? s.command()
                            : s.synthesized()
                                    ? synthesizedHint(project, s)
                                    : s.kind().defaultCommand(s, display(project, s), project);
                    needs.add(new Need(
                            s.id(),
                            e.getKey(),
                            t - h,
                            s.kind().needsProvider(),
                            project.provider().apiKeyEnv(),
                            project.provider().configured(),
                            cmd));
                    if (s.kind().needsProvider()) {
                        toGenerate += t - h;
                    }
                }
            }
            rejected += srcRejects;
        }
        Project.Cost c = project.cost();
        boolean measured = measuredExamples > 0;
        int perExample =
                measured ? (int) Math.round((double) measuredTokens / measuredExamples) : c.assumedTokensPerExample();
        // The brief's figure uses the assumed 1,200 tokens; with data present the measured mean is the better guess.
        // without targets (a project that only ships what it has), the examples present are what gets trained
        int costExamples = target > 0 ? target : have;
        long trainTokens = (long) costExamples * perExample * c.epochs();
        long genTokens = (long) toGenerate * c.generationTokensPerExample();
        long assumedTokens = (long) costExamples * c.assumedTokensPerExample() * c.epochs();
        CostEstimate cost = new CostEstimate(
                costExamples,
                perExample,
                measured,
                measured ? measuredExamples : 0,
                c.epochs(),
                trainTokens,
                c.trainingPricePer1k(),
                TokenPrice.perThousand(java.math.BigDecimal.valueOf(c.trainingPricePer1k()))
                        .cost(trainTokens)
                        .toUsdDouble(),
                c.assumedTokensPerExample(),
                assumedTokens,
                assumedTokens / 1000.0 * c.trainingPricePer1k(),
                toGenerate,
                c.generationTokensPerExample(),
                genTokens,
                c.generationPricePer1k(),
                genTokens / 1000.0 * c.generationPricePer1k());
        return new Inventory(
                project.name(),
                List.copyOf(rows),
                have,
                target,
                tokens,
                rejected,
                tokenMethod,
                cost,
                List.copyOf(needs));
    }

    /** The source's first path as typed from the working directory (what a shown command line needs). */
    static String display(Project project, SourceSpec s) {
        return display(
                project, s.paths().isEmpty() ? s.id() + ".jsonl" : s.paths().get(0));
    }

    /**
     * A synthesized source (synthetic-voice without a path) that is still short: the build draws 20 batches before
     * it gives up. The hint writes a file at a path under the project and says how the project reads it (the path
     * printed relative to the working directory, the path in spotter.yaml relative to the project file).
     */
    static String synthesizedHint(Project project, SourceSpec s) {
        String rel = "voice/" + s.id() + ".jsonl";
        long seed = s.synthSeed() == null ? project.seed() : s.synthSeed();
        return "spotter synth-voice --preset " + s.preset() + " --count " + s.targetTotal() * 2 + " --seed "
                + (seed + 1000) + " -o " + display(project, rel) + "  then in spotter.yaml give source " + s.id()
                + " 'path: " + rel + "' (the build reads that file instead of synthesizing)";
    }

    /** A project-relative path as the user types it from the working directory. */
    static String display(Project project, String projectRelative) {
        Path abs = project.baseDir().resolve(projectRelative).toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        try {
            String rel = cwd.relativize(abs).toString();
            return rel.isEmpty() ? abs.toString() : rel.replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return abs.toString();
        }
    }

    /** "; N stale (chunk changed since generated: FILE line L chunk C, …)" for a kb source's examples, or "". */
    private static String stale(List<Path> files, SourceSpec.Kb kb) {
        List<String> found = new ArrayList<>();
        int count = 0;
        for (Path f : files) {
            try {
                for (var x : dev.spotter.kb.KbCoverage.staleExamples(
                        dev.spotter.kernel.Sidecars.provenance(f), kb.chunkSha256())) {
                    if (count++ < 3) {
                        found.add(f.getFileName() + " line " + x.line() + " chunk " + x.chunkId());
                    }
                }
            } catch (java.io.IOException e) {
                found.add("provenance of " + f.getFileName() + " unreadable: " + e.getMessage());
            }
        }
        return count == 0 && found.isEmpty()
                ? ""
                : "; " + count + " stale (chunk changed since generated; kb generate regenerates them: "
                        + String.join(", ", found) + (count > 3 ? ", …" : "") + ")";
    }

    private static String locate(SourceScanner scanner, SourceSpec s, List<Path> files) {
        if (s.synthesized()) {
            return "synthesized by build: preset " + s.preset() + ", seed "
                    + (s.synthSeed() == null ? "project" : s.synthSeed());
        }
        if (s.kb() != null) {
            String loc = files.isEmpty()
                    ? String.join(", ", s.paths())
                    : scanner.relative(files.get(0)) + (Files.isRegularFile(files.get(0)) ? "" : " (missing)");
            String from = s.kb().sample() ? "bundled sample" : s.kb().chunkSource();
            return "kb " + s.kb().chunkCount() + " chunks (" + from + "): " + loc + stale(files, s.kb());
        }
        List<String> parts = new ArrayList<>();
        for (Path f : files) {
            parts.add(scanner.relative(f) + (Files.isRegularFile(f) ? "" : " (missing)"));
        }
        if (parts.isEmpty()) {
            parts.add(String.join(", ", s.paths()) + " (no match)");
        }
        String loc = parts.size() > 3 ? parts.get(0) + " +" + (parts.size() - 1) + " files" : String.join(", ", parts);
        return s.plan() == null ? loc : "plan " + s.plan() + ": " + loc;
    }

    /**
     * One line per source that is short of its targets: how many more, per category, and the command that
     * provides them (with the environment variable to set first when a provider is needed and missing).
     */
    public static List<String> needLines(List<Need> needs) {
        Map<String, List<Need>> bySource = new LinkedHashMap<>();
        for (Need n : needs) {
            bySource.computeIfAbsent(n.source(), k -> new ArrayList<>()).add(n);
        }
        List<String> out = new ArrayList<>();
        for (var e : bySource.entrySet()) {
            Need first = e.getValue().get(0);
            int total = e.getValue().stream().mapToInt(Need::missing).sum();
            List<String> parts = new ArrayList<>();
            e.getValue().forEach(x -> parts.add(x.category() + " " + n(x.missing())));
            String provider = first.needsProvider() && !first.providerConfigured()
                    ? "  [needs an LLM provider: set $"
                            + (first.providerEnv() == null ? "<provider.apiKeyEnv>" : first.providerEnv()) + "]"
                    : "";
            out.add(String.format(
                    Locale.ROOT,
                    "%s: %s more (%s)%n      -> %s%s",
                    e.getKey(),
                    n(total),
                    String.join(", ", parts),
                    first.command(),
                    provider));
        }
        return out;
    }

    /** The table as aligned text, like the brief's Quick Summary. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-14s %-25s %8s %8s %-8s %10s  %s%n";
        sb.append(String.format(
                Locale.ROOT, fmt, "SOURCE", "CATEGORY", "HAVE", "TARGET", "STATUS", "TOKENS", "LOCATION"));
        for (Row r : rows) {
            sb.append(String.format(
                    Locale.ROOT,
                    fmt,
                    r.source(),
                    r.category(),
                    n(r.have()),
                    n(r.target()),
                    r.status(),
                    n(r.tokens()),
                    r.location()));
        }
        sb.append(String.format(
                Locale.ROOT,
                fmt,
                "TOTAL",
                "",
                n(haveTotal),
                n(targetTotal),
                status(haveTotal, targetTotal),
                n(tokensTotal),
                ""));
        if (rejected > 0) {
            sb.append(String.format(Locale.ROOT, "rejected lines (not counted above): %s%n", n(rejected)));
        }
        sb.append("tokens: ").append(tokenMethod).append('\n');
        CostEstimate c = cost;
        sb.append("training cost: ").append(c.trainingLine()).append('\n');
        sb.append(String.format(
                Locale.ROOT,
                "training cost as the brief assumes: %s examples x %s tokens x %d epochs = %s tokens = $%.2f%n",
                n(c.plannedExamples()),
                n(c.assumedTokensPerExample()),
                c.epochs(),
                n(c.assumedTrainingTokens()),
                c.assumedTrainingUsd()));
        sb.append(String.format(
                Locale.ROOT,
                "generation cost: %s examples x %s tokens = %s tokens x $%s/1K = $%.2f%n",
                n(c.toGenerate()),
                n(c.generationTokensPerExample()),
                n(c.generationTokens()),
                plain(c.generationPricePer1k()),
                c.generationUsd()));
        sb.append(String.format(Locale.ROOT, "total (measured training + generation): $%.2f%n", c.totalUsd()));
        return sb.toString();
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The inventory as one JSON object: {@code project, rows, totals, tokenMethod, cost, needs}. */
    public ObjectNode toJson() {
        return JSON.valueToTree(this);
    }

    /** Whole totals of the table, with their status. */
    public record Totals(int have, int target, Status status, long tokens, long rejected) {}

    /** {@link #haveTotal}, {@link #targetTotal}, their status, {@link #tokensTotal} and {@link #rejected}. */
    @JsonProperty("totals")
    public Totals totals() {
        return new Totals(haveTotal, targetTotal, status(haveTotal, targetTotal), tokensTotal, rejected);
    }

    /** A dollar figure rounded to cents, as the JSON and the dataset card show it. */
    public static double roundCents(double usd) {
        return Math.round(usd * 100.0) / 100.0;
    }

    /** Writes a dollar figure rounded to cents. */
    static final class Cents extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        Cents() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeNumber(roundCents(v));
        }
    }
}
