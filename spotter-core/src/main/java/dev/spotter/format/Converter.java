package dev.spotter.format;

import dev.spotter.ConfigurationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Streams validated chat JSONL into one training format. Each accepted example becomes exactly one output line
 * (in input order); each rejected line goes to the quarantine, so {@code written = accepted}.
 *
 * <ul>
 *   <li>{@link ConvertFormat#MESSAGES}: {@code {"messages":[...]}}, content untouched, {@code weight} set per
 *       {@link TrainOn} on assistant messages only (OpenAI allows weight only there; Together and Fireworks accept it).
 *   <li>{@link ConvertFormat#LLAMA3_TEXT}: {@code {"text": render(example)}}; BOS per the template.
 *   <li>{@link ConvertFormat#PROMPT_COMPLETION}: {@code {"prompt","completion"}}; prompt ends with the last
 *       assistant header, completion is that turn's trimmed content plus {@code <|eot_id|>}.
 * </ul>
 */
public final class Converter {

    private final ChatValidator validator;
    private final ConvertFormat format;
    private final TrainOn trainOn;
    private final UnaryOperator<ChatExample> transform; // null: content untouched

    private Converter(
            ChatValidator validator, ConvertFormat format, TrainOn trainOn, UnaryOperator<ChatExample> transform) {
        this.validator = validator;
        this.format = format;
        this.trainOn = trainOn;
        this.transform = transform;
    }

    /**
     * The same converter, applying {@code f} to each accepted example before it is written (e.g. voice reasoning
     * chains, {@code convert --add-reasoning}). Validation and token counts apply to the input as read.
     */
    public Converter withExampleTransform(UnaryOperator<ChatExample> f) {
        return new Converter(validator, format, trainOn, Objects.requireNonNull(f, "transform"));
    }

    /**
     * @throws IllegalArgumentException when {@code trainOn} cannot be expressed in {@code format}: llama3-text has
     *     no per-message weights, and prompt-completion always trains the last assistant turn only
     */
    public static Converter of(ChatValidator validator, ConvertFormat format, TrainOn trainOn) {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(trainOn, "trainOn");
        if (format == ConvertFormat.LLAMA3_TEXT && trainOn != TrainOn.SOURCE) {
            throw new ConfigurationException("llama3-text has no per-message weights; --train-on applies to messages"
                    + " (use the platform's train_on_inputs setting for text)");
        }
        if (format == ConvertFormat.PROMPT_COMPLETION && trainOn == TrainOn.ALL) {
            throw new ConfigurationException(
                    "prompt-completion trains only the last assistant turn; " + "--train-on all needs --to messages");
        }
        return new Converter(validator, format, trainOn, null);
    }

    /** Result: the validation summary plus lines written (always equal to accepted). */
    public record Result(ValidationSummary summary, long written) {}

    /** Converts {@code in} (read to its end) to UTF-8 JSONL on {@code out} (flushed, not closed). */
    public Result convert(InputStream in, String sourceName, OutputStream out, QuarantineWriter quarantine)
            throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long[] written = {0};
        Llama33Template t = validator.template();
        ValidationSummary s;
        try {
            s = validator.validate(
                    in,
                    sourceName,
                    a -> {
                        try {
                            w.write(line(a, t));
                            w.write('\n');
                            written[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    quarantine);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
        return new Result(s, written[0]);
    }

    /** One output line (no newline) for an accepted example. */
    String line(AcceptedLine a, Llama33Template t) {
        ChatExample ex = transform == null ? a.example() : transform.apply(a.example());
        return switch (format) {
            case MESSAGES -> format.line(weighted(ex, trainOn), t);
            // the validator already rendered the untransformed example: don't render it twice
            case LLAMA3_TEXT -> transform == null ? ConvertFormat.textLine(a.rendered()) : format.line(ex, t);
            case PROMPT_COMPLETION -> format.line(ex, t);
        };
    }

    /** Applies {@code trainOn} to assistant messages; non-assistant messages keep no weight key. */
    public static ChatExample weighted(ChatExample e, TrainOn trainOn) {
        if (trainOn == TrainOn.SOURCE) {
            return e;
        }
        List<ChatMessage> msgs = e.messages();
        int last = -1;
        for (int i = msgs.size() - 1; i >= 0 && last < 0; i--) {
            if (msgs.get(i).role() == Role.ASSISTANT) {
                last = i;
            }
        }
        List<ChatMessage> out = new ArrayList<>(msgs.size());
        for (int i = 0; i < msgs.size(); i++) {
            ChatMessage m = msgs.get(i);
            if (m.role() != Role.ASSISTANT) {
                out.add(m.withWeight(null));
            } else {
                out.add(m.withWeight(trainOn == TrainOn.ALL || i == last ? 1 : 0));
            }
        }
        return new ChatExample(out);
    }
}
