package dev.spotter.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.assemble.report.DatasetCard;
import dev.spotter.assemble.report.HtmlReport;
import dev.spotter.eval.EvalReports;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Inventory;
import dev.spotter.project.Project;
import dev.spotter.project.ProjectException;
import dev.spotter.project.ProjectLoader;
import dev.spotter.project.SourceRecord;
import dev.spotter.project.SourceScanner;
import dev.spotter.project.SourceSpec;
import dev.spotter.voice.VoiceParser;
import dev.spotter.voice.synth.SynthPreset;
import dev.spotter.voice.synth.VoiceSynth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The dataset build: ingest → dedup → PII scrub → split + leakage check → write → accounting → card and report.
 *
 * <p>Every step streams its input file by file and line by line; what it holds in memory is stated on the step
 * (the dedup and leakage indexes, about 400 bytes per kept example, and 12 bytes per example for the split).
 * Intermediate files live under {@code <out>/.state/}; each step's key is a SHA-256 of its inputs' content and its
 * settings, so a re-run only repeats steps whose inputs changed (adding a source re-ingests only that source).
 * Nothing in the outputs depends on time, machine or thread scheduling: same inputs and seed, same bytes.
 *
 * <pre>{@code
 * BuildResult r = BuildPipeline.builder(ProjectLoader.load(Path.of("examples/spotter.yaml")))
 *         .outDir(Path.of("build"))
 *         .build()
 *         .run();
 * }</pre>
 */
public final class BuildPipeline {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int TOP_CLUSTERS = 20;
    /** Part of every step key: bump when a step's algorithm or file layout changes, so old state is not reused. */
    static final int ALGO = 4;

    private final Project project;
    private final Path out;
    private final Path stateDir;
    private final ExampleTokenCounter tokens;
    private final Consumer<String> log;
    private final List<FormatWriter> writers;
    private final List<BuildResult.StepRun> runs = new ArrayList<>();
    private BuildState state;

    private BuildPipeline(Builder b) {
        this.project = b.project;
        this.out = b.outDir.toAbsolutePath().normalize();
        this.stateDir = out.resolve(".state");
        this.tokens = b.tokens;
        this.log = b.log;
        List<FormatWriter> ws = new ArrayList<>();
        for (String f : project.output().formats()) {
            ws.add(FormatWriter.forName(f)
                    .orElseThrow(() -> new ProjectException(project.file().getFileName()
                            + ": output.formats: format '" + f + "' has no writer in this build (available: "
                            + String.join(", ", FormatWriter.Registry.WRITERS.keySet()) + ")")));
        }
        this.writers = List.copyOf(ws);
    }

    public static Builder builder(Project project) {
        return new Builder(project);
    }

    /** Configures a build; {@link #build()} checks the settings. */
    public static final class Builder {
        private final Project project;
        private Path outDir;
        private ExampleTokenCounter tokens = ExampleTokenCounter.llama3();
        private Consumer<String> log = s -> {};

        private Builder(Project project) {
            this.project = Objects.requireNonNull(project, "project");
        }

        /** Output directory; default: the project's {@code output.dir} relative to the project file. */
        public Builder outDir(Path dir) {
            this.outDir = Objects.requireNonNull(dir, "outDir");
            return this;
        }

        public Builder tokenCounter(ExampleTokenCounter counter) {
            this.tokens = Objects.requireNonNull(counter, "tokenCounter");
            return this;
        }

        /** Receives one line per step and the final summary lines. */
        public Builder log(Consumer<String> sink) {
            this.log = Objects.requireNonNull(sink, "log");
            return this;
        }

        public BuildPipeline build() {
            if (outDir == null) {
                outDir = project.baseDir().resolve(project.output().dir());
            }
            Path base = project.baseDir().toAbsolutePath().normalize();
            Path o = outDir.toAbsolutePath().normalize();
            if (base.startsWith(o)) {
                throw new IllegalArgumentException(
                        "output directory " + outDir + " contains the project; choose a subdirectory");
            }
            return new BuildPipeline(this);
        }
    }

