package dev.spotter.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON as evaluation reads model answers: an answer counts as JSON only if the whole trimmed text is one object
 * ({@link #object}), and gold and predicted field values are compared leniently ({@link #sameValue}: numbers within
 * 1e-6, text ignoring case and surrounding space). {@link #MAPPER} also writes the evaluation reports.
 */
final class AnswerJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AnswerJson() {}

    /** The object, or null when the text is not exactly one JSON object. */
    static JsonNode object(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(text.strip());
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Equal numbers within 1e-6, equal text ignoring case and surrounding space, or both null/absent. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        boolean an = a == null || a.isNull() || a.isMissingNode();
        boolean bn = b == null || b.isNull() || b.isMissingNode();
        if (an || bn) {
            return an && bn;
        }
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.asDouble() - b.asDouble()) < 1e-6;
        }
        if (a.isNumber() || b.isNumber()) {
            try {
                return Math.abs(Double.parseDouble(a.asText().strip())
                                - Double.parseDouble(b.asText().strip()))
                        < 1e-6;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (a.isTextual() && b.isTextual()) {
            return a.asText().strip().equalsIgnoreCase(b.asText().strip());
        }
        return a.equals(b);
    }
}
