package dev.spotter.assemble;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.Llama33Template;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    FormatWriter MESSAGES = new FormatWriter() {
        @Override
        public String name() {
            return "messages";
        }

        @Override
        public String line(ChatExample example) {
            return ChatJson.toJsonLine(example);
        }
    };

    /**
     * Together generic {@code {"text"}}: the conversation rendered by the foundation's {@link Llama33Template}
     * (defaults: date 26 Jul 2024, BOS included, so the trainer must not add another).
     */
    FormatWriter LLAMA3_TEXT = new FormatWriter() {
        private final Llama33Template t = Llama33Template.defaults();

        @Override
        public String name() {
            return "llama3-text";
        }

        @Override
        public String line(ChatExample example) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("text", t.render(example));
            return o.toString();
        }
    };

    /** {@code {"prompt","completion"}}: rendered prompt up to the last assistant header, completion = last turn + eot. */
    FormatWriter PROMPT_COMPLETION = new FormatWriter() {
        private final Llama33Template t = Llama33Template.defaults();

        @Override
        public String name() {
            return "prompt-completion";
        }

        @Override
        public String line(ChatExample example) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("prompt", t.renderPrompt(example));
            o.put("completion", t.renderCompletion(example));
            return o.toString();
        }
    };

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
