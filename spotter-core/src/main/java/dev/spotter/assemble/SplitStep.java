package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.project.Project;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Step 4: stratified split + leakage check. Writes {@link DatasetLayout#assignment} (one {@code t}/{@code v} per
 * scrubbed record, in order) and {@link DatasetLayout#leakageMoves} (one line per validation example moved to
 * train).
 *
 * <p>Pass 1 gives each record its stratum (source + category), a content-derived random key
 * ({@code fmix64(seed ^ hash64(exactKey))}: adding a source does not reshuffle another's split) and a near-duplicate
 * group: a record at or above the leakage threshold from a group's first member joins that group, and a group is
 * split as one unit (its first member's stratum and key), so near-duplicates start on the same side. Per stratum the
 * {@code max(minValidation, round(n × ratio))} smallest keys go to validation (none under {@code minStratum}, at most
 * n − 1). Grouping links a record to its group's first member only, so pairs can remain: passes 2+ index the train
 * signatures and move every validation record with a train near-duplicate to train (the data is kept, validation
 * stays clean), until a pass moves nothing.
 *
 * <p>Memory: 16 bytes per record + the grouping index (about 470 bytes per group, freed after pass 1), then the
 * leakage index over the train records.
 */
final class SplitStep {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SplitStep() {}

    static Step<SplitStats> run(BuildContext b, Step<ScrubStats> scrub) {
        Path scrubbed = b.layout().scrubbed();
        Path assign = b.layout().assignment();
        Path leak = b.layout().leakageMoves();
        Project p = b.project();
        String key = StepRunner.key(
                "split",
                BuildContext.ALGO,
                scrub.hash(b.layout(), scrubbed),
                StepRunner.json(p.split()),
                p.seed(),
                StepRunner.json(p.dedup()));
        return b.runner()
                .cached(
                        "split",
                        key,
                        List.of(assign, leak),
                        SplitStats.class,
                        () -> split(p, scrubbed, scrub.stats().records(), assign, leak));
    }

    private static SplitStats split(Project p, Path scrubbed, long records, Path assign, Path leak) {
        Project.Split sp = p.split();
        Project.Dedup d = p.dedup();
        MinHasher hasher = new MinHasher(d.permutations(), d.shingle().equals("word"), d.shingleSize());
        int expected = (int) Math.min(Integer.MAX_VALUE / 64, Math.max(16, records));
        Grouping[] grouping = {new Grouping(d, expected)};
        IntList root = new IntList(); // record ordinal -> its group's first record
        Map<String, Integer> strata = new LinkedHashMap<>();
        IntList strat = new IntList();
        LongList keys = new LongList();
        IdTable ids = new IdTable();
        Jsonl.lines(scrubbed, line -> {
            ObjectNode rec = Jsonl.parse(line);
            ChatExample ex = ChatJson.fromNode(rec);
            int i = strat.size();
            String s = rec.get("src").asText() + "\u0000" + rec.get("cat").asText();
            strat.add(strata.computeIfAbsent(s, x -> strata.size()));
            keys.add(key(p.seed(), ex));
            ids.add(
                    rec.get("src").asText(),
                    rec.get("file").asText(),
                    rec.get("line").asLong());
            root.add(grouping[0].offer(i, hasher.signature(Text.nearKey(ex))));
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
        boolean[] val = assign(sp, n, ns, sizes, root, strat, keys);

        List<String> moves = new ArrayList<>();
        int passes = leakage(
                d,
                n,
                val,
                (want, sink) -> {
                    int[] o = {0};
                    Jsonl.lines(scrubbed, line -> {
                        int i = o[0]++;
                        if (want.test(i)) {
                            sink.accept(i, hasher.signature(Text.nearKey(ChatJson.fromNode(Jsonl.parse(line)))));
                        }
                    });
                },
                m -> moves.add(moveLine(ids.id(m.record()), ids.id(m.similarTo()), m.similarity())));
        int moved = moves.size();

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
        try (Jsonl.Out l = new Jsonl.Out(leak)) {
            moves.forEach(l::line);
            Jsonl.write(assign, sb.toString().getBytes(StandardCharsets.US_ASCII));
            l.commit();
        }
        List<SplitStats.Stratum> ss = new ArrayList<>();
        for (var e : strata.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            ss.add(new SplitStats.Stratum(parts[0], parts[1], sizes[e.getValue()], valPer[e.getValue()]));
        }
        return stats(p, n, validation, moved, passes, grouped, ss);
    }

    /** The step's record (also the distributed build's, from its figures). */
    static SplitStats stats(
            Project p, int n, int validation, int moved, int passes, int grouped, List<SplitStats.Stratum> strata) {
        Project.Dedup d = p.dedup();
        return new SplitStats(
                n,
                n - validation,
                validation,
                p.split().validation(),
                p.seed(),
                d.leakageThreshold(),
                moved,
                passes,
                grouped,
                "near-duplicate groups (estimated Jaccard >= " + d.leakageThreshold()
                        + " to the group's first example) are split as one unit; a validation example still having a"
                        + " train near-duplicate afterwards moves to train, repeated until no pair is left",
                strata);
    }

    /** Pass 1's decision: per stratum the groups with the smallest keys go to validation. */
    private static boolean[] assign(
            Project.Split sp, int n, int ns, int[] sizes, IntList root, IntList strat, LongList keys) {
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
            int k = validationCount(sp, sizes[s]);
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
        return val;
    }

    /**
     * How many of a stratum's {@code size} records go to validation: {@code max(minValidation, round(size ×
     * ratio))}, none under {@code minStratum} or when the ratio is 0, at most {@code size − 1}.
     */
    static int validationCount(Project.Split sp, int size) {
        int k = size < sp.minStratum() ? 0 : (int) Math.max(sp.minValidation(), Math.round(size * sp.validation()));
        k = Math.min(k, size - 1);
        return sp.validation() == 0 || size == 0 ? 0 : k;
    }

    /**
     * Pass 1's near-duplicate groups: a record at or above the leakage threshold from a group's first member
     * (first in its band bucket, in record order) joins that group. Records must be offered in record order.
     */
    static final class Grouping {
        private final NearDupIndex index;
        private final IntList groupRoot = new IntList(); // grouping-index ordinal -> record ordinal

        Grouping(Project.Dedup d, int expected) {
            this.index = new NearDupIndex(d.permutations(), d.leakageThreshold(), expected);
        }

        /** Record {@code i}'s group: the ordinal of the group's first record ({@code i} when it starts one). */
        int offer(int i, long[] sig) {
            NearDupIndex.Match m = index.query(sig);
            if (m != null) {
                return groupRoot.get(m.ordinal());
            }
            index.add(sig);
            groupRoot.add(i);
            return i;
        }
    }

    /** A validation record moved to train in pass {@code pass} because of its train near-duplicate. */
    record Move(int record, int similarTo, double similarity, int pass) {}

    /** Streams signatures in record order: {@code sink(i, sig)} for each record {@code i} that {@code want}s. */
    interface Signatures {
        void forEach(IntPredicate want, SigSink sink);
    }

    interface SigSink {
        void accept(int record, long[] sig);
    }

    /**
     * The leakage check over {@code n} records: indexes the train signatures in record order, then moves every
     * validation record with a train near-duplicate (at the leakage threshold) to train and indexes it, pass after
     * pass (each pass in record order), until a pass moves nothing. Updates {@code val}; returns the passes run.
     * {@code want} is tested as each record comes, so a record moved earlier in a pass is seen as train.
     */
    static int leakage(Project.Dedup d, int n, boolean[] val, Signatures sigs, Consumer<Move> moves) {
        NearDupIndex index = new NearDupIndex(d.permutations(), d.leakageThreshold(), n);
        IntList indexOrd = new IntList(); // index ordinal -> record ordinal
        sigs.forEach(i -> !val[i], (i, sig) -> {
            index.add(sig);
            indexOrd.add(i);
        });
        int passes = 0;
        boolean changed = true;
        while (changed) {
            int pass = ++passes;
            int[] found = {0};
            sigs.forEach(i -> val[i], (i, sig) -> {
                NearDupIndex.Match m = index.query(sig);
                if (m != null) {
                    val[i] = false;
                    index.add(sig);
                    indexOrd.add(i);
                    moves.accept(new Move(i, indexOrd.get(m.ordinal()), m.similarity(), pass));
                    found[0]++;
                }
            });
            changed = found[0] > 0;
        }
        return passes;
    }

    /** The leakage log's line for a validation example moved to train. */
    static String moveLine(String id, String similarTo, double similarity) {
        ObjectNode l = JSON.objectNode();
        l.put("id", id);
        l.put("similarTo", similarTo);
        l.put("similarity", Math.round(similarity * 1000) / 1000.0);
        l.put("action", "moved validation -> train");
        return l.toString();
    }

    /** A record's content-derived random key: {@code fmix64(seed ^ hash64(exactKey))}. */
    static long key(long seed, ChatExample ex) {
        return Text.fmix64(seed ^ Text.hash64(Text.exactKey(ex)));
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

        int get(int i) {
            return a[i];
        }

        int size() {
            return n;
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
}
