package dev.spotter.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the last build did, per step: the key (a hash of the step's inputs and settings), its output files with
 * their SHA-256, and its statistics. A step whose key matches and whose outputs are intact is not run again.
 * Stored as {@code .state/state.json} under the output directory.
 */
final class BuildState {
    static final int VERSION = 1;
    private final Path file;
    private final ObjectNode steps;

    private BuildState(Path file, ObjectNode steps) {
        this.file = file;
        this.steps = steps;
    }

    static BuildState load(Path file) {
        ObjectNode steps = JsonNodeFactory.instance.objectNode();
        if (Files.isRegularFile(file)) {
            try {
                JsonNode root = Jsonl.MAPPER.readTree(file.toFile());
                if (root != null
                        && root.path("version").asInt() == VERSION
                        && root.path("steps").isObject()) {
                    steps = (ObjectNode) root.get("steps");
                }
            } catch (IOException e) {
                // A damaged state file only costs a full rebuild.
                steps = JsonNodeFactory.instance.objectNode();
            }
        }
        return new BuildState(file, steps);
    }

    /** The saved step when its key matches and every output still has the recorded hash; else null. */
    ObjectNode reusable(String step, String key, Path root) {
        JsonNode s = steps.get(step);
        if (s == null || !key.equals(s.path("key").asText())) {
            return null;
        }
        for (Map.Entry<String, JsonNode> e : s.path("outputs").properties()) {
            Path p = root.resolve(e.getKey());
            try {
                if (!Files.isRegularFile(p)
                        || Files.size(p) != e.getValue().path("size").asLong()) {
                    return null;
                }
            } catch (IOException ex) {
                return null;
            }
        }
        return (ObjectNode) s;
    }

    /** Records a step run; output hashes are computed here. */
    ObjectNode record(String step, String key, Path root, List<Path> outputs, ObjectNode stats) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("key", key);
        ObjectNode outs = s.putObject("outputs");
        for (Path p : outputs) {
            ObjectNode o = outs.putObject(root.relativize(p).toString().replace('\\', '/'));
            try {
                o.put("size", Files.size(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stat " + p + ": " + e.getMessage(), e);
            }
            o.put("sha256", Jsonl.sha256(p));
        }
        s.set("stats", stats);
        steps.set(step, s);
        return s;
    }

    /** The recorded hash of an output of a step. */
    static String outputHash(ObjectNode step, String relPath) {
        return step.path("outputs").path(relPath).path("sha256").asText("");
    }

    void save() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        root.set("steps", steps);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Jsonl.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
