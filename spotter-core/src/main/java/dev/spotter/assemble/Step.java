package dev.spotter.assemble;

import java.nio.file.Path;
import java.util.Map;

/**
 * A finished (or reused) step: its statistics record and the SHA-256 of each output, which later steps put in
 * their keys so that a changed output re-runs everything downstream of it.
 *
 * @param outputs path relative to the output directory → SHA-256 hex
 */
record Step<T>(T stats, Map<String, String> outputs) {
    Step {
        outputs = Map.copyOf(outputs);
    }

    /** The recorded hash of one of this step's outputs ("" when it is not one). */
    String hash(DatasetLayout layout, Path output) {
        return outputs.getOrDefault(layout.key(output), "");
    }
}
