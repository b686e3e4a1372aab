package dev.spotter.spark;

import dev.spotter.Environment;
import dev.spotter.assemble.EngineFunctions;
import dev.spotter.assemble.EngineSummary;
import dev.spotter.format.ChatExample;
import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Project;
import dev.spotter.project.ProjectLoader;
import dev.spotter.project.SourceRecord;
import dev.spotter.project.SourceScanner;
import dev.spotter.spark.BuildRecords.Dedupped;
import dev.spotter.spark.BuildRecords.Fault;
import dev.spotter.spark.BuildRecords.FileTask;
import dev.spotter.spark.BuildRecords.Ingested;
import dev.spotter.spark.BuildRecords.Placed;
import dev.spotter.spark.BuildRecords.Scrubbed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.broadcast.Broadcast;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * The distributed build's functions that run in executors, one named class per stage. Each holds only the
 * project file's path (and a test's {@link Fault}); it loads the project once per executor JVM and builds the
 * core's {@link EngineFunctions} once per partition, so every decision is the embedded build's code.
 */
final class Stages {
    private static final Map<String, Project> PROJECTS = new ConcurrentHashMap<>();
    private static final Map<String, SourceScanner> SCANNERS = new ConcurrentHashMap<>();

    private Stages() {}

    /**
     * The project, loaded once per JVM from its file (which must be readable where the executors run). The
     * executor's own environment is used, as the embedded build uses the process's.
     */
    static Project project(String file) {
        return PROJECTS.computeIfAbsent(file, f -> ProjectLoader.load(Path.of(f), Environment.system()));
    }

    static SourceScanner scanner(String file) {
        return SCANNERS.computeIfAbsent(file, f -> new SourceScanner(project(f), ExampleTokenCounter.llama3()));
    }

    /** Fails the first attempt of the fault's partition half-way, when the fault names this stage. */
    static void maybeFail(@Nullable Fault fault, String stage, int done, int total) {
        TaskContext t = TaskContext.get();
        if (fault != null
                && fault.stage().equals(stage)
                && t != null
                && t.partitionId() == fault.partition()
                && t.attemptNumber() == 0
                && done >= total / 2) {
            throw new IllegalStateException("injected failure in " + stage + " partition " + fault.partition());
        }
    }

    /** Records of a component, sorted by global order. */
    static List<Tuple2<Long, String>> sorted(Iterable<Tuple2<Long, String>> members) {
        List<Tuple2<Long, String>> list = new ArrayList<>();
        members.forEach(list::add);
        list.sort(Comparator.comparingLong(Tuple2::_1));
        return list;
    }

    private static List<ChatExample> examples(List<Tuple2<Long, String>> records) {
        List<ChatExample> out = new ArrayList<>(records.size());
        for (Tuple2<Long, String> r : records) {
            out.add(EngineFunctions.example(r._2()));
        }
        return out;
    }

    /** Ingest of a whole file (a source with a sidecar), scanned by the core's {@link SourceScanner}. */
    static final class Ingest implements FlatMapFunction<FileTask, Ingested> {
        private static final long serialVersionUID = 1L;
        private final String project;
        private final @Nullable Fault fault;

        Ingest(String project, @Nullable Fault fault) {
            this.project = project;
            this.fault = fault;
        }

        @Override
        public Iterator<Ingested> call(FileTask t) {
            Project p = project(project);
            List<Ingested> out = new ArrayList<>();
            var source = p.sources().get(t.source());
            scanner(project)
                    .scanFile(
                            source,
                            Path.of(t.path()),
                            t.label(),
                            EngineFunctions.ingestSink(source, r -> out.add(of(t, r))));
            maybeFail(fault, "ingest", out.size(), out.size());
            return out.iterator();
        }

        static Ingested of(FileTask t, SourceRecord r) {
            long ord = BuildRecords.ord(t.source(), t.file(), r.line());
            return r.accepted()
                    ? new Ingested(ord, true, EngineFunctions.acceptedLine(r), EngineFunctions.idHash(r), null, null)
                    : new Ingested(
                            ord,
                            false,
                            EngineFunctions.quarantineLine(r),
                            EngineFunctions.idHash(r),
                            r.reason(),
                            EngineSummary.firstError(r));
        }
    }

    /** Dedup keys of accepted lines: (ord, exact hash + band keys). */
    static final class DedupKeys implements PairFlatMapFunction<Iterator<Tuple2<Long, String>>, Long, long[]> {
        private static final long serialVersionUID = 1L;
        private final String project;

        DedupKeys(String project) {
            this.project = project;
        }

        @Override
        public Iterator<Tuple2<Long, long[]>> call(Iterator<Tuple2<Long, String>> in) {
            EngineFunctions.Dedup d = new EngineFunctions.Dedup(project(project).dedup());
            List<Tuple2<Long, long[]>> out = new ArrayList<>();
            in.forEachRemaining(t -> out.add(new Tuple2<>(t._1(), d.keys(EngineFunctions.example(t._2())))));
            return out.iterator();
        }
    }

