package dev.spotter.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatJson;
import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Project;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step 3: PII scrub with the {@link PiiScrubber} over the messages of the project's roles. A changed example is
 * rewritten with a {@code pii} object (kind → replacements) that the write step copies into the provenance; an
 * unchanged one is copied byte for byte. Writes {@link DatasetLayout#scrubbed}. Memory: one line at a time.
 */
final class ScrubStep {
    private ScrubStep() {}

    static Step<ScrubStats> run(BuildContext b, Step<DedupStats> dedup) {
        Path kept = b.layout().dedupKept();
        Path scrubbed = b.layout().scrubbed();
        Project.Pii pii = b.project().pii();
        // "tok": a rewritten example's tokens are counted again, so provenance describes the line that ships
        String key = StepRunner.key(
                "scrub",
                BuildContext.ALGO,
                dedup.hash(b.layout(), kept),
                StepRunner.json(pii),
                "tok:" + b.tokens().describe());
        return b.runner().cached("scrub", key, List.of(scrubbed), ScrubStats.class, () -> {
            PiiScrubber scrubber = pii.enabled() ? PiiScrubber.of(pii.types()) : new PiiScrubber(List.of());
            Map<PiiScrubber.Kind, Long> totals = new TreeMap<>();
            long[] c = new long[2]; // records, changed
            try (Jsonl.Out o = new Jsonl.Out(scrubbed)) {
                Jsonl.lines(kept, line -> {
                    c[0]++;
                    Scrubbed r = scrub(scrubber, pii.roles(), line, b.tokens());
                    o.line(r.line());
                    if (!r.found().isEmpty()) {
                        c[1]++;
                        r.found().forEach((k, v) -> totals.merge(k, (long) v, Long::sum));
                    }
                });
                o.commit();
            }
            Map<String, Long> replacements = new LinkedHashMap<>();
            for (PiiScrubber.Kind k : PiiScrubber.Kind.values()) {
                replacements.put(k.placeholder(), totals.getOrDefault(k, 0L));
            }
            return new ScrubStats(pii.enabled(), c[0], c[1], replacements, pii.roles());
        });
    }

    /** A kept line after the scrub: unchanged (byte for byte) when nothing was found, else rewritten with {@code pii}. */
    record Scrubbed(String line, Map<PiiScrubber.Kind, Integer> found) {}

    /**
     * Scrubs the messages of {@code roles} in one kept line (the build's internal line). A rewritten line's {@code
     * tok} is counted again with {@code tokens}: provenance and the card give the tokens of the line that ships.
     */
    static Scrubbed scrub(PiiScrubber scrubber, List<String> roles, String line, ExampleTokenCounter tokens) {
        ObjectNode rec = Jsonl.parse(line);
        ArrayNode msgs = (ArrayNode) rec.get("messages");
        Map<PiiScrubber.Kind, Integer> found = new TreeMap<>();
        for (JsonNode m : msgs) {
            if (roles.contains(m.get("role").asText())) {
                PiiScrubber.Result r = scrubber.scrub(m.get("content").asText());
                if (r.total() > 0) {
                    ((ObjectNode) m).put("content", r.text());
                    r.counts().forEach((k, v) -> found.merge(k, v, Integer::sum));
                }
            }
        }
        if (found.isEmpty()) {
            return new Scrubbed(line, Map.of());
        }
        ObjectNode p = rec.putObject("pii");
        found.forEach((k, v) -> p.put(k.key(), v));
        rec.put("tok", tokens.count(ChatJson.fromNode(rec)));
        return new Scrubbed(rec.toString(), found);
    }
}
