package dev.spotter.assemble;

import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
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

    /** Adds a writer (the foundation's {@code llama3-text} and {@code prompt-completion} register here). */
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

    /** Holder for the registered writers. */
    final class Registry {
        static final Map<String, FormatWriter> WRITERS = new TreeMap<>();

        static {
            WRITERS.put(MESSAGES.name(), MESSAGES);
        }

        private Registry() {}
    }
}
