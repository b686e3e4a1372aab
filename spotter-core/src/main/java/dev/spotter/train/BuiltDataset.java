package dev.spotter.train;

import dev.spotter.project.Project;
import dev.spotter.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files {@code spotter build --project F} wrote for the {@code messages} format: {@code <out>/messages/
 * {train,validation}.jsonl} and the provenance sidecars {@code <out>/provenance/{train,validation}.jsonl} (line N
 * of a sidecar describes line N of the split: source, category, tokens). Export and eval read these.
 */
public record BuiltDataset(Path train, Path validation, Path trainProvenance, Path validationProvenance) {

    /** Resolves the project's output directory; fails with the command to run when the build is missing. */
    public static BuiltDataset of(Path projectFile) {
        Project p = ProjectLoader.load(projectFile);
        Path out = p.baseDir().resolve(p.output().dir()).normalize();
        BuiltDataset d = new BuiltDataset(
                out.resolve("messages/train.jsonl"),
                out.resolve("messages/validation.jsonl"),
                out.resolve("provenance/train.jsonl"),
                out.resolve("provenance/validation.jsonl"));
        if (!Files.isRegularFile(d.train())) {
            throw new IllegalArgumentException("no built dataset at " + d.train() + ": run `spotter build --project "
                    + projectFile + "` first (with the messages format)");
        }
        return d;
    }

    /** The split's data file ("train" or "validation"). */
    public Path split(String name) {
        return switch (name) {
            case "train" -> train;
            case "validation" -> validation;
            default -> throw new IllegalArgumentException("unknown split \"" + name + "\" (train or validation)");
        };
    }

    public Path provenance(String name) {
        return name.equals("train") ? trainProvenance : validationProvenance;
    }
}
