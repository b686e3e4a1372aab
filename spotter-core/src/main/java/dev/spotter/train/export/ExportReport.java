package dev.spotter.train.export;

import java.util.List;
import java.util.Map;

/**
 * What an export wrote and why anything was left out. {@code errors} are file-level failures (for example
 * Fireworks' minimum of 3 examples) that make the export unusable; {@code notes} are facts worth knowing.
 */
public record ExportReport(
        String target,
        String outDir,
        List<SplitReport> splits,
        List<String> files,
        List<String> errors,
        List<String> notes,
        Map<String, Object> recommendations) {

    public long rejected() {
        return splits.stream().mapToLong(SplitReport::rejected).sum();
    }

    /** Exit status in the CLI's terms: usable and nothing rejected. */
    public boolean clean() {
        return errors.isEmpty() && rejected() == 0;
    }
}
