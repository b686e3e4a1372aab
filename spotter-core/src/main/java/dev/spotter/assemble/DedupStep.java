package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatJson;
import dev.spotter.project.Project;
import dev.spotter.project.SourceSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Step 2: exact + near deduplication across all sources with the {@link Deduplicator}. Sources are read in
 * spotter.yaml order, each file in order, so the first occurrence is kept. Writes the kept lines unchanged to
 * {@link DatasetLayout#dedupKept} and one line per dropped duplicate (naming the kept id and the similarity) to
 * {@link DatasetLayout#dedupDropped}. Memory: the deduplicator, 8 bytes per kept id, and per cluster its counts
 * and first three members (about 470 bytes per kept example in all).
 */
final class DedupStep {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int TOP_CLUSTERS = 20;
    static final String KEEP_RULE =
            "the first occurrence is kept: sources in spotter.yaml order, then file order, then line";

    private DedupStep() {}

    static Step<DedupStats> run(BuildContext b, List<Step<IngestStats>> ingests) {
        List<SourceSpec> sources = b.project().sources();
        StringBuilder in = new StringBuilder();
        long expected = 0;
        for (int i = 0; i < sources.size(); i++) {
            in.append(ingests.get(i)
                            .hash(b.layout(), b.layout().accepted(sources.get(i).id())))
                    .append(';');
            expected += ingests.get(i).stats().accepted();
        }
        Path kept = b.layout().dedupKept();
        Path dlog = b.layout().dedupDropped();
        Project.Dedup d = b.project().dedup();
        int exp = (int) Math.min(Integer.MAX_VALUE / 64, expected);
        String key = StepRunner.key("dedup", BuildContext.ALGO, in, StepRunner.json(d));
        return b.runner().cached("dedup", key, List.of(kept, dlog), DedupStats.class, () -> {
            Deduplicator dedup = new Deduplicator(d, exp);
            IdTable ids = new IdTable(); // kept ordinal -> id
            DuplicateClusters clusters = new DuplicateClusters();
            long[] c = new long[3]; // input, exact, near
            try (Jsonl.Out keptOut = new Jsonl.Out(kept);
                    Jsonl.Out logOut = new Jsonl.Out(dlog)) {
                for (SourceSpec s : sources) {
                    Jsonl.lines(b.layout().accepted(s.id()), line -> {
                        c[0]++;
                        ObjectNode rec = Jsonl.parse(line);
                        Deduplicator.Verdict v = dedup.offer(ChatJson.fromNode(rec));
                        if (v.kind() == Deduplicator.Kind.KEPT) {
                            ids.add(
                                    rec.get("src").asText(),
                                    rec.get("file").asText(),
                                    rec.get("line").asLong());
                            keptOut.line(line);
                            return;
                        }
                        boolean exact = v.kind() == Deduplicator.Kind.EXACT;
                        c[exact ? 1 : 2]++;
                        clusters.add(
                                v.ordinal(),
                                exact,
                                rec.get("id").asText(),
                                rec.get("src").asText());
                        logOut.line(logLine(rec, exact, ids.id(v.ordinal()), v.similarity()));
                    });
                }
                keptOut.commit();
                logOut.commit();
            }
            return EngineSummary.dedup(
                    d,
                    c[0],
                    c[1],
                    c[2],
                    dedup.bytes() + ids.bytes(),
                    clusters.count(),
                    clusters.largest(k -> ids.id((int) k)),
                    clusters.droppedBySource());
        });
    }

    /** The dedup log's line for a dropped duplicate ({@code rec} is its accepted line) of the kept {@code keptId}. */
    static String logLine(ObjectNode rec, boolean exact, String keptId, double similarity) {
        ObjectNode l = JSON.objectNode();
        l.put("id", rec.get("id").asText());
        l.put("source", rec.get("src").asText());
        l.put("category", rec.get("cat").asText());
        l.put("reason", exact ? "exact_duplicate" : "near_duplicate");
        l.put("keptId", keptId);
        l.put("similarity", Math.round(similarity * 1000) / 1000.0);
        return l.toString();
    }
}
