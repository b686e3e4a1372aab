package dev.spotter.format;

import java.util.List;
import java.util.Objects;

/**
 * What validating several inputs found: one summary per input, their total, and the inputs that held no record at
 * all. An empty input is a failure although nothing in it was rejected: Together's file check refuses an empty
 * file, and there is no line to put in the quarantine, so this report is the only place that says so.
 *
 * @param files one entry per input, in the order given
 * @param total the sum of every input's summary
 */
public record ValidationReport(List<FileResult> files, ValidationSummary total) {
    public ValidationReport {
        files = List.copyOf(files);
        Objects.requireNonNull(total, "total");
    }

    /** One input: the name errors and the quarantine use, and its summary. */
    public record FileResult(String name, ValidationSummary summary) {
        /** True when the input held no line at all. */
        public boolean empty() {
            return summary.read() == 0;
        }
    }

    /** Names of the inputs that held no line. */
    public List<String> emptyFiles() {
        return files.stream().filter(FileResult::empty).map(FileResult::name).toList();
    }

    /** True when nothing was rejected and no input was empty: the data can go to a platform as it is. */
    public boolean passed() {
        return total.rejected() == 0 && emptyFiles().isEmpty();
    }
}
