package dev.spotter.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain mapping between a {@link ChatExample} and one line of chat JSONL ({@code {"messages":[...]}}).
 *
 * <p>This is the lenient, trusted-input path (data Spotter wrote itself). Untrusted files go through the
 * validating reader, which classifies every line with a reason code instead of throwing.
 */
public final class ChatJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChatJson() {}

    /** One compact JSON object, no trailing newline; {@code weight} only where the message has one. */
    public static String toJsonLine(ChatExample example) {
        return toNode(example).toString();
    }

    public static ObjectNode toNode(ChatExample example) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("messages");
        for (ChatMessage m : example.messages()) {
            ObjectNode o = arr.addObject();
            o.put("role", m.role().wireName());
            o.put("content", m.content());
            if (m.weight() != null) {
                o.put("weight", m.weight());
            }
        }
        return root;
    }

    /**
     * Parses one line; throws {@link IllegalArgumentException} naming the first problem.
     * Extra keys are ignored here; the validator is where they are rejected.
     */
    public static ChatExample parse(String line) {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        return fromNode(root);
    }

    public static ChatExample fromNode(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("line is not a JSON object");
        }
        JsonNode msgs = root.get("messages");
        if (msgs == null || !msgs.isArray()) {
            throw new IllegalArgumentException("no \"messages\" array");
        }
        List<ChatMessage> out = new ArrayList<>(msgs.size());
        for (JsonNode m : msgs) {
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
                throw new IllegalArgumentException("message without textual role and content");
            }
            Role r = Role.fromWire(role.asText())
                    .orElseThrow(() -> new IllegalArgumentException("unknown role: " + role.asText()));
            JsonNode w = m.get("weight");
            Integer weight = (w == null || w.isNull()) ? null : w.asInt();
            out.add(new ChatMessage(r, content.asText(), weight));
        }
        return new ChatExample(out);
    }
}
