package dev.spotter.assemble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.IoErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last build did, per step: the key (a hash of the step's inputs and settings), its output files with
 * their size and SHA-256, and its statistics record. A step whose key matches and whose outputs have the recorded
 * sizes is not run again. Stored as {@link DatasetLayout#stateFile()} ({@code .state/state.json}).
 */
final class BuildState {
    /** Version 2: statistics are the step records (version 1 held untyped trees with the log line in them). */
    static final int VERSION = 2;

    private final Path file;
    private final Map<String, Entry> steps;

    /** The file's shape. */
    record Saved(int version, Map<String, Entry> steps) {}

    /** One step: its key, outputs (path relative to the output directory → size and hash) and statistics. */
    record Entry(String key, Map<String, Output> outputs, JsonNode stats) {}

    record Output(long size, String sha256) {}

    private BuildState(Path file, Map<String, Entry> steps) {
        this.file = file;
        this.steps = steps;
    }

    static BuildState load(Path file) {
        Map<String, Entry> steps = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                Saved f = Jsonl.MAPPER.readValue(file.toFile(), Saved.class);
                if (f != null && f.version() == VERSION && f.steps() != null) {
                    steps.putAll(f.steps());
                }
            } catch (IOException e) {
                // A damaged or older state file only costs a full rebuild.
                steps.clear();
            }
        }
        return new BuildState(file, steps);
    }

    /**
     * The saved step when its key matches, every output still has the recorded size and its statistics read as
     * {@code type}; else null.
     */
    <T> Step<T> reusable(String step, String key, DatasetLayout layout, Class<T> type) {
        Entry e = steps.get(step);
        if (e == null || !key.equals(e.key()) || e.outputs() == null || e.stats() == null) {
            return null;
        }
        for (Map.Entry<String, Output> o : e.outputs().entrySet()) {
            Path p = layout.resolve(o.getKey());
            try {
                if (!Files.isRegularFile(p) || Files.size(p) != o.getValue().size()) {
                    return null;
                }
            } catch (IOException ex) {
                return null;
            }
        }
        T stats;
        try {
            stats = Jsonl.MAPPER.treeToValue(e.stats(), type);
        } catch (IOException | IllegalArgumentException ex) {
            return null; // statistics of another shape: run the step again
        }
        return new Step<>(stats, hashes(e));
    }

    /** Records a step run; output sizes and hashes are computed here. */
    <T> Step<T> record(String step, String key, DatasetLayout layout, List<Path> outputs, T stats) {
        Map<String, Output> outs = new LinkedHashMap<>();
        for (Path p : outputs) {
            long size;
            try {
                size = Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + IoErrors.reason(e), e);
            }
            outs.put(layout.key(p), new Output(size, Jsonl.sha256(p)));
        }
        Entry e = new Entry(key, outs, Jsonl.MAPPER.valueToTree(stats));
        steps.put(step, e);
        return new Step<>(stats, hashes(e));
    }

    private static Map<String, String> hashes(Entry e) {
        Map<String, String> h = new LinkedHashMap<>();
        e.outputs().forEach((k, v) -> h.put(k, v.sha256()));
        return h;
    }

    /** Writes the state atomically ({@link AtomicFile}): a crash leaves the previous state (at worst, steps rerun). */
    void save() {
        byte[] json;
        try {
            json = Jsonl.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Saved(VERSION, steps));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
        Jsonl.write(file, json);
    }
}
