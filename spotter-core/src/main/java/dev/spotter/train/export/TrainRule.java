package dev.spotter.train.export;

import dev.spotter.ConfigurationException;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import dev.spotter.train.JobSpec;
import java.util.Locale;
import java.util.Objects;

/**
 * Which tokens one export target's trainer puts in the loss, and the longest example it takes: the rule the
 * {@link TokenPreview} applies, with the same settings as the export it previews (a preview that showed other
 * settings than the export would be a guess). Per platform (shared/spec/platforms.md):
 *
 * <ul>
 *   <li>Together: conversational data; {@code train_on_inputs} {@code auto} or {@code false} trains the assistant
 *       messages, {@code true} every message; a message with {@code weight: 0} is not trained (the format allows
 *       {@code weight} on every message). Limit 24,576 tokens (the export rejects longer examples).
 *   <li>OpenAI and Fireworks: the assistant messages, except those with {@code weight: 0} (both document
 *       {@code weight} 0/1 on assistant messages). OpenAI's cap is 16,385 tokens (it truncates longer examples,
 *       the export counts them); Fireworks' limit for this model is not known: none is applied, as
 *       {@code spotter export} applies none.
 *   <li>Bedrock: prompt/completion; the completion (the last assistant message and its {@code <|eot_id|>}) only,
 *       whatever the weights (the format has none). Limit not known: none applied, as in the export.
 *   <li>axolotl, with the {@code axolotl.yaml} the export writes ({@code roles_to_train: [assistant]},
 *       {@code train_on_eos: turn}, {@code message_property_mappings} of role and content only): every assistant
 *       message; {@code weight} is not mapped, so axolotl trains a {@code weight: 0} turn. Limit: the export's
 *       {@code sequence_len} (axolotl drops longer examples; the export rejects them).
 * </ul>
 *
 * A trained message contributes its content tokens after the header's {@code "\n\n"} and its {@code <|eot_id|>}.
 *
 * @param target        the platform
 * @param trainOnInputs Together's {@code train_on_inputs}: {@code auto}, {@code true} or {@code false} (ignored by
 *                      the other targets)
 * @param sequenceLen   axolotl's {@code sequence_len} (ignored by the other targets)
 */
public record TrainRule(Target target, String trainOnInputs, int sequenceLen) {
    /** The export's default {@code sequence_len} for axolotl. */
    public static final int DEFAULT_SEQUENCE_LEN = 8192;

    public TrainRule {
        Objects.requireNonNull(target, "target");
        trainOnInputs = trainOnInputs == null ? "auto" : trainOnInputs.toLowerCase(Locale.ROOT);
        if (!trainOnInputs.equals("auto") && !trainOnInputs.equals("true") && !trainOnInputs.equals("false")) {
            throw ConfigurationException.forParameter(
                    "trainOnInputs", "must be auto, true or false, was " + trainOnInputs);
        }
        if (sequenceLen < 512 || sequenceLen > 131_072) {
            throw ConfigurationException.forParameter("sequenceLen", "must be 512..131072, was " + sequenceLen);
        }
    }

    /** The rule of {@code spotter export --target T} with its defaults. */
    public static TrainRule of(Target target) {
        return new TrainRule(target, "auto", DEFAULT_SEQUENCE_LEN);
    }

    /** The rule of an export with this job spec and axolotl {@code sequence_len}. */
    public static TrainRule forExport(Target target, JobSpec spec, int sequenceLen) {
        return new TrainRule(target, spec.trainOnInputs(), sequenceLen);
    }

    /**
     * The longest example (rendered tokens, BOS included) the target's trainer takes whole, 0 when the limit is not
     * known (Fireworks, Bedrock): {@code spotter export} applies the same figures.
     */
    public int limit() {
        return switch (target) {
            case TOGETHER -> Exporter.TOGETHER_MAX_TOKENS;
            case OPENAI -> Exporter.OPENAI_MAX_TOKENS;
            case AXOLOTL -> sequenceLen;
            case FIREWORKS, BEDROCK -> 0;
        };
    }

    /** Whether message {@code m} is in the loss; {@code lastAssistant}: it is the example's last assistant message. */
    public boolean trains(ChatMessage m, boolean lastAssistant) {
        boolean assistant = m.role() == Role.ASSISTANT;
        boolean weighted = !Integer.valueOf(0).equals(m.weight());
        return switch (target) {
            case TOGETHER -> (assistant || trainOnInputs.equals("true")) && weighted;
            case OPENAI, FIREWORKS -> assistant && weighted;
            case AXOLOTL -> assistant;
            case BEDROCK -> assistant && lastAssistant;
        };
    }

    /** The rule in words, for the report and {@code spotter preview}. */
    public String describe() {
        String lim = limit() == 0 ? "no token limit known" : String.format(Locale.ROOT, "limit %,d tokens", limit());
        return switch (target) {
            case TOGETHER ->
                (trainOnInputs.equals("true") ? "every message" : "assistant messages") + " (train_on_inputs "
                        + trainOnInputs + "), weight 0 not trained; " + lim;
            case OPENAI, FIREWORKS -> "assistant messages, weight 0 not trained; " + lim;
            case AXOLOTL ->
                "assistant messages (roles_to_train; weight is not mapped, so weight 0 is trained); " + "sequence_len "
                        + sequenceLen;
            case BEDROCK -> "the completion only (last assistant message); " + lim;
        };
    }
}
