package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.project.Inventory;
import java.nio.file.Path;
import java.util.List;

/**
 * What a build did.
 *
 * @param outDir    where the dataset was written
 * @param steps     every step in order, whether it ran or was reused from the last build, its time and peak heap
 * @param summary   the build summary (also written as {@code summary.json}); deterministic for the same inputs
 * @param needs     categories still short of their targets, with the command that provides them
 * @param rejected  input lines rejected (they are in the quarantine file)
 * @param accountingOk true when every input line was found in exactly one of: an upload file, the quarantine,
 *                  or the dedup log
 */
public record BuildResult(
        Path outDir,
        List<StepRun> steps,
        ObjectNode summary,
        List<Inventory.Need> needs,
        long rejected,
        boolean accountingOk) {

    /**
     * One pipeline step. {@code millis} is wall time, {@code cpuMillis} the CPU time of the thread that ran it
     * (steps are single-threaded, so on a shared machine this is the better measure of the work);
     * {@code peakHeapBytes} is the JVM heap high-water mark during the step (0 when reused).
     */
    public record StepRun(String name, boolean ran, long millis, long cpuMillis, long peakHeapBytes, String detail) {}

    /**
     * Sources whose reject rate (rejected / read lines) exceeds their {@code maxRejectRate} (else the project's
     * {@code quality.maxRejectRate}, default 0), as "id: 7.43% rejected > 5.00% allowed"; empty when the build passes.
     */
    public List<String> rejectRateExceeded() {
        List<String> out = new java.util.ArrayList<>();
        for (var src : summary.path("sources")) {
            if (src.path("rejectRateExceeded").asBoolean()) {
                out.add(String.format(
                        java.util.Locale.ROOT,
                        "%s: %,d of %,d lines rejected (%.2f%%) > maxRejectRate %.2f%%",
                        src.path("id").asText(),
                        src.path("rejected").asLong(),
                        src.path("read").asLong(),
                        src.path("rejectRate").asDouble() * 100,
                        src.path("maxRejectRate").asDouble() * 100));
            }
        }
        return out;
    }

    /** Names of the steps that actually ran (not reused). */
    public List<String> ran() {
        return steps.stream().filter(StepRun::ran).map(StepRun::name).toList();
    }
}
