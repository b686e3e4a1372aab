package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatJson;
import dev.spotter.train.export.Target;
import dev.spotter.train.export.TrainRule;
import dev.spotter.train.export.TrainerPreview;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 6b: the trainer check ({@link TrainerStats}). One pass over the scrubbed examples (the lines every upload
 * file is written from, in the same order; the distributed build writes the same file), one
 * {@link TrainerPreview.Tally} per export target with the export's default settings. Each example's rendered
 * length is the build's own count ({@code tok}, what the provenance sidecar records), so nothing is tokenized
 * again: the pass costs a JSON parse per line. Memory: a few ids per target and warning.
 */
final class TrainerCheckStep {
    /** Version of the check's rules: part of the key. */
    private static final String RULES = "trainer-1";

    private TrainerCheckStep() {}

    /** @param scrubbedHash the SHA-256 of the scrubbed file (the scrub step's output hash) */
    static TrainerStats run(BuildContext b, String scrubbedHash) {
        String key = StepRunner.key("trainer", BuildContext.ALGO, RULES, scrubbedHash);
        return b.runner()
                .cached("trainer-check", key, List.of(), TrainerStats.class, () -> check(b.layout()))
                .stats();
    }

    /** The check over {@code layout}'s scrubbed examples. */
    static TrainerStats check(DatasetLayout layout) {
        List<TrainerPreview.Tally> tallies = new ArrayList<>();
        for (Target t : Target.values()) {
            tallies.add(new TrainerPreview.Tally(TrainRule.of(t), 0));
        }
        long[] n = {0};
        Jsonl.lines(layout.scrubbed(), line -> {
            ObjectNode rec = Jsonl.parse(line);
            var ex = ChatJson.fromNode(rec);
            String id = rec.path("id").asText();
            String cat = rec.path("cat").asText();
            int tok = rec.path("tok").asInt();
            tallies.forEach(t -> t.add(id, cat, ex, tok));
            n[0]++;
        });
        List<TrainerStats.TargetCheck> out = new ArrayList<>();
        for (TrainerPreview.Tally t : tallies) {
            TrainerPreview p = t.result();
            out.add(new TrainerStats.TargetCheck(
                    p.rule().target().id(), p.rule().describe(), p.rule().limit(), p.warnings(), p.firstExamples()));
        }
        return new TrainerStats(n[0], out);
    }
}
