package dev.spotter.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds a short reasoning chain, derived from the parser's trace, before the JSON of each voice-log assistant turn.
 *
 * <p>Format (stable; documented in docs/areas/voice.md): the assistant content becomes
 * <pre>
 * Reasoning: 'rdl' → Romanian Deadlift; '315' → weight 315; unit → lb (not said; default); 'for 5' → reps 5.
 * {"exercise_id": ...}
 * </pre>
 * one line starting {@code Reasoning: }, steps separated by {@code "; "}, ending with {@code "."}, then the
 * original JSON unchanged on its own final line, so {@link #extractJson} (last line) still gets the label.
 *
 * <p>A chain is only added when the parser agrees with the label on every field the label has (see
 * {@link VoiceAudit#agree}); otherwise the chain would justify a different answer, and the turn is left as is.
 */
public final class VoiceReasoning {
    private static final ObjectMapper M = new ObjectMapper();
    public static final String PREFIX = "Reasoning: ";

    private final VoiceParser parser;

    public VoiceReasoning(VoiceParser parser) {
        this.parser = java.util.Objects.requireNonNull(parser, "parser");
    }

    /** Result: the example (changed or not) and how many assistant turns got a chain / were left alone. */
    public record Outcome(ChatExample example, int added, int skipped) {}

    public Outcome addReasoning(ChatExample ex) {
        List<ChatMessage> out = new ArrayList<>(ex.messages().size());
        VoiceContext ctx = VoiceContext.NONE;
        String lastUser = null;
        int added = 0;
        int skipped = 0;
        for (ChatMessage m : ex.messages()) {
            if (m.role() == Role.USER) {
                lastUser = m.content();
                out.add(m);
                continue;
            }
            if (m.role() != Role.ASSISTANT || lastUser == null || m.content().startsWith(PREFIX)) {
                out.add(m);
                continue;
            }
            VoiceLabel label;
            try {
                label = VoiceLabel.parse(extractJson(m.content()), parser.catalog());
            } catch (IllegalArgumentException e) {
                out.add(m);
                skipped++;
                continue;
            }
            VoiceResult r = parser.parse(lastUser, ctx);
            if (VoiceAudit.agree(label, r) || sameCardio(extractJson(m.content()), r)) {
                out.add(new ChatMessage(
                        Role.ASSISTANT, chain(r) + "\n" + m.content().strip(), m.weight()));
                added++;
            } else {
                out.add(m);
                skipped++;
            }
            ctx = label.toContext(parser.defaultWeightUnit())
                    .map(VoiceContext::of)
                    .orElse(VoiceContext.NONE);
            lastUser = null;
        }
        return new Outcome(new ChatExample(out), added, skipped);
    }

    /** Cardio labels agree when every contract field except confidence is equal. */
    private static boolean sameCardio(String labelJson, VoiceResult r) {
        if (!(r instanceof CardioLog)) {
            return false;
        }
        try {
            com.fasterxml.jackson.databind.node.ObjectNode a =
                    (com.fasterxml.jackson.databind.node.ObjectNode) M.readTree(labelJson);
            com.fasterxml.jackson.databind.node.ObjectNode b =
                    (com.fasterxml.jackson.databind.node.ObjectNode) M.readTree(r.toJson());
            a.remove("confidence");
            b.remove("confidence");
            return a.equals(b);
        } catch (Exception e) {
            return false;
        }
    }

    /** The one-line chain for a result. */
    public static String chain(VoiceResult r) {
        List<String> steps = new ArrayList<>(r.trace());
        if (r instanceof StrengthSet s && s.sets() == 1 && steps.stream().noneMatch(t -> t.contains("sets"))) {
            steps.add("sets → 1 (not said)");
        }
        return PREFIX + String.join("; ", steps) + ".";
    }

    /** The label JSON of an assistant turn with or without a chain: its last non-blank line. */
    public static String extractJson(String content) {
        String s = content.strip();
        int nl = s.lastIndexOf('\n');
        return nl < 0 ? s : s.substring(nl + 1).strip();
    }

    /** True when the content is JSON after an optional chain (used by tests and validators). */
    public static Optional<JsonNode> labelNode(String content) {
        try {
            return Optional.ofNullable(M.readTree(extractJson(content)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
