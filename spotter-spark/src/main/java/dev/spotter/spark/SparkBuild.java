package dev.spotter.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.Environment;
import dev.spotter.assemble.AccountingStats;
import dev.spotter.assemble.DatasetLayout;
import dev.spotter.assemble.EngineFunctions;
import dev.spotter.assemble.EngineSummary;
import dev.spotter.assemble.FormatWriter;
import dev.spotter.assemble.UploadWriter;
import dev.spotter.assemble.WriteStats;
import dev.spotter.format.ConvertFormat;
import dev.spotter.project.Project;
import dev.spotter.project.ProjectLoader;
import dev.spotter.spark.BuildRecords.Dedupped;
import dev.spotter.spark.BuildRecords.Fault;
import dev.spotter.spark.BuildRecords.FileTask;
import dev.spotter.spark.BuildRecords.Ingested;
import dev.spotter.spark.BuildRecords.MoveKey;
import dev.spotter.spark.BuildRecords.Placed;
import dev.spotter.spark.BuildRecords.Scrubbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * The dataset build on Spark: the embedded build's steps (ingest, exact + near dedup, PII scrub, split with the
 * leakage check, write, accounting) with the core's own functions ({@link EngineFunctions}) in the executors, so
 * the upload files, provenance, quarantine, logs and accounting are the embedded build's, byte for byte.
 *
 * <p>Stages: (1) ingest, input files in byte-range splits ({@link SplitIngest}; sidecar sources a file per task), every line classified by the core's {@code SourceScanner}; every record gets
 * its global order key (source, file, line), the embedded processing order. (2) dedup: each accepted record's
 * keys (exact hash, LSH band keys), {@link Components connected components} of "shares a key" (links on the
 * engine, a union-find over the linked records on the driver), and the
 * embedded keep-first rule replayed inside each component in global order. (3) scrub, per record. (4) split: the
 * same components at the leakage threshold; pass-1 groups per component, per stratum the k-th smallest root key
 * (k from the embedded formula) taken on the engine, then the assignment and the leakage passes per component.
 * (5) the driver streams every output in global order ({@code toLocalIterator}: one partition at a time) into the
 * core's {@link UploadWriter}, which writes each file atomically, and runs the embedded accounting check.
 *
 * <p>Counts come from the records (never from side effects in tasks), so a retried task cannot change them.
 * Memory per task: one input file (ingest) or one component (replays); on the driver, one partition of output
 * and, per stratum, its validation share of random keys (8 bytes each). The summary, card and report are the
 * embedded renderer's, from figures gathered while writing ({@link SummaryFigures}).
 */
public final class SparkBuild {
    private final JavaSparkContext jsc;
    private final Path projectFile;
    private final Path outDir;
    private final int partitionsSet;
    private final long splitBytes;
    private final @Nullable Fault fault;
    private final Consumer<String> log;

    private SparkBuild(Builder b) {
        this.jsc = b.jsc;
        this.projectFile = b.projectFile.toAbsolutePath().normalize();
        this.outDir = b.outDir;
        this.partitionsSet = b.partitions; // 0: chosen from the input's size (defaultPartitions)
        this.splitBytes = b.splitBytes > 0
                ? b.splitBytes
                : b.jsc.getConf().getSizeAsBytes("spark.sql.files.maxPartitionBytes", "128m");
        this.fault = b.fault;
        this.log = b.log;
    }

    public static Builder builder(JavaSparkContext jsc, Path projectFile, Path outDir) {
        return new Builder(jsc, projectFile, outDir);
    }

    /** Configures a distributed build. */
    public static final class Builder {
        private final JavaSparkContext jsc;
        private final Path projectFile;
        private final Path outDir;
        private int partitions;
        private long splitBytes;
        private @Nullable Fault fault;
        private Consumer<String> log = s -> {};

        private Builder(JavaSparkContext jsc, Path projectFile, Path outDir) {
            this.jsc = Objects.requireNonNull(jsc, "jsc");
            this.projectFile = Objects.requireNonNull(projectFile, "projectFile");
            this.outDir = Objects.requireNonNull(outDir, "outDir");
        }

        /** Shuffle partitions; default: the context's default parallelism, at least one per 50,000 input lines. */
        public Builder partitions(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("partitions must be >= 1, was " + n);
            }
            this.partitions = n;
            return this;
        }

