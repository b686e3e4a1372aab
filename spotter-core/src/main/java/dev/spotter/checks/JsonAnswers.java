package dev.spotter.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * How a model's text answer is read as JSON, shared by generation (the generator's replies) and evaluation (the
 * evaluated model's answers): one Markdown code fence around the object is removed (a fenced JSON answer is JSON,
 * not prose), then the whole remaining text must be one object.
 */
public final class JsonAnswers {
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonAnswers() {}

    /** The text inside a leading ```/```json fence (up to the last ```), else the text unchanged. */
    public static String stripFences(String s) {
        String t = s.strip();
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (nl > 0 && end > nl) {
                return t.substring(nl + 1, end).strip();
            }
        }
        return t;
    }

    /** The object, or null when the text (fences removed) is not exactly one JSON object. */
    public static @Nullable JsonNode object(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode n = STRICT.readTree(stripFences(text));
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }
}
