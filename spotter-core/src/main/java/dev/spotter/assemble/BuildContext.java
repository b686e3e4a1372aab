package dev.spotter.assemble;

import dev.spotter.project.ExampleTokenCounter;
import dev.spotter.project.Project;
import java.util.List;

/**
 * What every step of one build shares: the project, where files go, the token counter, the upload writers and
 * the runner that caches and measures steps.
 */
record BuildContext(
        Project project,
        DatasetLayout layout,
        ExampleTokenCounter tokens,
        List<FormatWriter> writers,
        StepRunner runner) {

    /** Part of every step key: bump when a step's algorithm or file layout changes, so old state is not reused. */
    static final int ALGO =
            7; // 7: review gate at ingest, kb grounding in ingest, state outside the dataset folder; 5: snake_case
    // provenance
}