    /** The keep-first rule replayed over one component: (ord, kept line or dedup-log line). */
    static final class DedupReplay
            implements PairFlatMapFunction<Tuple2<Long, Iterable<Tuple2<Long, String>>>, Long, Dedupped> {
        private static final long serialVersionUID = 1L;
        private final String project;

        DedupReplay(String project) {
            this.project = project;
        }

        @Override
        public Iterator<Tuple2<Long, Dedupped>> call(Tuple2<Long, Iterable<Tuple2<Long, String>>> component) {
            List<Tuple2<Long, String>> rs = sorted(component._2());
            List<EngineFunctions.Verdict> vs =
                    new EngineFunctions.Dedup(project(project).dedup()).replay(examples(rs));
            List<Tuple2<Long, Dedupped>> out = new ArrayList<>(rs.size());
            for (int i = 0; i < rs.size(); i++) {
                EngineFunctions.Verdict v = vs.get(i);
                String line = rs.get(i)._2();
                out.add(new Tuple2<>(
                        rs.get(i)._1(),
                        v.kind() == EngineFunctions.Verdict.KEPT
                                ? new Dedupped(true, line, rs.get(i)._1())
                                : new Dedupped(
                                        false,
                                        EngineFunctions.Dedup.logLine(
                                                line,
                                                v.kind() == EngineFunctions.Verdict.EXACT,
                                                EngineFunctions.id(
                                                        rs.get(v.of())._2()),
                                                v.similarity()),
                                        rs.get(v.of())._1(),
                                        line)));
            }
            return out.iterator();
        }
    }

    /** The PII scrub of kept lines: (ord, scrubbed line and, when the scrub changed it, the line before). */
    static final class Scrub implements PairFlatMapFunction<Iterator<Tuple2<Long, String>>, Long, Scrubbed> {
        private static final long serialVersionUID = 1L;
        private final String project;
        private final @Nullable Fault fault;

        Scrub(String project, @Nullable Fault fault) {
            this.project = project;
            this.fault = fault;
        }

        @Override
        public Iterator<Tuple2<Long, Scrubbed>> call(Iterator<Tuple2<Long, String>> in) {
            EngineFunctions.Scrub s = new EngineFunctions.Scrub(project(project).pii());
            List<Tuple2<Long, String>> all = new ArrayList<>();
            in.forEachRemaining(all::add);
            List<Tuple2<Long, Scrubbed>> out = new ArrayList<>(all.size());
            for (Tuple2<Long, String> t : all) {
                maybeFail(fault, "scrub", out.size(), all.size());
                String after = s.scrub(t._2());
                out.add(new Tuple2<>(t._1(), new Scrubbed(after, after.equals(t._2()) ? null : t._2())));
            }
            return out.iterator();
        }
    }