    /** Runs every step; returns what happened. Throws UncheckedIOException on I/O problems. */
    public BuildResult run() {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + stateDir + ": " + e.getMessage(), e);
        }
        state = BuildState.load(stateDir.resolve("state.json"));
        SourceScanner scanner = new SourceScanner(project, tokens);

        // 1. ingest and validate, per source
        List<ObjectNode> ingests = new ArrayList<>();
        for (SourceSpec s : project.sources()) {
            ingests.add(ingest(scanner, s));
        }
        // 2. exact + near dedup across all sources, in priority order
        ObjectNode dedup = dedup(ingests);
        // 3. PII scrub
        ObjectNode scrub = scrub(dedup);
        // 4. stratified split + leakage check
        ObjectNode split = split(scrub);
        // 5. upload files + provenance + quarantine/logs
        ObjectNode write = write(ingests, dedup, scrub, split);
        // 7. accounting (always runs: it checks the files as they are on disk now)
        ObjectNode accounting = accounting(ingests);
        // inventory after the build: what the dataset now holds against the targets
        Inventory inv = inventory(ingests, write);
        ObjectNode summary = summary(ingests, dedup, scrub, split, write, accounting, inv);
        // 6. dataset card and HTML report
        report(summary);
        state.save();
        long rejected = 0;
        for (ObjectNode i : ingests) {
            rejected += i.path("stats").path("rejected").asLong();
        }
        boolean ok = accounting.path("ok").asBoolean();
        return new BuildResult(out, List.copyOf(runs), summary, inv.needs(), rejected, ok);
    }

    // ---------------------------------------------------------------- step runner

    private ObjectNode step(String name, String key, List<Path> outputs, Supplier<ObjectNode> body) {
        ObjectNode saved = state.reusable(name, key, out);
        if (saved != null) {
            runs.add(new BuildResult.StepRun(name, false, 0, 0, 0, "unchanged"));
            log.accept(String.format(Locale.ROOT, "  %-22s reused (inputs unchanged)", name));
            return saved;
        }
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        ObjectNode stats = body.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (cpuNanos() - c0) / 1_000_000;
        long peak = pools.stream()
                .mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed())
                .sum();
        ObjectNode rec = state.record(name, key, out, outputs, stats);
        String detail = stats.path("detail").asText("");
        runs.add(new BuildResult.StepRun(name, true, ms, cpu, peak, detail));
        log.accept(String.format(Locale.ROOT, "  %-22s ran    %s", name, detail));
        return rec;
    }

    private static long cpuNanos() {
        var t = ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : 0;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
                .toList();
    }

    private static String key(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p).append('\u0000');
        }
        return Text.sha256(sb.toString());
    }

    private Path state(String rel) {
        return stateDir.resolve(rel);
    }

    private String rel(Path p) {
        return out.relativize(p).toString().replace('\\', '/');
    }

    private String hashOf(ObjectNode step, Path p) {
        return BuildState.outputHash(step, rel(p));
    }

    private static String json(Object o) {
        try {
            return Jsonl.MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- 1. ingest

    /** Examples the synthesizer may draw (in batches of the target, seed, seed+1, ...) before giving up. */
    static final int SYNTH_MAX_BATCHES = 20;

    /**
     * Synthesizes a {@code synthetic-voice} source in-process with the voice area's {@link VoiceSynth}: batches of
     * {@code target} examples with seeds seed, seed+1, ... (seed = the source's, else the project's); an example is
     * kept only when it is neither an exact nor a near duplicate (the project's dedup settings and algorithm) of
     * one already kept, until {@code target} are kept. So the source meets its target after dedup. Cached by key
     * (preset, seed, target, dedup settings, algorithm): an unchanged source is not synthesized again.
     */
    private ObjectNode synth(SourceSpec s) {
        Path file = state("synth/" + s.id() + ".jsonl");
        long seed = s.synthSeed() == null ? project.seed() : s.synthSeed();
        int target = s.targetTotal();
        Project.Dedup d = project.dedup();
        return step("synth:" + s.id(), key("synth", ALGO, s.preset(), seed, target, json(d)), List.of(file), () -> {
            VoiceSynth.Kind kind = SynthPreset.of(s.preset()).kind();
            LongIntMap exact = new LongIntMap();
            MinHasher hasher = new MinHasher(d.permutations(), d.shingle().equals("word"), d.shingleSize());
            NearDupIndex index = new NearDupIndex(d.permutations(), d.threshold(), Math.max(16, target * 2));
            long[] c = new long[3]; // kept, drawn, batches
            VoiceSynth synth = new VoiceSynth(VoiceParser.defaults());
            try (Jsonl.Out w = new Jsonl.Out(file)) {
                while (c[0] < target && c[2] < SYNTH_MAX_BATCHES) {
                    synth.generate(target, seed + c[2], kind, ex -> {
                        if (c[0] >= target) {
                            return;
                        }
                        c[1]++;
                        long eh = Text.hash64(Text.exactKey(ex));
                        if (exact.get(eh) >= 0) {
                            return;
                        }
                        long[] sig = hasher.signature(Text.nearKey(ex));
                        if (index.query(sig) != null) {
                            return;
                        }
                        exact.put(eh, index.add(sig));
                        w.line(ChatJson.toJsonLine(ex));
                        c[0]++;
                    });
                    c[2]++;
                }
            }
            ObjectNode st = JSON.objectNode();
            st.put("preset", s.preset());
            st.put("seed", seed);
            st.put("target", target);
            st.put("kept", c[0]);
            st.put("drawn", c[1]);
            st.put("batches", c[2]);
            st.put(
                    "rule",
                    "batches of the target with seeds seed, seed+1, ...; an example is kept unless it is an exact or"
                            + " near duplicate of one already kept (dedup settings), until the target is kept");
            st.put(
                    "detail",
                    String.format(
                            Locale.ROOT,
                            "preset %s seed %d: %,d kept of %,d drawn (%,d near/exact duplicates"
                                    + " skipped, %d batch%s)%s",
                            s.preset(),
                            seed,
                            c[0],
                            c[1],
                            c[1] - c[0],
                            c[2],
                            c[2] == 1 ? "" : "es",
                            c[0] < target ? ", SHORT of target " + target : ""));
            return st;
        });
    }

    private ObjectNode ingest(SourceScanner scanner, SourceSpec s) {
        if (s.synthesized()) {
            ObjectNode syn = synth(s);
            Path file = state("synth/" + s.id() + ".jsonl");
            String label = "synth:" + s.preset() + "/seed-" + (s.synthSeed() == null ? project.seed() : s.synthSeed())
                    + ".jsonl";
            return ingestFiles(
                    s,
                    List.of(file),
                    "synth=" + hashOf(syn, file) + ";",
                    (sink) -> scanner.scanFile(s, file, label, sink),
                    List.of(label),
                    List.of());
        }
        List<Path> files = scanner.files(s);
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Path f : files) {
            (Files.isRegularFile(f) ? present : absent).add(scanner.relative(f));
        }
        StringBuilder inputs = new StringBuilder();
        for (Path f : files) {
            inputs.append(scanner.relative(f))
                    .append('=')
                    .append(Files.isRegularFile(f) ? Jsonl.sha256(f) : "missing")
                    .append(';');
            Path side = s.sidecar(f);
            if (side != null) {
                inputs.append(Files.isRegularFile(side) ? Jsonl.sha256(side) : "missing")
                        .append(';');
            }
        }
        return ingestFiles(s, files, inputs.toString(), sink -> scanner.scan(s, sink), present, absent);
    }

    private ObjectNode ingestFiles(
            SourceSpec s,
            List<Path> files,
            String inputs,
            Consumer<Consumer<SourceRecord>> scan,
            List<String> present,
            List<String> absent) {
        Path accepted = state("ingest/" + s.id() + ".jsonl");
        Path rejects = state("ingest/" + s.id() + ".rejects.jsonl");
        String k = key(
                "ingest",
                ALGO,
                s.id(),
                s.kind().name(),
                s.category(),
                s.categoryField(),
                s.categorySidecar(),
                project.tokenLimit(),
                tokens.describe(),
                inputs,
                new TreeMap<>(s.chunkCategory()));
        return step("ingest:" + s.id(), k, List.of(accepted, rejects), () -> {
            long[] c = new long[4]; // read, accepted, rejected, idSum
            Map<String, Long> reasons = new TreeMap<>();
            Map<String, long[]> cats = new TreeMap<>();
            List<String> firstErrors = new ArrayList<>();
            try (Jsonl.Out acc = new Jsonl.Out(accepted);
                    Jsonl.Out rej = new Jsonl.Out(rejects)) {
                scan.accept(r -> {
                    c[0]++;
                    c[3] += Text.hash64(r.id());
                    if (r.accepted()) {
                        c[1]++;
                        acc.json(internal(r));
                        long[] cc = cats.computeIfAbsent(r.category(), x -> new long[2]);
                        cc[0]++;
                        cc[1] += r.tokens();
                    } else {
                        c[2]++;
                        reasons.merge(r.reason(), 1L, Long::sum);
                        if (firstErrors.size() < 10) {
                            firstErrors.add(r.file() + ":" + r.line() + ": " + r.reason() + " (" + r.detail() + ")");
                        }
                        ObjectNode q = JSON.objectNode();
                        q.put("id", r.id());
                        q.put("source", r.sourceId());
                        q.put("file", r.file());
                        q.put("line", r.line());
                        q.put("reason", r.reason());
                        q.put("detail", r.detail());
                        q.put("raw", r.raw());
                        rej.json(q);
                    }
                });
            }
            ObjectNode st = JSON.objectNode();
            st.put("read", c[0]);
            st.put("accepted", c[1]);
            st.put("rejected", c[2]);
            st.put("idSum", c[3]);
            ObjectNode rs = st.putObject("reasons");
            reasons.forEach(rs::put);
            ObjectNode cs = st.putObject("categories");
            cats.forEach((cat, v) -> {
                ObjectNode x = cs.putObject(cat);
                x.put("examples", v[0]);
                x.put("tokens", v[1]);
            });
            ArrayNode fs = st.putArray("files");
            ArrayNode missing = st.putArray("missing");
            present.forEach(fs::add);
            absent.forEach(missing::add);
            ArrayNode fe = st.putArray("firstErrors");
            firstErrors.forEach(fe::add);
            st.put(
                    "detail",
                    String.format(
                            Locale.ROOT,
                            "%,d read, %,d accepted, %,d rejected%s",
                            c[0],
                            c[1],
                            c[2],
                            missing.isEmpty()
                                    ? ""
                                    : ", missing: " + missing.get(0).asText()));
            return st;
        });
    }

    private static ObjectNode internal(SourceRecord r) {
        ObjectNode o = JSON.objectNode();
        o.put("id", r.id());
        o.put("src", r.sourceId());
        o.put("cat", r.category());
        o.put("file", r.file());
        o.put("line", r.line());
        o.put("tok", r.tokens());
        o.set("messages", ChatJson.toNode(r.example()).get("messages"));
        return o;
    }

    // ---------------------------------------------------------------- 2. dedup

    private ObjectNode dedup(List<ObjectNode> ingests) {
        StringBuilder in = new StringBuilder();
        long expected = 0;
        for (int i = 0; i < project.sources().size(); i++) {
            in.append(hashOf(
                            ingests.get(i),
                            state("ingest/" + project.sources().get(i).id() + ".jsonl")))
                    .append(';');
            expected += ingests.get(i).path("stats").path("accepted").asLong();
        }
        Path kept = state("dedup/kept.jsonl");
        Path dlog = state("dedup/log.jsonl");
        Project.Dedup d = project.dedup();
        int exp = (int) Math.min(Integer.MAX_VALUE / 64, expected);
        return step("dedup", key("dedup", ALGO, in, json(d)), List.of(kept, dlog), () -> {
            LongIntMap exact = new LongIntMap();
            MinHasher hasher = new MinHasher(d.permutations(), d.shingle().equals("word"), d.shingleSize());
            NearDupIndex index = new NearDupIndex(d.permutations(), d.threshold(), exp);
            IdTable ids = new IdTable();
            Map<Integer, Cluster> clusters = new HashMap<>();
            long[] c = new long[3]; // input, exact, near
            try (Jsonl.Out keptOut = new Jsonl.Out(kept);
                    Jsonl.Out logOut = new Jsonl.Out(dlog)) {
                for (SourceSpec s : project.sources()) {
                    Jsonl.lines(state("ingest/" + s.id() + ".jsonl"), line -> {
                        c[0]++;
                        ObjectNode rec = Jsonl.parse(line);
                        ChatExample ex = ChatJson.fromNode(rec);
                        long eh = Text.hash64(Text.exactKey(ex));
                        int rep = exact.get(eh);
                        String kind = "exact";
                        double sim = 1.0;
                        long[] sig = null;
                        if (rep < 0) {
                            String near = Text.nearKey(ex);
                            sig = hasher.signature(near);
                            NearDupIndex.Match m = index.query(sig);
                            if (m != null) {
                                rep = m.ordinal();
                                kind = "near";
                                sim = m.similarity();
                            }
                        }
                        if (rep < 0) {
                            int ord = index.add(sig);
                            ids.add(
                                    rec.get("src").asText(),
                                    rec.get("file").asText(),
                                    rec.get("line").asLong());
                            exact.put(eh, ord);
                            keptOut.line(line);
                            return;
                        }
                        exact.put(eh, rep);
                        c[kind.equals("exact") ? 1 : 2]++;
                        Cluster cl = clusters.computeIfAbsent(rep, x -> new Cluster());
                        cl.add(kind, rec.get("id").asText(), rec.get("src").asText());
                        ObjectNode l = JSON.objectNode();
                        l.put("id", rec.get("id").asText());
                        l.put("source", rec.get("src").asText());
                        l.put("category", rec.get("cat").asText());
                        l.put("reason", kind.equals("exact") ? "exact_duplicate" : "near_duplicate");
                        l.put("keptId", ids.id(rep));
                        l.put("similarity", Math.round(sim * 1000) / 1000.0);
                        logOut.json(l);
                    });
                }
            }
            ObjectNode st = JSON.objectNode();
            st.put("input", c[0]);
            st.put("kept", c[0] - c[1] - c[2]);
            st.put("exact", c[1]);
            st.put("near", c[2]);
            st.put("threshold", d.threshold());
            st.put("bands", index.bands());
            st.put("rows", index.rows());
            st.put("permutations", d.permutations());
            st.put("shingle", d.shingleSize() + "-" + d.shingle());
            st.put(
                    "keepRule",
                    "the first occurrence is kept: sources in spotter.yaml order, then file order, then line");
            st.put("indexBytes", exact.bytes() + index.bytes() + ids.bytes());
            st.put("clusterCount", clusters.size());
            // top clusters by size, ties by representative order: deterministic
            List<Map.Entry<Integer, Cluster>> top = new ArrayList<>(clusters.entrySet());
            top.sort((a, b) -> a.getValue().size != b.getValue().size
                    ? Integer.compare(b.getValue().size, a.getValue().size)
                    : Integer.compare(a.getKey(), b.getKey()));
            ArrayNode cs = st.putArray("clusters");
            for (var e : top.subList(0, Math.min(TOP_CLUSTERS, top.size()))) {
                ObjectNode x = cs.addObject();
                x.put("keptId", ids.id(e.getKey()));
                x.put("size", e.getValue().size + 1);
                x.put("exact", e.getValue().exact);
                x.put("near", e.getValue().near);
                ArrayNode ms = x.putArray("members");
                e.getValue().members.forEach(ms::add);
            }
            ObjectNode bySource = st.putObject("droppedBySource");
            Map<String, Long> drop = new TreeMap<>();
            clusters.values().forEach(cl -> cl.bySource.forEach((k2, v) -> drop.merge(k2, v, Long::sum)));
            drop.forEach(bySource::put);
            st.put(
                    "detail",
                    String.format(
                            Locale.ROOT,
                            "%,d in, %,d exact + %,d near duplicates dropped, %,d clusters, index %,d KB",
                            c[0],
                            c[1],
                            c[2],
                            clusters.size(),
                            st.get("indexBytes").asLong() / 1024));
            return st;
        });
    }

    /** Duplicates of one kept record; members are the first few dropped ids (for the report). */
    private static final class Cluster {
        int size;
        int exact;
        int near;
        final List<String> members = new ArrayList<>(3);
        final Map<String, Long> bySource = new TreeMap<>();

        void add(String kind, String id, String source) {
            size++;
            if (kind.equals("exact")) {
                exact++;
            } else {
                near++;
            }
            if (members.size() < 3) {
                members.add(id);
            }
            bySource.merge(source, 1L, Long::sum);
        }
    }

    // ---------------------------------------------------------------- 3. PII scrub

    private ObjectNode scrub(ObjectNode dedup) {
        Path kept = state("dedup/kept.jsonl");
        Path scrubbed = state("scrub/scrubbed.jsonl");
        Project.Pii pii = project.pii();
        return step("scrub", key("scrub", ALGO, hashOf(dedup, kept), json(pii)), List.of(scrubbed), () -> {
            PiiScrubber scrubber = pii.enabled() ? PiiScrubber.of(pii.types()) : new PiiScrubber(List.of());
            Map<PiiScrubber.Kind, Long> totals = new TreeMap<>();
            long[] c = new long[2]; // records, changed
            try (Jsonl.Out o = new Jsonl.Out(scrubbed)) {
                Jsonl.lines(kept, line -> {
                    c[0]++;
                    ObjectNode rec = Jsonl.parse(line);
                    ArrayNode msgs = (ArrayNode) rec.get("messages");
                    Map<PiiScrubber.Kind, Integer> found = new TreeMap<>();
                    for (JsonNode m : msgs) {
                        if (pii.roles().contains(m.get("role").asText())) {
                            PiiScrubber.Result r =
                                    scrubber.scrub(m.get("content").asText());
                            if (r.total() > 0) {
                                ((ObjectNode) m).put("content", r.text());
                                r.counts().forEach((k2, v) -> found.merge(k2, v, Integer::sum));
                            }
                        }
                    }
                    if (!found.isEmpty()) {
                        c[1]++;
                        ObjectNode p = rec.putObject("pii");
                        found.forEach((k2, v) -> {
                            p.put(k2.key(), v);
                            totals.merge(k2, (long) v, Long::sum);
                        });
                        o.json(rec);
                    } else {
                        o.line(line);
                    }
                });
            }
            ObjectNode st = JSON.objectNode();
            st.put("enabled", pii.enabled());
            st.put("records", c[0]);
            st.put("recordsChanged", c[1]);
            ObjectNode cs = st.putObject("replacements");
            for (PiiScrubber.Kind k2 : PiiScrubber.Kind.values()) {
                cs.put(k2.placeholder(), totals.getOrDefault(k2, 0L));
            }
            ArrayNode roles = st.putArray("roles");
            pii.roles().forEach(roles::add);
            st.put(
                    "detail",
                    String.format(
                            Locale.ROOT,
                            "%,d records, %,d changed: %s",
                            c[0],
                            c[1],
                            totals.isEmpty()
                                    ? "nothing found"
                                    : totals.entrySet().stream()
                                            .map(e -> e.getKey().placeholder() + " " + e.getValue())
                                            .reduce((a, b) -> a + ", " + b)
                                            .get()));
            return st;
        });
    }

    // ---------------------------------------------------------------- 4. split + leakage

    private ObjectNode split(ObjectNode scrub) {
        Path scrubbed = state("scrub/scrubbed.jsonl");
        Path assign = state("split/assign.txt");
        Path leak = state("split/leakage.jsonl");
        Project.Split sp = project.split();
        Project.Dedup d = project.dedup();
        return step(
                "split",
                key("split", ALGO, hashOf(scrub, scrubbed), json(sp), project.seed(), json(d)),
                List.of(assign, leak),
                () -> {
                    // Pass 1: stratum, a content-derived random key and a near-duplicate group per record. Records at
                    // or
                    // above the leakage threshold from a group's first member join that group, and a group is split as
                    // one
                    // unit (its first member's stratum and key), so near-duplicates start on the same side of the
                    // split.
                    // Memory: 16 bytes per record + the grouping index (about 470 bytes per group, freed after this
                    // pass).
                    MinHasher hasher =
                            new MinHasher(d.permutations(), d.shingle().equals("word"), d.shingleSize());
                    int expected = (int) Math.min(
                            Integer.MAX_VALUE / 64,
                            Math.max(16, scrub.path("stats").path("records").asLong()));
                    NearDupIndex[] grouping = {new NearDupIndex(d.permutations(), d.leakageThreshold(), expected)};
                    IntList groupRoot = new IntList(); // grouping-index ordinal -> record ordinal
                    IntList root = new IntList(); // record ordinal -> its group's first record
                    Map<String, Integer> strata = new LinkedHashMap<>();
                    IntList strat = new IntList();
                    LongList keys = new LongList();
                    IdTable ids = new IdTable();
                    Jsonl.lines(scrubbed, line -> {
                        ObjectNode rec = Jsonl.parse(line);
                        ChatExample ex = ChatJson.fromNode(rec);
                        int i = strat.size();
                        String s = rec.get("src").asText() + "\u0000"
                                + rec.get("cat").asText();
                        strat.add(strata.computeIfAbsent(s, x -> strata.size()));
                        // Keyed on content, not position: adding another source does not reshuffle this one's split.
                        keys.add(Text.fmix64(project.seed() ^ Text.hash64(Text.exactKey(ex))));
                        ids.add(
                                rec.get("src").asText(),
                                rec.get("file").asText(),
                                rec.get("line").asLong());
                        long[] sig = hasher.signature(Text.nearKey(ex));
                        NearDupIndex.Match m = grouping[0].query(sig);
                        if (m != null) {
                            root.add(groupRoot.get(m.ordinal()));
                        } else {
                            grouping[0].add(sig);
                            groupRoot.add(i);
                            root.add(i);
                        }
                    });
                    grouping[0] = null; // free the grouping index before the leakage index is built
                    int n = strat.size();
                    int ns = strata.size();
                    int grouped = 0;
                    for (int i = 0; i < n; i++) {
                        if (root.get(i) != i) {
                            grouped++;
                        }
                    }
                    int[] sizes = new int[ns];
                    for (int i = 0; i < n; i++) {
                        sizes[strat.get(root.get(i))]++;
                    }
                    long[][] perStratum = new long[ns][];
                    int[] fill = new int[ns];
                    for (int s = 0; s < ns; s++) {
                        perStratum[s] = new long[sizes[s]];
                    }
                    for (int i = 0; i < n; i++) {
                        int r = root.get(i);
                        int s = strat.get(r);
                        perStratum[s][fill[s]++] = keys.get(r);
                    }
                    long[] cut = new long[ns];
                    int[] want = new int[ns];
                    for (int s = 0; s < ns; s++) {
                        int size = sizes[s];
                        int k = size < sp.minStratum()
                                ? 0
                                : (int) Math.max(sp.minValidation(), Math.round(size * sp.validation()));
                        k = Math.min(k, size - 1);
                        if (sp.validation() == 0 || size == 0) {
                            k = 0;
                        }
                        want[s] = k;
                        Arrays.sort(perStratum[s]);
                        cut[s] = k == 0 ? Long.MIN_VALUE : perStratum[s][k - 1];
                        perStratum[s] = null;
                    }
                    boolean[] val = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        int r = root.get(i);
                        int s = strat.get(r);
                        val[i] = want[s] > 0 && keys.get(r) <= cut[s];
                    }
                    // Pass 2+: leakage check. Grouping links a record to its group's first member only, so pairs can
                    // remain.
                    // Index train signatures; a validation record with a train near-duplicate (>= leakageThreshold)
                    // moves
                    // to train (data is kept, validation stays clean). Repeat until no move.
                    NearDupIndex index = new NearDupIndex(d.permutations(), d.leakageThreshold(), n);
                    IntList indexOrd = new IntList(); // index ordinal -> record ordinal
                    int[] ord = {0};
                    Jsonl.lines(scrubbed, line -> {
                        int i = ord[0]++;
                        if (!val[i]) {
                            index.add(hasher.signature(Text.nearKey(ChatJson.fromNode(Jsonl.parse(line)))));
                            indexOrd.add(i);
                        }
                    });
                    List<String> moves = new ArrayList<>();
                    int moved = 0;
                    int passes = 0;
                    boolean changed = true;
                    while (changed) {
                        changed = false;
                        passes++;
                        int[] o = {0};
                        List<int[]> found = new ArrayList<>();
                        List<Double> sims = new ArrayList<>();
                        Jsonl.lines(scrubbed, line -> {
                            int i = o[0]++;
                            if (val[i]) {
                                long[] sig = hasher.signature(Text.nearKey(ChatJson.fromNode(Jsonl.parse(line))));
                                NearDupIndex.Match m = index.query(sig);
                                if (m != null) {
                                    val[i] = false;
                                    index.add(sig);
                                    indexOrd.add(i);
                                    found.add(new int[] {i, indexOrd.get(m.ordinal())});
                                    sims.add(m.similarity());
                                }
                            }
                        });
                        for (int j = 0; j < found.size(); j++) {
                            ObjectNode l = JSON.objectNode();
                            l.put("id", ids.id(found.get(j)[0]));
                            l.put("similarTo", ids.id(found.get(j)[1]));
                            l.put("similarity", Math.round(sims.get(j) * 1000) / 1000.0);
                            l.put("action", "moved validation -> train");
                            moves.add(l.toString());
                        }
                        moved += found.size();
                        changed = !found.isEmpty();
                    }
                    int validation = 0;
                    int[] valPer = new int[ns];
                    StringBuilder sb = new StringBuilder(n + 1);
                    for (int i = 0; i < n; i++) {
                        sb.append(val[i] ? 'v' : 't');
                        if (val[i]) {
                            validation++;
                            valPer[strat.get(i)]++;
                        }
                    }
                    sb.append('\n');
                    try {
                        Files.createDirectories(assign.getParent());
                        Files.writeString(assign, sb, StandardCharsets.US_ASCII);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write " + assign + ": " + e.getMessage(), e);
                    }
                    try (Jsonl.Out l = new Jsonl.Out(leak)) {
                        moves.forEach(l::line);
                    }
                    ObjectNode st = JSON.objectNode();
                    st.put("records", n);
                    st.put("train", n - validation);
                    st.put("validation", validation);
                    st.put("validationRatio", sp.validation());
                    st.put("seed", project.seed());
                    st.put("leakageThreshold", d.leakageThreshold());
                    st.put("leakageMoved", moved);
                    st.put("leakagePasses", passes);
                    st.put("nearDuplicateGroupMembers", grouped);
                    st.put(
                            "leakageRule",
                            "near-duplicate groups (estimated Jaccard >= " + d.leakageThreshold()
                                    + " to the group's first example) are split as one unit; a validation example still having a train"
                                    + " near-duplicate afterwards moves to train, repeated until no pair is left");
                    ArrayNode ss = st.putArray("strata");
                    for (var e : strata.entrySet()) {
                        String[] parts = e.getKey().split("\u0000", 2);
                        ObjectNode x = ss.addObject();
                        x.put("source", parts[0]);
                        x.put("category", parts[1]);
                        x.put("examples", sizes[e.getValue()]);
                        x.put("validation", valPer[e.getValue()]);
                    }
                    st.put(
                            "detail",
                            String.format(
                                    Locale.ROOT,
                                    "%,d train / %,d validation (%d strata), leakage: %,d moved to train",
                                    n - validation,
                                    validation,
                                    ns,
                                    moved));
                    return st;
                });
    }

    // ---------------------------------------------------------------- 5. write

    private ObjectNode write(List<ObjectNode> ingests, ObjectNode dedup, ObjectNode scrub, ObjectNode split) {
        Path scrubbed = state("scrub/scrubbed.jsonl");
        Path assign = state("split/assign.txt");
        List<Path> outputs = new ArrayList<>();
        for (FormatWriter w : writers) {
            outputs.add(out.resolve(w.name()).resolve("train.jsonl"));
            outputs.add(out.resolve(w.name()).resolve("validation.jsonl"));
        }
        Path provTrain = out.resolve("provenance/train.jsonl");
        Path provVal = out.resolve("provenance/validation.jsonl");
        Path quarantine = out.resolve("quarantine.jsonl");
        Path dedupLog = out.resolve("dedup-log.jsonl");
        Path leakLog = out.resolve("leakage-log.jsonl");
        outputs.addAll(List.of(provTrain, provVal, quarantine, dedupLog, leakLog));
        StringBuilder rejHashes = new StringBuilder();
        for (int i = 0; i < ingests.size(); i++) {
            rejHashes
                    .append(hashOf(
                            ingests.get(i),
                            state("ingest/" + project.sources().get(i).id() + ".rejects.jsonl")))
                    .append(';');
        }
        String k = key(
                "write",
                ALGO,
                hashOf(scrub, scrubbed),
                hashOf(split, assign),
                hashOf(split, state("split/leakage.jsonl")),
                hashOf(dedup, state("dedup/log.jsonl")),
                rejHashes,
                project.output().formats());
        return step("write", k, outputs, () -> {
            byte[] asg;
            try {
                asg = Files.readAllBytes(assign);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + assign + ": " + e.getMessage(), e);
            }
            List<Jsonl.Out[]> fouts = new ArrayList<>();
            IntList trainTok = new IntList();
            IntList valTok = new IntList();
            Map<String, long[]> strata = new LinkedHashMap<>(); // src\0cat -> train, validation, tokens
            try (Jsonl.Out pt = new Jsonl.Out(provTrain);
                    Jsonl.Out pv = new Jsonl.Out(provVal)) {
                for (FormatWriter w : writers) {
                    fouts.add(new Jsonl.Out[] {
                        new Jsonl.Out(out.resolve(w.name()).resolve("train.jsonl")),
                        new Jsonl.Out(out.resolve(w.name()).resolve("validation.jsonl"))
                    });
                }
                int[] i = {0};
                Jsonl.lines(scrubbed, line -> {
                    boolean v = asg[i[0]++] == 'v';
                    ObjectNode rec = Jsonl.parse(line);
                    ChatExample ex = ChatJson.fromNode(rec);
                    for (int f = 0; f < writers.size(); f++) {
                        fouts.get(f)[v ? 1 : 0].line(writers.get(f).line(ex));
                    }
                    Jsonl.Out p = v ? pv : pt;
                    int tok = rec.get("tok").asInt();
                    ObjectNode pr = JSON.objectNode();
                    pr.put("line", p.lines() + 1);
                    pr.put("id", rec.get("id").asText());
                    pr.put("source", rec.get("src").asText());
                    pr.put("category", rec.get("cat").asText());
                    pr.put("file", rec.get("file").asText());
                    pr.put("sourceLine", rec.get("line").asLong());
                    pr.put("tokens", tok);
                    if (rec.has("pii")) {
                        pr.set("pii", rec.get("pii"));
                    }
                    p.json(pr);
                    (v ? valTok : trainTok).add(tok);
                    long[] s = strata.computeIfAbsent(
                            rec.get("src").asText() + "\u0000" + rec.get("cat").asText(), x -> new long[3]);
                    s[v ? 1 : 0]++;
                    s[2] += tok;
                });
            } finally {
                for (Jsonl.Out[] pair : fouts) {
                    pair[0].close();
                    pair[1].close();
                }
            }
            try (Jsonl.Out q = new Jsonl.Out(quarantine)) {
                for (SourceSpec s : project.sources()) {
                    Jsonl.lines(state("ingest/" + s.id() + ".rejects.jsonl"), q::line);
                }
            }
            copy(state("dedup/log.jsonl"), dedupLog);
            copy(state("split/leakage.jsonl"), leakLog);
            ObjectNode st = JSON.objectNode();
            st.put("train", trainTok.size());
            st.put("validation", valTok.size());
            ArrayNode fs = st.putArray("formats");
            writers.forEach(w -> fs.add(w.name()));
            ObjectNode tk = st.putObject("tokens");
            tk.set("train", tokenStats(trainTok));
            tk.set("validation", tokenStats(valTok));
            IntList all = new IntList();
            all.addAll(trainTok);
            all.addAll(valTok);
            tk.set("all", tokenStats(all));
            ArrayNode ss = st.putArray("strata");
            strata.forEach((key, v) -> {
                String[] parts = key.split("\u0000", 2);
                ObjectNode x = ss.addObject();
                x.put("source", parts[0]);
                x.put("category", parts[1]);
                x.put("train", v[0]);
                x.put("validation", v[1]);
                x.put("tokens", v[2]);
            });
            st.put(
                    "detail",
                    String.format(
                            Locale.ROOT,
                            "%,d train + %,d validation lines x %d format(s), provenance sidecars",
                            trainTok.size(),
                            valTok.size(),
                            writers.size()));
            return st;
        });
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode tokenStats(IntList t) {
        ObjectNode o = JSON.objectNode();
        int n = t.size();
        o.put("examples", n);
        int[] a = t.toSortedArray();
        long sum = 0;
        for (int x : a) {
            sum += x;
        }
        o.put("total", sum);
        o.put("mean", n == 0 ? 0 : Math.round((double) sum / n));
        o.put("min", n == 0 ? 0 : a[0]);
        o.put("p10", pct(a, 0.10));
        o.put("p50", pct(a, 0.50));
        o.put("p90", pct(a, 0.90));
        o.put("max", n == 0 ? 0 : a[n - 1]);
        // 20 equal-width bins with a "nice" width (1, 2, 5 × 10^k) covering [0, max]
        ArrayNode h = o.putArray("histogram");
        if (n > 0) {
            int max = a[n - 1];
            int width = niceWidth(Math.max(1, (max + 19) / 20));
            int bins = max / width + 1;
            long[] counts = new long[bins];
            for (int x : a) {
                counts[x / width]++;
            }
            for (int b = 0; b < bins; b++) {
                ObjectNode x = h.addObject();
                x.put("from", (long) b * width);
                x.put("to", (long) (b + 1) * width);
                x.put("examples", counts[b]);
            }
        }
        return o;
    }

    private static int niceWidth(int w) {
        int p = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * p >= w) {
                    return m * p;
                }
            }
            p *= 10;
        }
    }

    private static int pct(int[] a, double q) {
        if (a.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(q * a.length) - 1; // nearest-rank
        return a[Math.max(0, Math.min(a.length - 1, idx))];
    }

    // ---------------------------------------------------------------- 7. accounting

    private ObjectNode accounting(List<ObjectNode> ingests) {
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long read = 0;
        long idSum = 0;
        for (ObjectNode i : ingests) {
            read += i.path("stats").path("read").asLong();
            idSum += i.path("stats").path("idSum").asLong();
        }
        long[] train = countIds(out.resolve("provenance/train.jsonl"));
        long[] val = countIds(out.resolve("provenance/validation.jsonl"));
        long[] q = countIds(out.resolve("quarantine.jsonl"));
        long[] dd = countIds(out.resolve("dedup-log.jsonl"));
        List<String> problems = new ArrayList<>();
        for (FormatWriter w : writers) {
            long tl = countLines(out.resolve(w.name()).resolve("train.jsonl"));
            long vl = countLines(out.resolve(w.name()).resolve("validation.jsonl"));
            if (tl != train[0] || vl != val[0]) {
                problems.add(w.name() + " files have " + tl + "+" + vl + " lines, provenance says " + train[0] + "+"
                        + val[0]);
            }
        }
        long found = train[0] + val[0] + q[0] + dd[0];
        if (found != read) {
            problems.add(read + " lines read but " + found + " accounted for");
        }
        if (train[1] + val[1] + q[1] + dd[1] != idSum) {
            problems.add("the ids in the outputs are not the ids read (checksum mismatch)");
        }
        ObjectNode st = JSON.objectNode();
        st.put("read", read);
        st.put("train", train[0]);
        st.put("validation", val[0]);
        st.put("quarantined", q[0]);
        st.put("deduplicated", dd[0]);
        st.put("ok", problems.isEmpty());
        ArrayNode ps = st.putArray("problems");
        problems.forEach(ps::add);
        String detail = problems.isEmpty()
                ? String.format(
                        Locale.ROOT,
                        "OK: %,d read = %,d train + %,d validation + %,d quarantined + %,d duplicates",
                        read,
                        train[0],
                        val[0],
                        q[0],
                        dd[0])
                : "FAILED: " + String.join("; ", problems);
        long peak = pools.stream()
                .mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed())
                .sum();
        runs.add(new BuildResult.StepRun(
                "accounting", true, (System.nanoTime() - t0) / 1_000_000, (cpuNanos() - c0) / 1_000_000, peak, detail));
        log.accept(String.format(Locale.ROOT, "  %-22s ran    %s", "accounting", detail));
        return st;
    }

    /** {lines, sum of hash64(id)} of a JSONL file whose lines have an "id" field. */
    private static long[] countIds(Path p) {
        long[] r = new long[2];
        if (!Files.isRegularFile(p)) {
            return r;
        }
        Jsonl.lines(p, line -> {
            r[0]++;
            r[1] += Text.hash64(idOf(line));
        });
        return r;
    }

    /** Reads the "id" value without a full parse when it is the first key (as Spotter writes it). */
    private static String idOf(String line) {
        if (line.startsWith("{\"id\":\"")) {
            int end = line.indexOf('"', 7);
            int escape = line.indexOf('\\', 7);
            if (end > 0 && (escape < 0 || escape > end)) {
                return line.substring(7, end);
            }
        }
        JsonNode n = Jsonl.parse(line).get("id");
        return n == null ? "" : n.asText();
    }

    private static long countLines(Path p) {
        long[] n = {0};
        if (Files.isRegularFile(p)) {
            Jsonl.lines(p, l -> n[0]++);
        }
        return n[0];
    }

    // ---------------------------------------------------------------- inventory + summary + 6. report

    private Inventory inventory(List<ObjectNode> ingests, ObjectNode write) {
        Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
        for (JsonNode s : write.path("stats").path("strata")) {
            counts.computeIfAbsent(s.get("source").asText(), x -> new LinkedHashMap<>())
                    .put(s.get("category").asText(), new long[] {
                        s.get("train").asLong() + s.get("validation").asLong(),
                        s.get("tokens").asLong()
                    });
        }
        Map<String, Long> rejects = new LinkedHashMap<>();
        for (int i = 0; i < ingests.size(); i++) {
            rejects.put(
                    project.sources().get(i).id(),
                    ingests.get(i).path("stats").path("rejected").asLong());
        }
        return Inventory.from(project, tokens.describe(), counts, rejects);
    }

    private ObjectNode summary(
            List<ObjectNode> ingests,
            ObjectNode dedup,
            ObjectNode scrub,
            ObjectNode split,
            ObjectNode write,
            ObjectNode accounting,
            Inventory inv) {
        ObjectNode s = JSON.objectNode();
        s.put("name", project.name());
        s.put("description", project.description());
        s.put("license", project.license());
        s.put("seed", project.seed());
        s.put("tokenLimit", project.tokenLimit());
        s.put("tokenMethod", tokens.describe());
        s.put("tokensExact", tokens.exact());
        ArrayNode srcs = s.putArray("sources");
        Map<String, Long> reasons = new TreeMap<>();
        for (int i = 0; i < ingests.size(); i++) {
            SourceSpec spec = project.sources().get(i);
            JsonNode st = ingests.get(i).path("stats");
            ObjectNode x = srcs.addObject();
            x.put("id", spec.id());
            x.put("kind", spec.kind().name());
            if (spec.plan() != null) {
                x.put("plan", spec.plan());
            }
            x.set("files", st.path("files"));
            x.set("missing", st.path("missing"));
            x.put("read", st.path("read").asLong());
            x.put("accepted", st.path("accepted").asLong());
            x.put("rejected", st.path("rejected").asLong());
            x.set("reasons", st.path("reasons"));
            x.set("firstErrors", st.path("firstErrors"));
            // exit code policy: the reject rate (of lines read) may not exceed the source's or the project's limit
            long read = st.path("read").asLong();
            double rate = read == 0 ? 0 : st.path("rejected").asLong() / (double) read;
            double limit = spec.maxRejectRate() != null
                    ? spec.maxRejectRate()
                    : project.quality().maxRejectRate();
            x.put("rejectRate", Math.round(rate * 1e6) / 1e6);
            x.put("maxRejectRate", limit);
            x.put("rejectRateExceeded", rate > limit);
            st.path("reasons")
                    .properties()
                    .forEach(e -> reasons.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        ObjectNode rj = s.putObject("rejectReasons");
        reasons.forEach(rj::put);
        s.set("dedup", strip(dedup.path("stats")));
        s.set("pii", strip(scrub.path("stats")));
        s.set("split", strip(split.path("stats")));
        s.set("output", strip(write.path("stats")));
        s.set("inventory", inv.toJson());
        s.set("accounting", accounting);
        return s;
    }

    private static ObjectNode strip(JsonNode stats) {
        ObjectNode o = ((ObjectNode) stats).deepCopy();
        o.remove("detail");
        return o;
    }

    private void report(ObjectNode summary) {
        Path sj = out.resolve("summary.json");
        Path card = out.resolve("README.md");
        Path html = out.resolve("report.html");
        String text;
        try {
            text = Jsonl.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Evaluation: the eval area's result (spotter eval) when one exists at spotter.yaml's `eval:` path (default
        // <out>/eval/eval.json); its content hash is part of the step key, so a new eval re-renders the report.
        Path evalFile = project.evalFile(out);
        boolean hasEval = Files.isRegularFile(evalFile);
        String evalKey = hasEval ? Jsonl.sha256(evalFile) : "none";
        step("report", key("report", ALGO, text, rel(evalFile), evalKey), List.of(sj, card, html), () -> {
            String evalSection;
            if (hasEval) {
                try {
                    evalSection = EvalReports.htmlFragment(EvalReports.read(evalFile));
                } catch (RuntimeException e) {
                    // a broken eval file must not hide the build report: say why instead
                    evalSection = "<section><h2>Evaluation</h2><p class=\"bad\">"
                            + HtmlReport.esc(evalFile + ": cannot read: " + e.getMessage()) + "</p></section>\n";
                }
            } else {
                evalSection = "<section><h2>Evaluation</h2><p class=\"note\">No evaluation result at <code>"
                        + HtmlReport.esc(rel(evalFile)) + "</code>: run <code>spotter eval --project ...</code> after"
                        + " training (writes eval.json), or set <code>eval:</code> in spotter.yaml.</p></section>\n";
            }
            String section = evalSection;
            try {
                Files.writeString(sj, text);
                Files.writeString(card, DatasetCard.render(summary));
                Files.writeString(html, HtmlReport.render(summary, section));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write report in " + out + ": " + e.getMessage(), e);
            }
            ObjectNode st = JSON.objectNode();
            st.put("evaluation", hasEval ? rel(evalFile) : null);
            st.put(
                    "detail",
                    "summary.json, README.md (dataset card), report.html" + (hasEval ? " with evaluation" : ""));
            return st;
        });
    }

    /** Growable int array. */
    static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void addAll(IntList o) {
            for (int i = 0; i < o.n; i++) {
                add(o.a[i]);
            }
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return n;
        }

        int[] toSortedArray() {
            int[] c = Arrays.copyOf(a, n);
            Arrays.sort(c);
            return c;
        }
    }

    /** Growable long array. */
    static final class LongList {
        private long[] a = new long[1024];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long get(int i) {
            return a[i];
        }
    }

    /** For callers that only have a path. */
    public static BuildPipeline forProject(Path projectFile, Path outDir) {
        Builder b = builder(ProjectLoader.load(projectFile));
        if (outDir != null) {
            b.outDir(outDir);
        }
        return b.build();
    }
}
