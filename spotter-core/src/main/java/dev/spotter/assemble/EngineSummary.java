package dev.spotter.assemble;

import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Project;
import dev.spotter.project.SourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The summary ({@code summary.json}), dataset card and report of a build whose steps ran on another engine (the
 * distributed build): the engine hands over the figures each embedded step would have recorded, this class
 * builds the embedded steps' statistics records from them with the embedded rules (reason maps sorted by code,
 * the first {@value #FIRST_ERRORS} rejects per source, the {@value #TOP_CLUSTERS} largest clusters, the split's
 * rule texts) and renders the card and report with the embedded {@code ReportStep}, so both builds' pages come
 * from one renderer. The report's data samples are read from the written files ({@code ReportSampler}: bounded).
 */
public final class EngineSummary {
    /** Rejects listed per source, each as {@link #firstError}. */
    public static final int FIRST_ERRORS = IngestStep.FIRST_ERRORS;
    /** Duplicate clusters listed, largest first, ties by the kept record's order. */
    public static final int TOP_CLUSTERS = DedupStep.TOP_CLUSTERS;

    private EngineSummary() {}

    /** How a reject is listed in a source's first errors: {@code file:line: reason (detail)}. */
    public static String firstError(SourceRecord r) {
        return r.file() + ":" + r.line() + ": " + r.reason() + " (" + r.detail() + ")";
    }

    /** What the engine's ingest read from one source. */
    public record SourceFigures(
            long read,
            long accepted,
            long rejected,
            long idSum,
            Map<String, Long> reasons,
            List<String> files,
            List<String> missing,
            List<String> firstErrors,
            Map<String, Long> examplesByCategory,
            Map<String, Long> tokensByCategory) {
        public SourceFigures {
            reasons = new TreeMap<>(reasons);
            examplesByCategory = new TreeMap<>(examplesByCategory);
            tokensByCategory = new TreeMap<>(tokensByCategory);
            files = List.copyOf(files);
            missing = List.copyOf(missing);
            firstErrors = List.copyOf(firstErrors.subList(0, Math.min(FIRST_ERRORS, firstErrors.size())));
        }
    }

    /**
     * The dedup step's record. {@code indexBytes} is the memory of the engine's dedup state (the embedded build's
     * index; the distributed build has none of that shape and gives its own figure).
     */
    public static DedupStats dedup(
            Project.Dedup d,
            long input,
            long exact,
            long near,
            long indexBytes,
            int clusterCount,
            List<DedupStats.Cluster> largest,
            Map<String, Long> droppedBySource) {
        NearDupIndex shape = new NearDupIndex(d.permutations(), d.threshold(), 16);
        return new DedupStats(
                input,
                input - exact - near,
                exact,
                near,
                d.threshold(),
                shape.bands(),
                shape.rows(),
                d.permutations(),
                d.shingleSize() + "-" + d.shingle(),
                DedupStep.KEEP_RULE,
                indexBytes,
                clusterCount,
                largest.subList(0, Math.min(TOP_CLUSTERS, largest.size())),
                new TreeMap<>(droppedBySource));
    }

    /** The scrub step's record; {@code byKey}: replacements per PII kind key ({@code email}, ...). */
    public static ScrubStats scrub(Project.Pii pii, long records, long changed, Map<String, Long> byKey) {
        Map<String, Long> replacements = new LinkedHashMap<>();
        for (PiiScrubber.Kind k : PiiScrubber.Kind.values()) {
            replacements.put(k.placeholder(), byKey.getOrDefault(k.key(), 0L));
        }
        return new ScrubStats(pii.enabled(), records, changed, replacements, pii.roles());
    }

    /** The split step's record; strata in first-seen record order. */
    public static SplitStats split(
            Project p,
            int records,
            int validation,
            int moved,
            int passes,
            int grouped,
            List<SplitStats.Stratum> strata) {
        return SplitStep.stats(p, records, validation, moved, passes, grouped, strata);
    }

