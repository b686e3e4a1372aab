package dev.spotter.assemble;

import dev.spotter.project.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        byte[] asg;
        try {
            asg = Files.readAllBytes(l.assignment());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + l.assignment() + ": " + e.getMessage(), e);
        }
        try (UploadWriter w = UploadWriter.open(l, b.writers())) {
            int[] i = {0};
            Jsonl.lines(l.scrubbed(), line -> w.example(line, asg[i[0]++] == 'v'));
            for (SourceSpec s : b.project().sources()) {
                Jsonl.lines(l.rejected(s.id()), w::quarantine);
            }
            for (SourceSpec s : b.project().sources()) {
                Jsonl.lines(l.pending(s.id()), w::reviewPending);
            }
            Jsonl.lines(l.dedupDropped(), w::dedupLog);
            Jsonl.lines(l.leakageMoves(), w::leakageLog);
            return w.commit();
        }
    }
}
