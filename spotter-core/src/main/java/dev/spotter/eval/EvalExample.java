package dev.spotter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Provenance;
import dev.spotter.format.Role;
import java.util.List;
import java.util.Locale;

/**
 * One held-out example: the prompt (the conversation minus its last assistant turn), the gold answer (that
 * turn), the task and the category label (from the record's {@code task}/{@code category} fields, top level or
 * under {@code metadata}/{@code provenance}; empty when absent).
 */
record EvalExample(long line, Task task, String category, List<ChatMessage> prompt, String gold) {

    /** Parses a JSONL record; throws IllegalArgumentException with the reason when it cannot be evaluated. */
    static EvalExample of(long line, JsonNode root) {
        return of(line, root, null);
    }

    /** @param provenance the sidecar record for this line (category, plan, source), or null */
    static EvalExample of(long line, JsonNode root, Provenance provenance) {
        ChatExample ex = ChatJson.fromNode(root);
        List<ChatMessage> ms = ex.messages();
        int last = -1;
        for (int i = ms.size() - 1; i >= 0; i--) {
            if (ms.get(i).role() == Role.ASSISTANT) {
                last = i;
                break;
            }
        }
        if (last < 0) {
            throw new IllegalArgumentException("no assistant turn to compare with");
        }
        List<ChatMessage> prompt = List.copyOf(ms.subList(0, last));
        if (prompt.stream().noneMatch(m -> m.role() == Role.USER)) {
            throw new IllegalArgumentException("no user message before the last assistant turn");
        }
        String gold = ms.get(last).content();
        String category = label(root);
        if (provenance != null) {
            String p = label(provenance);
            category = category.isEmpty() ? p : category + " " + p;
        }
        return new EvalExample(line, detect(category, gold, prompt), category, prompt, gold);
    }

    /** The sidecar's labels, in the order {@link #label(JsonNode)} reads a holder's: category, plan, source. */
    private static String label(Provenance p) {
        StringBuilder sb = new StringBuilder();
        for (String v : new String[] {
            p.category(),
            p.generated() == null ? null : p.generated().plan(),
            p.built() == null ? null : p.built().source()
        }) {
            if (v != null) {
                sb.append(sb.isEmpty() ? "" : " ").append(v.toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    private static String label(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode holder : new JsonNode[] {root, root.path("metadata"), root.path("provenance")}) {
            for (String f : new String[] {"task", "category", "plan", "source"}) {
                JsonNode v = holder.get(f);
                if (v != null && v.isTextual()) {
                    sb.append(sb.isEmpty() ? "" : " ").append(v.asText().toLowerCase(Locale.ROOT));
                }
            }
        }
        return sb.toString();
    }

    /**
     * Order of evidence: an explicit label, then the shape of the gold answer (an injury analysis has
     * {@code assessment_type}, a pace answer {@code calculation}, a voice log {@code exercise_name} or a
     * {@code type} of strength/cardio/unparsed), then words in the system prompt.
     */
    static Task detect(String category, String gold, List<ChatMessage> prompt) {
        // Labels are words like "voice_parsing", "kb injury_mods", "injury red_flag", "running pace_calculations";
        // knowledge-base first, because its categories name topics (injury_mods) that are not injury analyses.
        List<String> words = List.of(category.split("[\\s/:,]+"));
        if (words.stream().anyMatch(w -> w.contains("voice"))) return Task.VOICE;
        if (words.stream().anyMatch(w -> w.equals("kb") || w.startsWith("knowledge"))) return Task.KB;
        if (words.stream().anyMatch(w -> w.startsWith("injury") || w.contains("red_flag") || w.contains("doms")))
            return Task.INJURY;
        if (words.stream().anyMatch(w -> w.startsWith("pace") || w.contains("calculation"))) return Task.PACE;
        if (words.stream().anyMatch(w -> w.startsWith("coach") || w.equals("qa"))) return Task.COACH;
        JsonNode g = AnswerJson.object(gold);
        if (g != null) {
            if (g.has("assessment_type")) return Task.INJURY;
            if (g.has("calculation")) return Task.PACE;
            String type = g.path("type").asText("");
            if (g.has("exercise_name")
                    || g.has("exercise_id")
                    || type.equals("strength")
                    || type.equals("cardio")
                    || type.equals("unparsed")) {
                return Task.VOICE;
            }
        }
        String sys = prompt.stream()
                .filter(m -> m.role() == Role.SYSTEM)
                .map(ChatMessage::content)
                .findFirst()
                .orElse("")
                .toLowerCase(Locale.ROOT);
        if (sys.contains("voice") || sys.contains("workout log")) return Task.VOICE;
        if (sys.contains("injur")) return Task.INJURY;
        if (sys.contains("pace") && sys.contains("calculat")) return Task.PACE;
        if (sys.contains("knowledge base")) return Task.KB;
        return Task.COACH;
    }

    /** The last user message: the utterance for voice parsing. */
    String lastUser() {
        for (int i = prompt.size() - 1; i >= 0; i--) {
            if (prompt.get(i).role() == Role.USER) {
                return prompt.get(i).content();
            }
        }
        return "";
    }
}
