package dev.spotter.assemble;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ConvertFormat;
import dev.spotter.format.Llama33Template;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns one example into one line of an upload file. Upload lines carry only what the platform accepts
 * (Together rejects extra columns), so provenance never goes through here.
 */
public interface FormatWriter {
    /** The format name used in spotter.yaml {@code output.formats}. */
    String name();

    /** One JSON line without the newline. */
    String line(ChatExample example);

    /** The writer for a format name, if this build has one. */
    static Optional<FormatWriter> forName(String name) {
        return Optional.ofNullable(Registry.WRITERS.get(name));
    }

    /** Adds or replaces a writer. */
    static void register(FormatWriter w) {
        synchronized (Registry.WRITERS) {
            Registry.WRITERS.put(w.name(), w);
        }
    }

    /** Conversational JSONL {@code {"messages":[...]}} for Together, OpenAI and Fireworks. */
    FormatWriter MESSAGES = of(ConvertFormat.MESSAGES);

    /**
     * Together generic {@code {"text"}}: the conversation rendered by the foundation's {@link Llama33Template}
     * (defaults: date 26 Jul 2024, BOS included, so the trainer must not add another).
     */
    FormatWriter LLAMA3_TEXT = of(ConvertFormat.LLAMA3_TEXT);

    /** {@code {"prompt","completion"}}: rendered prompt up to the last assistant header, completion = last turn + eot. */
    FormatWriter PROMPT_COMPLETION = of(ConvertFormat.PROMPT_COMPLETION);

    /** A writer for one of the foundation's formats (the same line {@code spotter convert} writes), default template. */
    static FormatWriter of(ConvertFormat format) {
        Llama33Template template = Llama33Template.defaults();
        return new FormatWriter() {
            @Override
            public String name() {
                return format.cliName();
            }

            @Override
            public String line(ChatExample example) {
                return format.line(example, template);
            }
        };
    }

    /** Holder for the registered writers. */
    final class Registry {
        static final Map<String, FormatWriter> WRITERS = new TreeMap<>();

        static {
            for (FormatWriter w : new FormatWriter[] {MESSAGES, LLAMA3_TEXT, PROMPT_COMPLETION}) {
                WRITERS.put(w.name(), w);
            }
        }

        private Registry() {}
    }
}
