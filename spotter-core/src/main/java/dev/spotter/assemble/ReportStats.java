package dev.spotter.assemble;

/**
 * What the report step wrote: {@code summary.json}, the dataset card and report.html.
 *
 * @param evaluation the eval result shown in the report (relative to the output directory), or null for none
 */
record ReportStats(String evaluation) implements StepStats {
    @Override
    public String detail() {
        return "summary.json, README.md (dataset card), report.html" + (evaluation != null ? " with evaluation" : "");
    }
}
