package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.project.SourceSpec;
import dev.spotter.report.IntHistogram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

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
                l.provenance("train"), l.provenance("validation"), l.quarantine(), l.dedupLog(), l.leakageLog()));
        List<SourceSpec> sources = b.project().sources();
        StringBuilder rejHashes = new StringBuilder();
        for (int i = 0; i < ingests.size(); i++) {
            rejHashes
                    .append(ingests.get(i).hash(l, l.rejected(sources.get(i).id())))
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
        List<Jsonl.Out[]> fouts = new ArrayList<>();
        IntHistogram trainTok = new IntHistogram();
        IntHistogram valTok = new IntHistogram();
        IntHistogram allTok = new IntHistogram();
        Map<String, long[]> strata = new LinkedHashMap<>(); // src\0cat -> train, validation, tokens
        try (Jsonl.Out pt = new Jsonl.Out(l.provenance("train"));
                Jsonl.Out pv = new Jsonl.Out(l.provenance("validation"))) {
            for (FormatWriter w : writers) {
                fouts.add(new Jsonl.Out[] {new Jsonl.Out(l.train(w.name())), new Jsonl.Out(l.validation(w.name()))});
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
                ObjectNode pr = JSON.objectNode();
                pr.put("line", p.lines() + 1);
                pr.put("id", rec.get("id").asText());
                pr.put("source", rec.get("src").asText());
                pr.put("category", rec.get("cat").asText());
                pr.put("file", rec.get("file").asText());
                pr.put("sourceLine", rec.get("line").asLong());
                pr.put("tokens", tok);
                if (rec.has("pii")) {
                    pr.set("pii", rec.get("pii"));
                }
                p.json(pr);
                (v ? valTok : trainTok).add(tok);
                allTok.add(tok);
                long[] s = strata.computeIfAbsent(
                        rec.get("src").asText() + "\u0000" + rec.get("cat").asText(), x -> new long[3]);
                s[v ? 1 : 0]++;
                s[2] += tok;
            });
        } finally {
            for (Jsonl.Out[] pair : fouts) {
                pair[0].close();
                pair[1].close();
            }
        }
        try (Jsonl.Out q = new Jsonl.Out(l.quarantine())) {
            for (SourceSpec s : b.project().sources()) {
                Jsonl.lines(l.rejected(s.id()), q::line);
            }
        }
        copy(l.dedupDropped(), l.dedupLog());
        copy(l.leakageMoves(), l.leakageLog());
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

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
