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
            String s = rec.get("src").asText() + "\u0000" + rec.get("cat").asText();
            strat.add(strata.computeIfAbsent(s, x -> strata.size()));
            keys.add(Text.fmix64(p.seed() ^ Text.hash64(Text.exactKey(ex))));
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
        boolean[] val = assign(sp, n, ns, sizes, root, strat, keys);

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
        return new SplitStats(
                n,
                n - validation,
                validation,
                sp.validation(),
                p.seed(),
                d.leakageThreshold(),
                moved,
                passes,
                grouped,
                "near-duplicate groups (estimated Jaccard >= " + d.leakageThreshold()
                        + " to the group's first example) are split as one unit; a validation example still having a"
                        + " train near-duplicate afterwards moves to train, repeated until no pair is left",
                ss);
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
            int size = sizes[s];
            int k = size < sp.minStratum() ? 0 : (int) Math.max(sp.minValidation(), Math.round(size * sp.validation()));
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
        return val;
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
