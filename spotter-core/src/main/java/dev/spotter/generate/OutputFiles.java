package dev.spotter.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.format.Provenance;
import dev.spotter.format.QuarantineRecord;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.Sidecars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the three files of a run from the state, each atomically ({@link AtomicFile}: temp file in the same
 * directory, fsync, rename), named by {@link Sidecars}:
 * <ul>
 *   <li>{@code OUT.jsonl}: chat JSONL, only {@code messages} (uploadable as is; Together rejects extra columns);</li>
 *   <li>{@code OUT.provenance.jsonl}: line N describes line N of the output, one {@link Provenance} (plan,
 *       category, slot, custom_id, attributes, prompt hash, provider, model, request id, run id, tokens, cost,
 *       price date, time);</li>
 *   <li>{@code OUT.rejects.jsonl}: the quarantine ({@link QuarantineRecord}): every rejected or failed response,
 *       {@code {"id": custom_id, "reason": code, "detail", "context": {category, slot, attempt, status}, "raw"}}.</li>
 * </ul>
 * Order: plan category order, then slot number, so reruns produce byte-identical files for the same state.
 */
final class OutputFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutputFiles() {}

    /** Returns the number of example lines written. */
    static long write(GenerationState state, GenerateOptions opts) throws IOException {
        Path out = opts.output.toAbsolutePath();
        Path provenance = Sidecars.provenance(out);
        Path rejects = Sidecars.rejects(out);
        for (Path f : List.of(out, provenance, rejects)) {
            AtomicFile.removeStale(f);
        }
        long[] n = {0};
        try (AtomicFile data = AtomicFile.open(out);
                AtomicFile prov = AtomicFile.open(provenance)) {
            for (Plan.Category c : opts.plan.categories()) {
                int target = opts.target(c);
                state.forEachAccepted(c.id(), a -> {
                    if (a.slot() >= target) {
                        return; // a later --limit run asked for fewer; the example stays in state
                    }
                    try {
                        data.line(a.example());
                        prov.line(new Provenance(
                                        ++n[0],
                                        a.category(),
                                        null,
                                        new Provenance.Generated(
                                                opts.plan.name(),
                                                a.slot(),
                                                a.customId(),
                                                MAPPER.readTree(a.attributesJson()),
                                                a.promptHash(),
                                                a.provider(),
                                                a.model(),
                                                a.requestId(),
                                                a.mode(),
                                                a.inputTokens(),
                                                a.outputTokens(),
                                                a.costUsd(),
                                                a.priceAsOf(),
                                                a.createdAt(),
                                                a.runId()))
                                .toJsonLine());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            data.commit();
            prov.commit();
        }
        try (QuarantineWriter rej = QuarantineWriter.to(rejects)) {
            state.forEachReject(r -> {
                Map<String, Object> where = new LinkedHashMap<>();
                where.put("category", r.category());
                where.put("slot", r.slot());
                where.put("attempt", r.attempt());
                where.put("status", r.status());
                try {
                    rej.write(QuarantineRecord.of(
                                    r.customId(),
                                    r.reasonCode() == null ? "unknown" : r.reasonCode(),
                                    r.reason(),
                                    r.raw())
                            .withContext(where));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return n[0];
    }
}
