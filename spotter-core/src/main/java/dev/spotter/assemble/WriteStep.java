package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Provenance;
import dev.spotter.project.SourceSpec;
import dev.spotter.report.IntHistogram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5: the upload files, one train and one validation file per {@link FormatWriter}, in scrubbed order; the
 * provenance sidecars (line N describes line N of the split's upload files: id, source, category, source file
 * and line, tokens, PII replacements); the quarantine (every source's rejects, in source order); the dedup and
 * leakage logs. Memory: one line at a time, plus token histograms proportional to distinct token counts.
 */
final class WriteStep {
    private WriteStep() {}

    static Step<WriteStats> run(
            BuildContext b,
            List<Step<IngestStats>> ingests,
            Step<DedupStats> dedup,
            Step<ScrubStats> scrub,
            Step<SplitStats> split) {
        DatasetLayout l = b.layout();
        List<Path> outputs = new ArrayList<>();
        for (FormatWriter w : b.writers()) {
            outputs.add(l.train(w.name()));
            outputs.add(l.validation(w.name()));
        }
        outputs.addAll(List.of(
                l.provenance("train"),
                l.provenance("validation"),
                l.quarantine(),
                l.dedupLog(),
                l.leakageLog(),
                l.reviewPending()));
        List<SourceSpec> sources = b.project().sources();
        StringBuilder rejHashes = new StringBuilder();
        for (int i = 0; i < ingests.size(); i++) {
            rejHashes
                    .append(ingests.get(i).hash(l, l.rejected(sources.get(i).id())))
                    .append(',')
                    .append(ingests.get(i).hash(l, l.pending(sources.get(i).id())))
                    .append(';');
        }
        String key = StepRunner.key(
                "write",
                BuildContext.ALGO,
                scrub.hash(l, l.scrubbed()),
                split.hash(l, l.assignment()),
                split.hash(l, l.leakageMoves()),
                dedup.hash(l, l.dedupDropped()),
                rejHashes,
                b.writers().stream().map(FormatWriter::name).toList());
        return b.runner().cached("write", key, outputs, WriteStats.class, () -> write(b));
    }

    private static WriteStats write(BuildContext b) {
        DatasetLayout l = b.layout();
        List<FormatWriter> writers = b.writers();
        byte[] asg;
        try {
            asg = Files.readAllBytes(l.assignment());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + l.assignment() + ": " + e.getMessage(), e);
        }
        IntHistogram trainTok = new IntHistogram();
        IntHistogram valTok = new IntHistogram();
        IntHistogram allTok = new IntHistogram();
        Map<String, long[]> strata = new LinkedHashMap<>(); // src\0cat -> train, validation, tokens
        List<Jsonl.Out> files = new ArrayList<>(); // every output, committed together at the end
        try {
            Jsonl.Out pt = open(files, l.provenance("train"));
            Jsonl.Out pv = open(files, l.provenance("validation"));
            List<Jsonl.Out[]> fouts = new ArrayList<>();
            for (FormatWriter w : writers) {
                fouts.add(new Jsonl.Out[] {open(files, l.train(w.name())), open(files, l.validation(w.name()))});
            }
            int[] i = {0};
            Jsonl.lines(l.scrubbed(), line -> {
                boolean v = asg[i[0]++] == 'v';
                ObjectNode rec = Jsonl.parse(line);
                ChatExample ex = ChatJson.fromNode(rec);
                for (int f = 0; f < writers.size(); f++) {
                    fouts.get(f)[v ? 1 : 0].line(writers.get(f).line(ex));
                }
                Jsonl.Out p = v ? pv : pt;
                int tok = rec.get("tok").asInt();
                p.line(provenance(p.lines() + 1, rec, tok).toJsonLine());
                (v ? valTok : trainTok).add(tok);
                allTok.add(tok);
                long[] s = strata.computeIfAbsent(
                        rec.get("src").asText() + "\u0000" + rec.get("cat").asText(), x -> new long[3]);
                s[v ? 1 : 0]++;
                s[2] += tok;
            });
            Jsonl.Out q = open(files, l.quarantine());
            for (SourceSpec s : b.project().sources()) {
                Jsonl.lines(l.rejected(s.id()), q::line);
            }
            Jsonl.Out pending = open(files, l.reviewPending());
            for (SourceSpec s : b.project().sources()) {
                Jsonl.lines(l.pending(s.id()), pending::line);
            }
            copy(l.dedupDropped(), open(files, l.dedupLog()));
            copy(l.leakageMoves(), open(files, l.leakageLog()));
            files.forEach(Jsonl.Out::commit);
        } finally {
            files.forEach(Jsonl.Out::close); // abandons what was not committed
        }
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

    private static Jsonl.Out open(List<Jsonl.Out> files, Path p) {
        Jsonl.Out o = new Jsonl.Out(p);
        files.add(o);
        return o;
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

    private static void copy(Path from, Jsonl.Out to) {
        try {
            Files.copy(from, to.stream());
        } catch (IOException e) {
            throw Jsonl.unchecked("copy", from, e);
        }
    }
}
