package dev.spotter.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.ConfigurationException;
import dev.spotter.FileException;
import dev.spotter.kernel.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The Together job parameters file ({@code job.json}) that {@code spotter export --target together} writes next
 * to the data and {@code spotter train submit --params} reads. Plain snake_case JSON so a human can edit it;
 * file names are relative to the parameters file.
 */
public final class JobParams {
    private JobParams() {}

    public record Loaded(JobSpec spec, Path trainingFile, Path validationFile) {}

    public static void write(Path file, JobSpec spec, String trainingFile, String validationFile) {
        ObjectNode o = Http.MAPPER.createObjectNode();
        o.put("platform", "together");
        o.put("model", spec.model());
        o.put("training_file", trainingFile);
        if (validationFile != null) {
            o.put("validation_file", validationFile);
        }
        o.put("training_type", spec.lora() ? "lora" : "full");
        if (spec.lora()) {
            o.put("lora_r", spec.loraR());
            o.put("lora_alpha", spec.loraAlpha());
            o.put("lora_dropout", spec.loraDropout());
        }
        o.put("n_epochs", spec.epochs());
        o.put("learning_rate", spec.learningRate());
        if (spec.batchSize() == null) {
            o.put("batch_size", "max");
        } else {
            o.put("batch_size", spec.batchSize());
        }
        o.put("suffix", spec.suffix());
        o.put("train_on_inputs", spec.trainOnInputs());
        o.put("n_evals", spec.nEvals());
        o.put("n_checkpoints", spec.nCheckpoints());
        o.put("warmup_ratio", spec.warmupRatio());
        try {
            AtomicFile.write(
                    file,
                    Http.MAPPER
                                    .copy()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(o) + "\n");
        } catch (IOException e) {
            throw FileException.writing(file, e);
        }
    }

    /** Reads and validates a parameters file; errors name the file and the field. */
    public static Loaded read(Path file) {
        JsonNode o;
        try {
            o = Http.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read job parameters " + file + ": " + Http.oneLine(e.getMessage()), e);
        }
        try {
            JobSpec.Builder b = JobSpec.builder();
            if (o.has("model")) b.model(o.get("model").asText());
            b.lora(!"full".equalsIgnoreCase(o.path("training_type").asText("lora")));
            if (o.has("lora_r")) b.loraR(o.get("lora_r").asInt());
            if (o.has("lora_alpha")) b.loraAlpha(o.get("lora_alpha").asInt());
            if (o.has("lora_dropout")) b.loraDropout(o.get("lora_dropout").asDouble());
            if (o.has("n_epochs")) b.epochs(o.get("n_epochs").asInt());
            if (o.has("learning_rate")) b.learningRate(o.get("learning_rate").asDouble());
            JsonNode bs = o.get("batch_size");
            b.batchSize(bs == null || bs.asText().equals("max") ? null : bs.asInt());
            if (o.has("suffix")) b.suffix(o.get("suffix").asText());
            if (o.has("train_on_inputs"))
                b.trainOnInputs(o.get("train_on_inputs").asText());
            if (o.has("n_evals")) b.nEvals(o.get("n_evals").asInt());
            if (o.has("n_checkpoints")) b.nCheckpoints(o.get("n_checkpoints").asInt());
            if (o.has("warmup_ratio")) b.warmupRatio(o.get("warmup_ratio").asDouble());
            Path dir = file.toAbsolutePath().getParent();
            String tf = o.path("training_file").asText(null);
            if (tf == null) {
                throw new ConfigurationException("training_file is missing");
            }
            String vf = o.path("validation_file").asText(null);
            return new Loaded(b.build(), dir.resolve(tf), vf == null ? null : dir.resolve(vf));
        } catch (IllegalArgumentException | ConfigurationException e) {
            throw new ConfigurationException("job parameters " + file + ": " + e.getMessage(), e);
        }
    }
}