    /** Writes summary.json, the card and report.html into {@code layout}; returns the summary. */
    public static BuildSummary write(
            Project project,
            DatasetLayout layout,
            List<FormatWriter> writers,
            List<SourceFigures> sources,
            DedupStats dedup,
            ScrubStats pii,
            SplitStats split,
            WriteStats output,
            AccountingStats accounting,
            Consumer<String> log) {
        List<IngestStats> ingests = new ArrayList<>();
        for (SourceFigures s : sources) {
            Map<String, IngestStats.CategoryCount> categories = new TreeMap<>();
            s.examplesByCategory()
                    .forEach((cat, n) -> categories.put(
                            cat,
                            new IngestStats.CategoryCount(
                                    n, s.tokensByCategory().getOrDefault(cat, 0L))));
            ingests.add(new IngestStats(
                    s.read(),
                    s.accepted(),
                    s.rejected(),
                    s.idSum(),
                    s.reasons(),
                    categories,
                    s.files(),
                    s.missing(),
                    s.firstErrors(),
                    0,
                    0,
                    null));
        }
        ExampleTokenCounter tokens = ExampleTokenCounter.llama3();
        try {
            Files.createDirectories(layout.stateDir());
        } catch (IOException e) {
            throw Jsonl.unchecked("create", layout.stateDir(), e);
        }
        StepRunner runner = new StepRunner(BuildState.load(layout.stateFile()), layout, log);
        BuildContext context = new BuildContext(project, layout, tokens, writers, runner);
        // the embedded build's trainer check, over the scrubbed file the engine wrote (StepFiles)
        TrainerStats trainer = TrainerCheckStep.run(context, Jsonl.sha256(layout.scrubbed()));
        BuildSummary summary = BuildSummary.of(
                project,
                tokens,
                ingests,
                dedup,
                pii,
                split,
                output,
                BuildPipeline.inventory(project, tokens, ingests, output),
                accounting,
                trainer,
                layout.stateDirShown());
        ReportStep.run(context, summary);
        runner.saveState();
        return summary;
    }

    /**
     * The embedded steps' files the report reads its samples from (the kept lines before the scrub, the scrubbed
     * lines, the split's assignment, the dropped duplicates), written by an engine that kept them elsewhere, one
     * record at a time in record order. Each file is written atomically on {@link #commit}.
     */
    public static final class StepFiles implements java.io.Closeable {
        private final Jsonl.Out kept;
        private final Jsonl.Out scrubbed;
        private final Jsonl.Out dropped;
        private final Jsonl.Out droppedSamples;
        private int nearSamples;
        private int exactSamples;
        private final dev.spotter.kernel.AtomicFile assignment;
        private final java.io.OutputStream assign;

        private StepFiles(DatasetLayout l) throws IOException {
            Files.createDirectories(l.assignment().getParent());
            Files.createDirectories(l.dedupKept().getParent());
            Files.createDirectories(l.scrubbed().getParent());
            this.kept = new Jsonl.Out(l.dedupKept());
            this.scrubbed = new Jsonl.Out(l.scrubbed());
            this.dropped = new Jsonl.Out(l.dedupDropped());
            this.droppedSamples = new Jsonl.Out(l.dedupDroppedSamples());
            this.assignment = dev.spotter.kernel.AtomicFile.open(l.assignment());
            this.assign = new java.io.BufferedOutputStream(assignment.stream(), 1 << 16);
        }

        public static StepFiles open(DatasetLayout layout) {
            try {
                return new StepFiles(layout);
            } catch (IOException e) {
                throw Jsonl.unchecked("write", layout.assignment(), e);
            }
        }

        /** A kept record: its line before and after the scrub, and whether the split put it in validation. */
        public void record(String keptLine, String scrubbedLine, boolean validation) {
            kept.line(keptLine);
            scrubbed.line(scrubbedLine);
            try {
                assign.write(validation ? 'v' : 't');
            } catch (IOException e) {
                throw Jsonl.unchecked("write", assignment.target(), e);
            }
        }

        /**
         * A dropped duplicate's dedup-log line and its accepted line, in record order; the accepted lines of the
         * first {@code ReportSampler.DUPLICATE_PAIRS} per reason are kept for the report's duplicate pairs (the
         * dropped text beside the kept one, as the embedded report shows it).
         */
        public void dropped(String logLine, String acceptedLine) {
            dropped.line(logLine);
            boolean near =
                    "near_duplicate".equals(Jsonl.parse(logLine).path("reason").asText());
            if (near ? nearSamples++ < ReportSampler.DUPLICATE_PAIRS : exactSamples++ < ReportSampler.DUPLICATE_PAIRS) {
                droppedSamples.line(acceptedLine);
            }
        }

        public void commit() {
            try {
                assign.write('\n');
                assign.flush();
                assignment.commit();
            } catch (IOException e) {
                throw Jsonl.unchecked("write", assignment.target(), e);
            }
            kept.commit();
            scrubbed.commit();
            dropped.commit();
            droppedSamples.commit();
        }

        @Override
        public void close() {
            kept.close();
            scrubbed.close();
            dropped.close();
            droppedSamples.close();
            assignment.close();
        }
    }
}
