package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Provenance;
import dev.spotter.report.IntHistogram;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write step's files, fed one record at a time: each format's train and validation upload files, the
 * provenance sidecars, the quarantine and the dedup and leakage logs of one {@link DatasetLayout}. The embedded
 * {@link WriteStep} feeds it from the build's intermediate files; a distributed engine's driver feeds it the same
 * lines in the same order (sorted by their global order key), so both write the same bytes.
 *
 * <p>Every file is written atomically ({@link dev.spotter.kernel.AtomicFile}) and all are committed together by
 * {@link #commit()}; {@link #close()} without a commit abandons them (the previous build's files stay). Memory:
 * token histograms proportional to the distinct token counts, and a counter per stratum.
 *
 * <pre>{@code
 * try (UploadWriter w = UploadWriter.open(layout, writers)) {
 *     w.example(scrubbedLine, false);   // in scrubbed order
 *     w.quarantine(line); w.dedupLog(line); w.leakageLog(line);
 *     WriteStats stats = w.commit();
 * }
 * }</pre>
 */
public final class UploadWriter implements Closeable {
    private final List<FormatWriter> writers;
    private final List<Jsonl.Out> files = new ArrayList<>(); // every output, committed together at the end
    private final Jsonl.Out pt;
    private final Jsonl.Out pv;
    private final List<Jsonl.Out[]> fouts = new ArrayList<>();
    private final Jsonl.Out q;
    private final Jsonl.Out dedup;
    private final Jsonl.Out leakage;
    private final Jsonl.Out pending;
    private final IntHistogram trainTok = new IntHistogram();
    private final IntHistogram valTok = new IntHistogram();
    private final IntHistogram allTok = new IntHistogram();
    private final Map<String, long[]> strata = new LinkedHashMap<>(); // src\0cat -> train, validation, tokens

    private UploadWriter(DatasetLayout l, List<FormatWriter> writers) {
        this.writers = List.copyOf(writers);
        try {
            pt = open(l.provenance("train"));
            pv = open(l.provenance("validation"));
            for (FormatWriter w : writers) {
                fouts.add(new Jsonl.Out[] {open(l.train(w.name())), open(l.validation(w.name()))});
            }
            q = open(l.quarantine());
            dedup = open(l.dedupLog());
            leakage = open(l.leakageLog());
            pending = open(l.reviewPending());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens (as temporary files) every file the write step writes under {@code layout}. */
    public static UploadWriter open(DatasetLayout layout, List<FormatWriter> writers) {
        return new UploadWriter(layout, writers);
    }

    private Jsonl.Out open(Path p) {
        Jsonl.Out o = new Jsonl.Out(p);
        files.add(o);
        return o;
    }

    /**
     * One kept example, as the scrub step wrote it (the build's internal line: id, src, cat, file, line, tok,
     * messages, pii), to the train or the validation files. Examples must come in scrubbed order.
     */
    public void example(String scrubbedLine, boolean validation) {
        ObjectNode rec = Jsonl.parse(scrubbedLine);
        ChatExample ex = ChatJson.fromNode(rec);
        for (int f = 0; f < writers.size(); f++) {
            fouts.get(f)[validation ? 1 : 0].line(writers.get(f).line(ex));
        }
        Jsonl.Out p = validation ? pv : pt;
        int tok = rec.get("tok").asInt();
        p.line(provenance(p.lines() + 1, rec, tok).toJsonLine());
        (validation ? valTok : trainTok).add(tok);
        allTok.add(tok);
        long[] s = strata.computeIfAbsent(
                rec.get("src").asText() + "\u0000" + rec.get("cat").asText(), x -> new long[3]);
        s[validation ? 1 : 0]++;
        s[2] += tok;
    }

    /** One quarantine line (a {@link dev.spotter.format.QuarantineRecord}'s JSON, no newline). */
    public void quarantine(String line) {
        q.line(line);
    }

    /** One dedup-log line ({@link EngineFunctions.Dedup#logLine}). */
    public void dedupLog(String line) {
        dedup.line(line);
    }

    /** One leakage-log line ({@link EngineFunctions.Split#moveLine}). */
    public void leakageLog(String line) {
        leakage.line(line);
    }

    /** One line of the review-pending list (ids of examples held back until their review is finished). */
    public void reviewPending(String line) {
        pending.line(line);
    }

    /** Makes every file visible under its name and returns what was written. */
    public WriteStats commit() {
        files.forEach(Jsonl.Out::commit);
        List<WriteStats.Stratum> ss = new ArrayList<>();
        strata.forEach((k, v) -> {
            String[] parts = k.split("\u0000", 2);
            ss.add(new WriteStats.Stratum(parts[0], parts[1], v[0], v[1], v[2]));
        });
        return new WriteStats(
                trainTok.count(),
                valTok.count(),
                writers.stream().map(FormatWriter::name).toList(),
                new WriteStats.Tokens(TokenStats.of(trainTok), TokenStats.of(valTok), TokenStats.of(allTok)),
                ss);
    }

    /** Abandons every file that was not committed. */
    @Override
    public void close() {
        files.forEach(Jsonl.Out::close);
    }

    /** Line N of a split's provenance: where the build took its example N from ({@link Provenance.Built}). */
    private static Provenance provenance(long line, ObjectNode rec, int tokens) {
        return new Provenance(
                line,
                rec.get("cat").asText(),
                new Provenance.Built(
                        rec.get("id").asText(),
                        rec.get("src").asText(),
                        rec.get("file").asText(),
                        rec.get("line").asLong(),
                        tokens,
                        rec.get("pii")),
                null);
    }
}