        /**
         * Largest byte range of an input file one ingest task reads; default {@code spark.sql.files.maxPartitionBytes}
         * (128 MiB unless configured). A file system's block size caps it too (Hadoop's split rule).
         */
        public Builder splitBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("splitBytes must be >= 1, was " + bytes);
            }
            this.splitBytes = bytes;
            return this;
        }

        public Builder log(Consumer<String> sink) {
            this.log = Objects.requireNonNull(sink, "log");
            return this;
        }

        /** Tests only: the first attempt of one partition of {@code stage} ("ingest" or "scrub") fails. */
        Builder failOnce(String stage, int partition) {
            this.fault = new Fault(stage, partition);
            return this;
        }

        public SparkBuild build() {
            if (!Files.isRegularFile(projectFile)) {
                throw new IllegalArgumentException("no project file " + projectFile);
            }
            return new SparkBuild(this);
        }
    }

    /** What the distributed build wrote and the accounting check of its files. */
    public record Result(
            DatasetLayout layout,
            WriteStats write,
            AccountingStats accounting,
            long read,
            long dropped,
            int ingestTasks) {}

    public Result run() {
        Project project = ProjectLoader.load(projectFile, Environment.system());
        EngineFunctions.requireNoReview(project);
        DatasetLayout layout = DatasetLayout.of(outDir);
        long t0 = System.nanoTime();
        List<FormatWriter> writers = project.output().formats().stream()
                .map(f -> FormatWriter.of(ConvertFormat.parse(f)))
                .toList();
        String pf = projectFile.toString();

        // 1. ingest
        InputFiles.Listing listing = InputFiles.list(project, layout, jsc.hadoopConfiguration(), log);
        List<FileTask> whole = listing.tasks().stream().filter(FileTask::whole).toList();
        List<FileTask> split =
                listing.tasks().stream().filter(t -> !t.whole() && !t.parquet()).toList();
        List<FileTask> parquet =
                listing.tasks().stream().filter(FileTask::parquet).toList();
        List<JavaRDD<Ingested>> parts = new ArrayList<>();
        int splits = whole.size();
        if (!whole.isEmpty()) {
            parts.add(jsc.parallelize(whole, whole.size()).flatMap(new Stages.Ingest(pf, fault)));
        }
        if (!split.isEmpty()) {
            SplitIngest.Read r = SplitIngest.read(jsc, pf, split, splitBytes, fault);
            parts.add(r.records());
            splits += r.splits();
        }
        if (!parquet.isEmpty()) {
            parts.add(ParquetIngest.read(jsc, pf, parquet, fault));
            splits += parquet.size();
        }
        JavaRDD<Ingested> ingested = (parts.isEmpty() ? jsc.<Ingested>emptyRDD() : parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            ingested = ingested.union(parts.get(i));
        }
        ingested = ingested.persist(StorageLevel.MEMORY_AND_DISK());
        // one pass: per source lines read and id-hash sum; per source and category accepted examples and tokens
        // (as the embedded ingest counts them: the measured tokens-per-example of the cost figure)
        Map<String, long[]> counts = ingested.flatMapToPair(new SourceCounts())
                .reduceByKey(new AddCounts())
                .collectAsMap();
        long read = 0;
        long idSum = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            if (e.getKey().startsWith("s")) {
                read += e.getValue()[0];
                idSum += e.getValue()[1];
            }
        }
        int partitions = partitionsSet > 0 ? partitionsSet : defaultPartitions(read);
        log.accept("  ingest   " + listing.tasks().size() + " files in " + splits + " tasks, " + read + " lines read; "
                + partitions + " shuffle partitions (" + seconds(t0) + ")");
        JavaRDD<Ingested> quarantined = ingested.filter(new IsAccepted(false)).persist(StorageLevel.MEMORY_AND_DISK());

        // 2. dedup: keys once per record; only (key, ord) pairs and the linked records' lines are shuffled
        JavaPairRDD<Long, String> accepted =
                ingested.filter(new IsAccepted(true)).mapToPair(new OrdLine());
        Broadcast<Components.Labels> dedupLabels =
                jsc.broadcast(Components.labels(accepted.mapPartitionsToPair(new Stages.DedupKeys(pf)), partitions));
        log.accept(
                "  dedup    " + dedupLabels.value().size() + " records share a key with another (" + seconds(t0) + ")");
        JavaPairRDD<Long, Dedupped> dedupped = accepted.filter(new Stages.IsLinked(dedupLabels, false))
                .mapToPair(new Stages.KeepSingle())
                .union(byComponent(accepted, dedupLabels, partitions).flatMapToPair(new Stages.DedupReplay(pf)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Dedupped> dropped =
                dedupped.filter(new IsKept(false)).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, String> kept = dedupped.filter(new IsKept(true)).mapValues(new DeduppedLine());

        // 3. scrub (the lines it changed keep their line before, for the report's samples)
        JavaPairRDD<Long, Scrubbed> scrubPairs =
                kept.mapPartitionsToPair(new Stages.Scrub(pf, fault)).persist(StorageLevel.MEMORY_AND_DISK());
        long keptCount = scrubPairs.count();
        long droppedTotal = dropped.count();
        quarantined.count();
        dedupped.unpersist(false);
        ingested.unpersist(false);
        dedupLabels.unpersist(false); // not destroyed: the persisted RDDs' lineage still names it
        JavaPairRDD<Long, String> scrubbed = scrubPairs.mapValues(new ScrubbedLine());
        log.accept("  scrub    " + keptCount + " kept, " + droppedTotal + " duplicates (" + seconds(t0) + ")");

        // 4. split: components at the leakage threshold, as in dedup
        Broadcast<Components.Labels> splitLabels =
                jsc.broadcast(Components.labels(scrubbed.mapPartitionsToPair(new Stages.SplitKeys(pf)), partitions));
        log.accept("  split    " + splitLabels.value().size() + " records share a leakage key (" + seconds(t0) + ")");
        JavaPairRDD<Long, Iterable<Tuple2<Long, String>>> splitComponents =
                byComponent(scrubbed, splitLabels, partitions).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, String> splitSingles = scrubbed.filter(new Stages.IsLinked(splitLabels, false));
        JavaPairRDD<String, Long> rootKeys = splitSingles
                .mapToPair(new Stages.SingleRootKey(pf))
                .union(splitComponents.flatMapToPair(new Stages.GroupKeys(pf)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Long> cuts = cuts(project, rootKeys);
        rootKeys.unpersist(false);
        log.accept("  split    cuts of " + cuts.size() + " strata (" + seconds(t0) + ")");
        JavaRDD<Placed> placedGroups =
                splitComponents.flatMap(new Stages.Place(pf, cuts)).persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<Placed> placed =
                splitSingles.map(new Stages.PlaceSingle(pf, cuts)).union(placedGroups);

        // 5. write, in global order, and check; the summary's figures from the same streams
        WriteStats write;
        long droppedCount = 0;
        SummaryFigures figures = new SummaryFigures(project);
        try (UploadWriter w = UploadWriter.open(layout, writers);
                EngineSummary.StepFiles steps = EngineSummary.StepFiles.open(layout)) {
            Iterator<Placed> ps = placed.keyBy(new PlacedOrd())
                    .sortByKey(true, partitions)
                    .values()
                    .toLocalIterator();
            // the lines the scrub changed, before it, in the same order (the report's PII samples compare the two)
            Iterator<Tuple2<Long, String>> bs = scrubPairs
                    .filter(new IsChanged())
                    .mapValues(new LineBefore())
                    .sortByKey(true, partitions)
                    .toLocalIterator();
            Tuple2<Long, String> before = bs.hasNext() ? bs.next() : null;
            while (ps.hasNext()) {
                Placed p = ps.next();
                w.example(p.line(), p.validation());
                String pre = p.line();
                if (before != null && before._1() == p.ord()) {
                    pre = before._2();
                    before = bs.hasNext() ? bs.next() : null;
                }
                steps.record(pre, p.line(), p.validation());
                figures.placed(p);
            }
            Iterator<Ingested> qs = quarantined
                    .keyBy(new IngestedOrd())
                    .sortByKey(true, partitions)
                    .values()
                    .toLocalIterator();
            while (qs.hasNext()) {
                Ingested q = qs.next();
                w.quarantine(q.line());
                figures.rejected(q);
            }
            Iterator<Dedupped> ds = dropped.sortByKey(true, partitions).values().toLocalIterator();
            while (ds.hasNext()) {
                Dedupped d = ds.next();
                w.dedupLog(d.line());
                steps.dropped(d.line(), Objects.requireNonNull(d.accepted()));
                figures.dropped(d);
                droppedCount++;
            }
            Iterator<Tuple2<MoveKey, String>> ms = placedGroups
                    .filter(new IsMoved())
                    .mapToPair(new MoveLine())
                    .sortByKey(Comparator.<MoveKey>naturalOrder(), true, partitions)
                    .toLocalIterator();
            while (ms.hasNext()) {
                Tuple2<MoveKey, String> m = ms.next();
                w.leakageLog(m._2());
                figures.moved(m._1().pass());
            }
            write = w.commit();
            steps.commit();
        }
        if (droppedCount != droppedTotal || write.train() + write.validation() != keptCount) {
            throw new IllegalStateException("the write stage saw " + droppedCount + " duplicates and "
                    + (write.train() + write.validation()) + " kept records; the dedup stage had " + droppedTotal
                    + " and " + keptCount);
        }
        AccountingStats acc = EngineFunctions.accounting(layout, writers, read, idSum);
        log.accept("  write    " + write.train() + " train, " + write.validation() + " validation, " + droppedCount
                + " duplicates; accounting " + (acc.ok() ? "ok" : "FAILED " + acc.problems()) + " (" + seconds(t0)
                + ")");
        for (JavaPairRDD<?, ?> r : List.of(dropped, scrubPairs, splitComponents)) {
            r.unpersist(false);
        }
        placedGroups.unpersist(false);
        quarantined.unpersist(false);
        splitLabels.destroy();
        dedupLabels.destroy();
        List<EngineSummary.SourceFigures> sources = new ArrayList<>();
        long acceptedTotal = 0;
        for (int i = 0; i < project.sources().size(); i++) {
            long[] c = counts.getOrDefault("s" + i, new long[2]);
            long rejected = figures.rejected(i);
            acceptedTotal += c[0] - rejected;
            List<String> files = listing.tasks().stream()
                    .filter(new SourceIs(i))
                    .map(FileTask::label)
                    .toList();
            Map<String, Long> examples = new TreeMap<>();
            Map<String, Long> tokens = new TreeMap<>();
            String prefix = "c" + i + "\u0000";
            counts.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    examples.put(k.substring(prefix.length()), v[0]);
                    tokens.put(k.substring(prefix.length()), v[1]);
                }
            });
            sources.add(new EngineSummary.SourceFigures(
                    c[0],
                    c[0] - rejected,
                    rejected,
                    c[1],
                    figures.reasons(i),
                    files,
                    listing.missing().get(i),
                    figures.firstErrors(i),
                    examples,
                    tokens));
        }
        EngineSummary.write(
                project,
                layout,
                writers,
                sources,
                figures.dedup(acceptedTotal),
                figures.scrub(),
                figures.split(),
                write,
                acc,
                log);
        log.accept("  summary  card and report (" + seconds(t0) + ")");
        return new Result(layout, write, acc, read, droppedCount, splits);
    }

    /** Seconds since {@code t0}, for the stage lines of the log (wall time of the driver). */
    private static String seconds(long t0) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
    }

    /** Per stratum with a validation share: the k-th smallest root key (k = the embedded formula). */
    private Map<String, Long> cuts(Project project, JavaPairRDD<String, Long> rootKeys) {
        EngineFunctions.Split split = new EngineFunctions.Split(project.split(), project.dedup(), project.seed());
        Map<String, Long> sizes = rootKeys.countByKey();
        Map<String, Long> cuts = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            int k = split.validationCount(Math.toIntExact(e.getValue()));
            if (k > 0) {
                List<Long> smallest =
                        rootKeys.filter(new InStratum(e.getKey())).values().takeOrdered(k);
                cuts.put(e.getKey(), smallest.get(k - 1));
            }
        }
        return cuts;
    }

    /** The linked records' (ord, line) grouped by component label: each group is one component's records. */
    private static JavaPairRDD<Long, Iterable<Tuple2<Long, String>>> byComponent(
            JavaPairRDD<Long, String> lines, Broadcast<Components.Labels> labels, int partitions) {
        return lines.filter(new Stages.IsLinked(labels, true))
                .mapToPair(new Stages.ByLabel(labels))
                .groupByKey(partitions);
    }

    /**
     * Shuffle partitions when not set: the engine's parallelism, and at least one per {@value #RECORDS_PER_PARTITION}
     * input lines, so a shuffle task and one partition of output on the driver ({@code toLocalIterator}) hold
     * about that many records (~30 MB of lines), whatever the input's size.
     */
    private int defaultPartitions(long read) {
        return (int) Math.max(
                jsc.defaultParallelism(),
                Math.min(100_000, (read + RECORDS_PER_PARTITION - 1) / RECORDS_PER_PARTITION));
    }

    private static final long RECORDS_PER_PARTITION = 50_000;

    static final class IsAccepted implements Function<Ingested, Boolean> {
        private static final long serialVersionUID = 1L;
        private final boolean accepted;

        IsAccepted(boolean accepted) {
            this.accepted = accepted;
        }

        @Override
        public Boolean call(Ingested i) {
            return i.accepted() == accepted;
        }
    }

    static final class OrdLine implements PairFunction<Ingested, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, String> call(Ingested i) {
            return new Tuple2<>(i.ord(), i.line());
        }
    }

    static final class IsKept implements Function<Tuple2<Long, Dedupped>, Boolean> {
        private static final long serialVersionUID = 1L;
        private final boolean kept;

        IsKept(boolean kept) {
            this.kept = kept;
        }

        @Override
        public Boolean call(Tuple2<Long, Dedupped> t) {
            return t._2().kept() == kept;
        }
    }

    static final class DeduppedLine implements Function<Dedupped, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(Dedupped d) {
            return d.line();
        }
    }

    static final class InStratum implements Function<Tuple2<String, Long>, Boolean> {
        private static final long serialVersionUID = 1L;
        private final String stratum;

        InStratum(String stratum) {
            this.stratum = stratum;
        }

        @Override
        public Boolean call(Tuple2<String, Long> t) {
            return t._1().equals(stratum);
        }
    }

    static final class PlacedOrd implements Function<Placed, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call(Placed p) {
            return p.ord();
        }
    }

    static final class IsMoved implements Function<Placed, Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean call(Placed p) {
            return p.moveLine() != null;
        }
    }

    static final class MoveLine implements PairFunction<Placed, MoveKey, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<MoveKey, String> call(Placed p) {
            return new Tuple2<>(new MoveKey(p.movePass(), p.ord()), Objects.requireNonNull(p.moveLine()));
        }
    }

    static final class IngestedOrd implements Function<Ingested, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call(Ingested i) {
            return i.ord();
        }
    }

    /**
     * ("s" + source index, {1, id hash}) of every line, and ("c" + source index + "\0" + category, {1, tokens}) of
     * an accepted one (its internal line's {@code cat} and {@code tok}).
     */
    static final class SourceCounts implements PairFlatMapFunction<Ingested, String, long[]> {
        private static final long serialVersionUID = 1L;
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Iterator<Tuple2<String, long[]>> call(Ingested i) throws IOException {
            int source = BuildRecords.source(i.ord());
            Tuple2<String, long[]> line = new Tuple2<>("s" + source, new long[] {1, i.idHash()});
            if (!i.accepted()) {
                return List.of(line).iterator();
            }
            JsonNode rec = JSON.readTree(i.line());
            return List.of(
                            line,
                            new Tuple2<>(
                                    "c" + source + "\u0000" + rec.get("cat").asText(),
                                    new long[] {1, rec.get("tok").asLong()}))
                    .iterator();
        }
    }

    static final class ScrubbedLine implements Function<Scrubbed, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(Scrubbed s) {
            return s.line();
        }
    }

    static final class IsChanged implements Function<Tuple2<Long, Scrubbed>, Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean call(Tuple2<Long, Scrubbed> t) {
            return t._2().before() != null;
        }
    }

    static final class LineBefore implements Function<Scrubbed, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(Scrubbed s) {
            return Objects.requireNonNull(s.before());
        }
    }

    static final class AddCounts implements org.apache.spark.api.java.function.Function2<long[], long[], long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] call(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    /** Driver-side filter of the listing (not shipped). */
    private record SourceIs(int source) implements java.util.function.Predicate<FileTask> {
        @Override
        public boolean test(FileTask t) {
            return t.source() == source;
        }
    }
}
