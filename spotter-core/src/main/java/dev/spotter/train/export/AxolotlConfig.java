package dev.spotter.train.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.train.JobSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A ready axolotl config for the exported data. Why these settings: {@code chat_template: tokenizer_default}
 * renders with the Llama 3.3 tokenizer's own template (axolotl's built-in {@code llama3} is the 3.0 one, without
 * the date header); {@code roles_to_train: ["assistant"]} with {@code train_on_eos: turn} trains on every
 * assistant turn and its {@code <|eot_id|>}, never on prompts.
 */
final class AxolotlConfig {
    static final String DEFAULT_BASE_MODEL = "meta-llama/Llama-3.3-70B-Instruct";

    private AxolotlConfig() {}

    static void write(Path file, String baseModel, JobSpec spec, int sequenceLen, boolean hasValidation)
            throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        ObjectNode c = yaml.createObjectNode();
        c.put("base_model", baseModel);
        c.put("chat_template", "tokenizer_default");
        ArrayNode ds = c.putArray("datasets");
        dataset(ds.addObject(), "train.jsonl");
        if (hasValidation) {
            ObjectNode t = dataset(c.putArray("test_datasets").addObject(), "validation.jsonl");
            t.put("split", "train");
        } else {
            c.put("val_set_size", 0.0);
        }
        c.put("dataset_prepared_path", "last_run_prepared");
        c.put("output_dir", "./outputs/" + spec.suffix());
        c.put("sequence_len", sequenceLen);
        c.put("sample_packing", true);
        c.put("pad_to_sequence_len", true);
        if (spec.lora()) {
            c.put("adapter", "lora");
            c.put("lora_r", spec.loraR());
            c.put("lora_alpha", spec.loraAlpha());
            c.put("lora_dropout", spec.loraDropout());
            c.put("lora_target_linear", true);
        }
        c.put("micro_batch_size", 1);
        c.put("gradient_accumulation_steps", spec.batchSize() == null ? 8 : spec.batchSize());
        c.put("num_epochs", spec.epochs());
        c.put("learning_rate", spec.learningRate());
        c.put("lr_scheduler", "cosine");
        c.put("warmup_ratio", spec.warmupRatio());
        c.put("optimizer", "adamw_torch_fused");
        c.put("bf16", "auto");
        c.put("gradient_checkpointing", true);
        c.put("flash_attention", true);
        c.put("logging_steps", 1);
        c.put("saves_per_epoch", 1);
        if (hasValidation) {
            c.put("evals_per_epoch", 1);
        }
        c.putObject("special_tokens").put("pad_token", "<|finetune_right_pad_id|>");
        String header = "# axolotl config written by spotter export --target axolotl\n"
                + "# Llama 3.3 format via the tokenizer's own chat template (not axolotl's 3.0 `llama3`).\n"
                + "# 70B in bf16 is ~140 GB of weights alone: shard across GPUs (FSDP/DeepSpeed) or use adapter: qlora\n"
                + "# with load_in_4bit: true.\n"
                + "# Run from this directory: axolotl train axolotl.yaml\n";
        AtomicFile.write(file, header + yaml.writeValueAsString(c));
    }

    private static ObjectNode dataset(ObjectNode d, String path) {
        d.put("path", path);
        d.put("ds_type", "json");
        d.put("type", "chat_template");
        d.put("field_messages", "messages");
        ObjectNode mp = d.putObject("message_property_mappings");
        mp.put("role", "role");
        mp.put("content", "content");
        d.putArray("roles_to_train").add("assistant");
        d.put("train_on_eos", "turn");
        return d;
    }
}
