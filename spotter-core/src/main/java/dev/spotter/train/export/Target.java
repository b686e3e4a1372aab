package dev.spotter.train.export;

import dev.spotter.ConfigurationException;
import java.util.Locale;

/** Where an export goes. Each target has its own file format and its own pre-checks ({@link TargetRules}). */
public enum Target {
    /** Together AI conversational JSONL + {@code job.json}. */
    TOGETHER,
    /** Fireworks AI chat JSONL (3 to 3,000,000 examples, system only first). */
    FIREWORKS,
    /** OpenAI chat fine-tuning JSONL, checked like the OpenAI cookbook's data-prep notebook. */
    OPENAI,
    /** AWS Bedrock prompt/completion JSONL for Meta Llama + hyper-parameters file. */
    BEDROCK,
    /** Self-hosted axolotl: chat JSONL + a ready {@code axolotl.yaml}. */
    AXOLOTL;

    public static Target parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "unknown target \"" + s + "\" (together, fireworks, openai, bedrock, axolotl)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
