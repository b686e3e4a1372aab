package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatJson;
import dev.spotter.format.QuarantineRecord;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.project.SourceRecord;
import dev.spotter.project.SourceScanner;
import dev.spotter.project.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Step 1, per source: reads the source's files with the project's {@link SourceScanner} (validation with the
 * foundation's reject codes, categories, tokens) and writes the accepted examples to
 * {@link DatasetLayout#accepted} (with id, source, category, file, line, tokens) and the rejected lines, as
 * {@link QuarantineRecord}s through the {@link QuarantineWriter}, to {@link DatasetLayout#rejected}; both files are
 * committed together when the source has been read, so a failed read leaves the previous files. Knowledge-base
 * sources also pass the kb grounding check ({@link GroundingGate}: ungrounded answers are quarantined). The key hashes
 * every input file's content (and sidecar), so an unchanged source is not read again. Memory: one line at a time,
 * plus a counter per reject reason and category.
 */
final class IngestStep {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int FIRST_ERRORS = 10;

    private IngestStep() {}

    /** A source read from the user's files. */
    static Step<IngestStats> files(BuildContext b, SourceScanner scanner, SourceSpec s) {
        List<Path> files = scanner.files(s);
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        if (files.isEmpty()) {
            absent.addAll(s.paths()); // glob patterns that match no file: as missing as a missing file
        }
        StringBuilder inputs = new StringBuilder("paths=" + s.paths() + ";");
        for (Path f : files) {
            (Files.isRegularFile(f) ? present : absent).add(scanner.relative(f));
            inputs.append(scanner.relative(f))
                    .append('=')
                    .append(Files.isRegularFile(f) ? Jsonl.sha256(f) : "missing")
                    .append(';');
            Path side = s.sidecar(f);
            if (side != null) {
                inputs.append(Files.isRegularFile(side) ? Jsonl.sha256(side) : "missing")
                        .append(';');
            }
        }
        inputs.append(GroundingGate.keyPart(s));
        ReviewFilter review = ReviewFilter.open(b, scanner, s);
        if (review != null) {
            inputs.append("review=").append(review.fingerprint()).append(';');
        }
        return ingest(
                b, s, inputs.toString(), sink -> scanner.scan(s, GroundingGate.wrap(s, sink)), present, absent, review);
    }

    /** A source the build synthesized ({@link SynthStep}): reads the synthesizer's file under a stable label. */
    static Step<IngestStats> synthesized(BuildContext b, SourceScanner scanner, SourceSpec s, Step<SynthStats> synth) {
        Path file = b.layout().synthesized(s.id());
        String label = synthLabel(b.project(), s);
        return ingest(
                b,
                s,
                "synth=" + synth.hash(b.layout(), file) + ";",
                sink -> scanner.scanFile(s, file, label, sink),
                List.of(label),
                List.of(),
                null);
    }

    /** The provenance file name of a synthesized source: a label, not the path, so it does not depend on the output directory. */
    static String synthLabel(dev.spotter.project.Project project, SourceSpec s) {
        return "synth:" + s.preset() + "/seed-" + SynthStep.seed(project, s) + ".jsonl";
    }

    private static Step<IngestStats> ingest(
            BuildContext b,
            SourceSpec s,
            String inputs,
            Consumer<Consumer<SourceRecord>> scan,
            List<String> present,
            List<String> absent,
            ReviewFilter review) {
        Path accepted = b.layout().accepted(s.id());
        Path rejects = b.layout().rejected(s.id());
        Path pending = b.layout().pending(s.id());
        String key = StepRunner.key(
                "ingest",
                BuildContext.ALGO,
                s.id(),
                s.kind().yamlName(),
                s.category(),
                s.categoryField(),
                s.categorySidecar(),
                b.project().tokenLimit(),
                b.tokens().describe(),
                inputs,
                new TreeMap<>(s.chunkCategory()));
        return b.runner()
                .cached("ingest:" + s.id(), key, List.of(accepted, rejects, pending), IngestStats.class, () -> {
                    long[] c = new long[6]; // read, accepted, rejected, idSum, review-quarantined, pending review
                    Map<String, Long> reasons = new TreeMap<>();
                    Map<String, long[]> cats = new TreeMap<>();
                    List<String> firstErrors = new ArrayList<>();
                    try (Jsonl.Out acc = new Jsonl.Out(accepted);
                            Jsonl.Out rej = new Jsonl.Out(rejects);
                            Jsonl.Out pend = new Jsonl.Out(pending)) {
                        try (QuarantineWriter q = QuarantineWriter.to(rej.stream())) {
                            scan.accept(read -> {
                                c[0]++;
                                c[3] += Text.hash64(read.id());
                                SourceRecord r = read;
                                if (r.accepted() && review != null) {
                                    switch (review.apply(r)) {
                                        case ReviewFilter.Outcome.Use u -> r = u.record();
                                        case ReviewFilter.Outcome.Quarantine x -> {
                                            c[4]++;
                                            write(q, x.record(), rejects);
                                            return;
                                        }
                                        case ReviewFilter.Outcome.Pending p -> {
                                            c[5]++;
                                            pend.json(p.json());
                                            return;
                                        }
                                    }
                                }
                                if (r.accepted()) {
                                    c[1]++;
                                    acc.json(internal(r));
                                    long[] cc = cats.computeIfAbsent(r.category(), x -> new long[2]);
                                    cc[0]++;
                                    cc[1] += r.tokens();
                                } else {
                                    c[2]++;
                                    reasons.merge(r.reason(), 1L, Long::sum);
                                    if (firstErrors.size() < FIRST_ERRORS) {
                                        firstErrors.add(EngineSummary.firstError(r));
                                    }
                                    quarantine(q, r, rejects);
                                }
                            });
                        } catch (IOException e) {
                            throw Jsonl.unchecked("write", rejects, e);
                        }
                        acc.commit(); // the quarantine writer has flushed into rej
                        rej.commit();
                        pend.commit();
                    }
                    Map<String, IngestStats.CategoryCount> categories = new TreeMap<>();
                    cats.forEach((cat, v) -> categories.put(cat, new IngestStats.CategoryCount(v[0], v[1])));
                    return new IngestStats(
                            c[0],
                            c[1],
                            c[2],
                            c[3],
                            reasons,
                            categories,
                            present,
                            absent,
                            firstErrors,
                            c[4],
                            c[5],
                            review == null
                                    ? null
                                    : review.stats(b.project().file().toString()));
                });
    }

    /** The build's own line for an accepted example: what later steps and the provenance need. */
    static ObjectNode internal(SourceRecord r) {
        ObjectNode o = JSON.objectNode();
        o.put("id", r.id());
        o.put("src", r.sourceId());
        o.put("cat", r.category());
        o.put("file", r.file());
        o.put("line", r.line());
        o.put("tok", r.tokens());
        o.set("messages", ChatJson.toNode(r.example()).get("messages"));
        return o;
    }

    /** The quarantine record of a rejected input line: {@code {"id","source","file","line","reason","detail","raw"}}. */
    private static void quarantine(QuarantineWriter q, SourceRecord r, Path file) {
        write(q, quarantineRecord(r), file);
    }

    private static void write(QuarantineWriter q, QuarantineRecord r, Path file) {
        try {
            q.write(r);
        } catch (IOException e) {
            throw Jsonl.unchecked("write", file, e);
        }
    }

    static QuarantineRecord quarantineRecord(SourceRecord r) {
        return QuarantineRecord.ofLine(r.file(), r.line(), r.reason(), r.detail(), r.raw())
                .from(r.id(), r.sourceId());
    }
}
