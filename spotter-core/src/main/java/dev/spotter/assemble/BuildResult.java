package dev.spotter.assemble;

import dev.spotter.project.Inventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a build did.
 *
 * @param layout  where the dataset was written, file by file
 * @param steps   every step in order, whether it ran or was reused from the last build, its time and peak heap
 * @param summary the build summary (also written as {@code summary.json}); equal for the same inputs
 */
public record BuildResult(DatasetLayout layout, List<StepRun> steps, BuildSummary summary) {

    public BuildResult {
        steps = List.copyOf(steps);
    }

    /**
     * One pipeline step. {@code millis} is wall time, {@code cpuMillis} the CPU time of the thread that ran it
     * (steps are single-threaded, so on a shared machine this is the better measure of the work);
     * {@code peakHeapBytes} is the JVM heap high-water mark during the step (0 when reused).
     */
    public record StepRun(String name, boolean ran, long millis, long cpuMillis, long peakHeapBytes, String detail) {}

    /** Where the dataset was written ({@link DatasetLayout#dir()}). */
    public Path outDir() {
        return layout.dir();
    }

    /** Categories still short of their targets, with the command that provides them. */
    public List<Inventory.Need> needs() {
        return summary.inventory().needs();
    }

    /**
     * Files of user-provided sources ({@link dev.spotter.project.SourceKind#userProvided()}) that do not exist, as
     * "source 'voice' (kind jsonl): no such file data/voice.jsonl"; the build fails (exit 1) when any is listed.
     * Sources Spotter fills itself (generation, kb generate, synthesized) are not here: they are {@link #needs()}.
     */
    public List<String> missingInputs() {
        List<String> out = new ArrayList<>();
        for (BuildSummary.Source src : summary.sources()) {
            if (src.kind().userProvided()) {
                for (String f : src.missing()) {
                    out.add("source '" + src.id() + "' (kind " + src.kind().yamlName() + "): no such file " + f);
                }
            }
        }
        return out;
    }

    /** True when nothing failed: no missing user file, no reject rate above its limit, accounting complete. */
    public boolean ok() {
        return missingInputs().isEmpty()
                && rejectRateExceeded().isEmpty()
                && pendingReview().isEmpty()
                && accountingOk();
    }

    /** Input lines rejected (they are in the quarantine file). */
    public long rejected() {
        return summary.rejected();
    }

    /**
     * True when every input line was found in exactly one of: an upload file, the quarantine, or the dedup log (and
     * every format's files have the provenance's line counts).
     */
    public boolean accountingOk() {
        return summary.accounting().ok();
    }

    /**
     * Sources whose reject rate (rejected / read lines) exceeds their {@code maxRejectRate} (else the project's
     * {@code quality.maxRejectRate}, default 0), as "id: 7.43% rejected > 5.00% allowed"; empty when the build passes.
     */
    public List<String> rejectRateExceeded() {
        List<String> out = new ArrayList<>();
        for (BuildSummary.Source src : summary.sources()) {
            if (src.rejectRateExceeded()) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s: %,d of %,d lines rejected (%.2f%%) > maxRejectRate %.2f%%",
                        src.id(),
                        src.rejected(),
                        src.read(),
                        src.rejectRate() * 100,
                        src.maxRejectRate() * 100));
            }
        }
        return out;
    }

    /**
     * Reviewed sources that hold lines back because their review is not finished (not reviewed, or a batch not
     * signed off), as "injury: 6 lines pending review (batch lines-1-6: in-review, ...)"; empty when none. Those
     * lines are not in the upload files; the CLI exits 1 while this is not empty (fail closed: an unreviewed batch
     * never ships silently, and a build that ships less than it read says so).
     */
    public List<String> pendingReview() {
        List<String> out = new ArrayList<>();
        for (ReviewStats r : summary.review()) {
            if (r.blocked()) {
                List<String> open = r.batches().stream()
                        .filter(x -> x.pending() > 0)
                        .map(x -> x.id() + ": " + x.state())
                        .toList();
                out.add(String.format(
                        Locale.ROOT,
                        "%s: %,d line%s pending review (%s); open them with %s",
                        r.source(),
                        r.pending(),
                        r.pending() == 1 ? "" : "s",
                        open.size() > 3
                                ? String.join(", ", open.subList(0, 3)) + ", ... " + open.size() + " batches"
                                : String.join(", ", open),
                        r.command()));
            }
        }
        return out;
    }

    /** Names of the steps that actually ran (not reused). */
    public List<String> ran() {
        return steps.stream().filter(StepRun::ran).map(StepRun::name).toList();
    }
}
