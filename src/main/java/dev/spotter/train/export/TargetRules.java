package dev.spotter.train.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks each platform applies to an uploaded file, applied here per record before writing it, so a file
 * Spotter writes is one the platform accepts. Sources (platforms.md): together-python {@code utils/files.py}
 * ({@code together files check}), the OpenAI cookbook's chat data-prep notebook, Fireworks and Bedrock docs.
 */
final class TargetRules {
    /** Llama 3 special-token spellings; a literal one inside content would be parsed as the token by HF. */
    static final Pattern SPECIAL_TOKEN = Pattern.compile(
            "<\\|(begin_of_text|end_of_text|start_header_id|end_header_id|eot_id|eom_id|python_tag|finetune_right_pad_id"
                    + "|step_id|image|reserved_special_token_\\d+)\\|>");
    private static final Set<String> OPENAI_MESSAGE_KEYS = Set.of("role", "content", "name", "function_call", "weight");

    private TargetRules() {}

    /**
     * Parses one JSON line into an example with reason codes shaped after the OpenAI cookbook's categories
     * (data_type, missing_messages_list, message_missing_key, unrecognized_role, missing_content, bad_weight).
     * Extra top-level keys are dropped by every writer (Together would reject them as extra columns).
     */
    static ChatExample parse(JsonNode root, Target target, List<Reject> out) {
        if (root == null || !root.isObject()) {
            out.add(new Reject("data_type", "line is not a JSON object"));
            return null;
        }
        JsonNode msgs = root.get("messages");
        if (msgs == null || !msgs.isArray()) {
            out.add(new Reject("missing_messages_list", "no \"messages\" list"));
            return null;
        }
        if (msgs.isEmpty()) {
            out.add(new Reject("empty_messages", "\"messages\" is empty"));
            return null;
        }
        List<ChatMessage> list = new ArrayList<>(msgs.size());
        int i = 0;
        for (JsonNode m : msgs) {
            i++;
            if (!m.isObject()) {
                out.add(new Reject("data_type", "message " + i + " is not an object"));
                return null;
            }
            JsonNode role = m.get("role");
            if (role == null || !m.has("content")) {
                out.add(new Reject("message_missing_key", "message " + i + " lacks " + (role == null ? "role" : "content")));
                return null;
            }
            if (target == Target.OPENAI) {
                for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!OPENAI_MESSAGE_KEYS.contains(k)) {
                        out.add(new Reject("message_unrecognized_key", "message " + i + " has key \"" + k + "\""));
                        return null;
                    }
                }
            }
            Optional<Role> r = role.isTextual() ? Role.fromWire(role.asText()) : Optional.empty();
            if (r.isEmpty()) {
                out.add(new Reject("unrecognized_role", "message " + i + " role " + role));
                return null;
            }
            JsonNode content = m.get("content");
            if (!content.isTextual()) {
                out.add(new Reject("missing_content", "message " + i + " content is not a string"));
                return null;
            }
            JsonNode w = m.get("weight");
            Integer weight = null;
            if (w != null && !w.isNull()) {
                if (!w.isIntegralNumber() || (w.asInt() != 0 && w.asInt() != 1)) {
                    out.add(new Reject("bad_weight", "message " + i + " weight must be 0 or 1, was " + w));
                    return null;
                }
                weight = w.asInt();
            }
            list.add(new ChatMessage(r.get(), content.asText(), weight));
        }
        return new ChatExample(list);
    }

    /** The target's record-level rules; the first violation wins. */
    static Optional<Reject> check(ChatExample ex, Target target) {
        List<ChatMessage> ms = ex.messages();
        if (target != Target.OPENAI) {
            for (int i = 0; i < ms.size(); i++) {
                var m = SPECIAL_TOKEN.matcher(ms.get(i).content());
                if (m.find()) {
                    return Optional.of(new Reject("special_token_text",
                            "message " + (i + 1) + " contains the literal special token " + m.group()));
                }
            }
        }
        for (int i = 0; i < ms.size(); i++) {
            if (ms.get(i).content().isBlank() && (target == Target.OPENAI || ms.get(i).role() == Role.ASSISTANT)) {
                return Optional.of(new Reject("missing_content", "message " + (i + 1) + " (" + ms.get(i).role().wireName()
                        + ") is empty"));
            }
        }
        if (!ex.has(Role.ASSISTANT)) {
            return Optional.of(new Reject("example_missing_assistant_message", "no assistant message"));
        }
        switch (target) {
            case TOGETHER, AXOLOTL -> {
                for (int i = 1; i < ms.size(); i++) {
                    if (ms.get(i).role() == ms.get(i - 1).role()) {
                        return Optional.of(new Reject("consecutive_same_role", "messages " + i + " and " + (i + 1)
                                + " are both " + ms.get(i).role().wireName()));
                    }
                }
            }
            case FIREWORKS -> {
                for (int i = 1; i < ms.size(); i++) {
                    if (ms.get(i).role() == Role.SYSTEM) {
                        return Optional.of(new Reject("system_not_first", "system message at position " + (i + 1)));
                    }
                }
            }
            case BEDROCK -> {
                if (ms.get(ms.size() - 1).role() != Role.ASSISTANT) {
                    return Optional.of(new Reject("last_not_assistant",
                            "prompt/completion needs the conversation to end with the assistant's answer"));
                }
                for (int i = 1; i < ms.size(); i++) {
                    if (ms.get(i).role() == Role.SYSTEM) {
                        return Optional.of(new Reject("system_not_first", "system message at position " + (i + 1)));
                    }
                }
            }
            case OPENAI -> { }
        }
        return Optional.empty();
    }
}
