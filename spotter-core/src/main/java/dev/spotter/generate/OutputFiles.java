package dev.spotter.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.FileException;
import dev.spotter.format.Provenance;
import dev.spotter.format.QuarantineRecord;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.Hashing;
import dev.spotter.kernel.Sidecars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** Meta key of the state: sha256 of the data file it last wrote. */
    static final String OUTPUT_SHA256 = "output_sha256";

    private OutputFiles() {}

    /**
     * Refuses, before anything is sent or imported, to go on when the output file holds lines this state did not
     * write: the output is rewritten from the state at the end of the run, so a hand-written or foreign file at
     * that path (or one edited since the state wrote it) would be lost. A file is this state's when its sha256 is
     * the one the state recorded when it last wrote it; a state from before that record existed owns its file when
     * it holds accepted examples. An empty or absent file, or {@link GenerateOptions.Builder#replaceOutput}, passes.
     */
    static void requireOwned(GenerationState state, GenerateOptions opts) throws IOException {
        requireOwned(opts, state.meta(OUTPUT_SHA256), state.totals().accepted());
    }

    /**
     * The same refusal before the state exists: a state that is not there yet owns no file, so a non-empty output
     * is refused before {@code state.db} (and its folder) is created; a refused first run leaves nothing behind.
     */
    static void requireOwnedBeforeOpen(GenerateOptions opts) throws IOException {
        if (opts.stateDir != null && !Files.exists(opts.stateDir.resolve("state.db"))) {
            requireOwned(opts, Optional.empty(), 0);
        }
    }

    private static void requireOwned(GenerateOptions opts, Optional<String> recorded, long accepted)
            throws IOException {
        if (opts.output == null || opts.replaceOutput) {
            return;
        }
        Path out = opts.output.toAbsolutePath();
        if (!Files.isRegularFile(out) || Files.size(out) == 0) {
            return;
        }
        if (recorded.isEmpty() && accepted > 0) {
            return; // written by a Spotter that did not record the hash yet
        }
        if (recorded.isPresent() && recorded.get().equals(Hashing.sha256Hex(out))) {
            return;
        }
        long lines;
        try (Stream<String> s = Files.lines(out, StandardCharsets.UTF_8)) {
            lines = s.count();
        } catch (UncheckedIOException e) {
            lines = -1; // not UTF-8: still not ours
        }
        throw FileException.of(
                opts.output,
                "will not replace",
                (lines < 0 ? "it holds data" : "it holds " + lines + (lines == 1 ? " line" : " lines"))
                        + (recorded.isPresent()
                                ? " and has changed since this generation state (" + opts.stateDir + ") wrote it"
                                : " that this generation state (" + opts.stateDir + ") did not write")
                        + "; generate rewrites its output from the state, so those lines would be lost. Write to"
                        + " a new file (-o) and add it to the project as a source, move the file away, or pass"
                        + " --replace-output to overwrite it");
    }

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
        state.putMeta(OUTPUT_SHA256, Hashing.sha256Hex(out));
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