    /** A record that shares no key is a component of its own: the keep-first rule keeps it. */
    static final class KeepSingle implements PairFunction<Tuple2<Long, String>, Long, Dedupped> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Dedupped> call(Tuple2<Long, String> t) {
            return new Tuple2<>(t._1(), new Dedupped(true, t._2(), t._1()));
        }
    }

    /** Whether a record is linked to another one ({@code linked}) or not ({@code !linked}). */
    static final class IsLinked implements Function<Tuple2<Long, String>, Boolean> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Components.Labels> labels;
        private final boolean linked;

        IsLinked(Broadcast<Components.Labels> labels, boolean linked) {
            this.labels = labels;
            this.linked = linked;
        }

        @Override
        public Boolean call(Tuple2<Long, String> t) {
            return labels.value().linked(t._1()) == linked;
        }
    }

    /** (ord, line) → (component label, (ord, line)). */
    static final class ByLabel implements PairFunction<Tuple2<Long, String>, Long, Tuple2<Long, String>> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Components.Labels> labels;

        ByLabel(Broadcast<Components.Labels> labels) {
            this.labels = labels;
        }

        @Override
        public Tuple2<Long, Tuple2<Long, String>> call(Tuple2<Long, String> t) {
            return new Tuple2<>(labels.value().label(t._1()), t);
        }
    }

    private static final Map<String, EngineFunctions.Split> SPLITS = new ConcurrentHashMap<>();

    /** The split's functions, once per JVM (they hold no state between calls). */
    private static EngineFunctions.Split split(String project) {
        return SPLITS.computeIfAbsent(project, f -> {
            Project p = project(f);
            return new EngineFunctions.Split(p.split(), p.dedup(), p.seed());
        });
    }

    /** Split keys of scrubbed lines: (ord, band keys at the leakage threshold). */
    static final class SplitKeys implements PairFlatMapFunction<Iterator<Tuple2<Long, String>>, Long, long[]> {
        private static final long serialVersionUID = 1L;
        private final String project;

        SplitKeys(String project) {
            this.project = project;
        }

        @Override
        public Iterator<Tuple2<Long, long[]>> call(Iterator<Tuple2<Long, String>> in) {
            EngineFunctions.Split s = split(project);
            List<Tuple2<Long, long[]>> out = new ArrayList<>();
            in.forEachRemaining(t -> out.add(new Tuple2<>(t._1(), s.keys(EngineFunctions.example(t._2())))));
            return out.iterator();
        }
    }

    /** A component's records with their group roots. */
    private record Rooted(
            List<Tuple2<Long, String>> records, List<ChatExample> examples, int[] root, String[] stratum, long[] key) {
        static Rooted of(EngineFunctions.Split s, Iterable<Tuple2<Long, String>> members) {
            List<Tuple2<Long, String>> rs = sorted(members);
            List<ChatExample> exs = Stages.examples(rs);
            int[] root = s.groups(exs);
            String[] stratum = new String[rs.size()];
            long[] key = new long[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                stratum[i] = EngineFunctions.stratum(rs.get(i)._2());
                key[i] = s.randomKey(exs.get(i));
            }
            return new Rooted(rs, exs, root, stratum, key);
        }
    }

    /** Pass 1's figures per record: (its group root's stratum, the root's random key). */
    static final class GroupKeys
            implements PairFlatMapFunction<Tuple2<Long, Iterable<Tuple2<Long, String>>>, String, Long> {
        private static final long serialVersionUID = 1L;
        private final String project;

        GroupKeys(String project) {
            this.project = project;
        }

        @Override
        public Iterator<Tuple2<String, Long>> call(Tuple2<Long, Iterable<Tuple2<Long, String>>> component) {
            Rooted r = Rooted.of(split(project), component._2());
            List<Tuple2<String, Long>> out = new ArrayList<>(r.root().length);
            for (int root : r.root()) {
                out.add(new Tuple2<>(r.stratum()[root], r.key()[root]));
            }
            return out.iterator();
        }
    }

    /** A component of one record: its own group root; pass 1's figures (its stratum, its random key). */
    static final class SingleRootKey implements PairFunction<Tuple2<Long, String>, String, Long> {
        private static final long serialVersionUID = 1L;
        private final String project;

        SingleRootKey(String project) {
            this.project = project;
        }

        @Override
        public Tuple2<String, Long> call(Tuple2<Long, String> t) {
            return new Tuple2<>(
                    EngineFunctions.stratum(t._2()), split(project).randomKey(EngineFunctions.example(t._2())));
        }
    }

    /** A component of one record: pass 1 places it by its own key; the leakage check has nothing to compare. */
    static final class PlaceSingle implements Function<Tuple2<Long, String>, Placed> {
        private static final long serialVersionUID = 1L;
        private final String project;
        private final HashMap<String, Long> cuts;

        PlaceSingle(String project, Map<String, Long> cuts) {
            this.project = project;
            this.cuts = new HashMap<>(cuts);
        }

        @Override
        public Placed call(Tuple2<Long, String> t) {
            Long cut = cuts.get(EngineFunctions.stratum(t._2()));
            boolean val = cut != null && split(project).randomKey(EngineFunctions.example(t._2())) <= cut;
            return new Placed(t._1(), t._2(), val, 0, null, false);
        }
    }

    /** Pass 1's assignment (cut per stratum) and the leakage check over one component. */
    static final class Place implements FlatMapFunction<Tuple2<Long, Iterable<Tuple2<Long, String>>>, Placed> {
        private static final long serialVersionUID = 1L;
        private final String project;
        private final HashMap<String, Long> cuts;

        /** @param cuts per stratum with a validation share, the largest random key that goes to validation */
        Place(String project, Map<String, Long> cuts) {
            this.project = project;
            this.cuts = new HashMap<>(cuts);
        }

        @Override
        public Iterator<Placed> call(Tuple2<Long, Iterable<Tuple2<Long, String>>> component) {
            EngineFunctions.Split s = split(project);
            Rooted r = Rooted.of(s, component._2());
            int n = r.root().length;
            boolean[] val = new boolean[n];
            for (int i = 0; i < n; i++) {
                Long cut = cuts.get(r.stratum()[r.root()[i]]);
                val[i] = cut != null && r.key()[r.root()[i]] <= cut;
            }
            int[] pass = new int[n];
            String[] move = new String[n];
            for (EngineFunctions.Move m : s.leakage(r.examples(), val)) {
                pass[m.record()] = m.pass();
                move[m.record()] = EngineFunctions.Split.moveLine(
                        EngineFunctions.id(r.records().get(m.record())._2()),
                        EngineFunctions.id(r.records().get(m.similarTo())._2()),
                        m.similarity());
            }
            List<Placed> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Placed(
                        r.records().get(i)._1(), r.records().get(i)._2(), val[i], pass[i], move[i], r.root()[i] != i));
            }
            return out.iterator();
        }
    }
}
