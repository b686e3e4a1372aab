package dev.spotter.assemble;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ConvertFormat;
import dev.spotter.format.Llama33Template;

/**
 * Turns one example into one line of an upload file. Upload lines carry only what the platform accepts
 * (Together rejects extra columns), so provenance never goes through here. The build writes the project's
 * {@code output.formats} with {@link #of}; {@link BuildPipeline.Builder#writers} takes others.
 */
public interface FormatWriter {
    /** The format name: the directory the build writes its {@code train.jsonl} and {@code validation.jsonl} to. */
    String name();

    /** One JSON line without the newline. */
    String line(ChatExample example);

    /**
     * A writer for one of the foundation's formats (the same line {@code spotter convert} writes), default template:
     * {@code messages} (conversational JSONL for Together, OpenAI and Fireworks), {@code llama3-text} (the
     * conversation rendered by {@link Llama33Template}, date 26 Jul 2024, BOS included so the trainer must not add
     * another), {@code prompt-completion} (prompt up to the last assistant header, completion = last turn + eot).
     */
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
}
