package dev.spotter.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Read-only view of an injury-analysis answer that passed the schema: typed fields and the text groups the
 * phrase rules scan. "Advice" is what the user is told to do (summary, modification rationales, load
 * management, timeline, immediate actions, follow-up questions); it excludes the reasoning chain (it quotes the
 * user), the differentials (benign conditions are named there on purpose) and the escalation triggers (they
 * describe warning signs, e.g. "pain when the toes are stretched").
 */
final class Analysis {
    record Differential(String condition, double probability, boolean hasAgainst) {}

    record Modification(
            String exercise, String action, double load, int sets, String reps, String substitute, String rationale) {}

    record Checkpoint(String checkpoint, String expected, String ifNot) {}

    final JsonNode node;
    final String type;
    final String summary;
    final String level;
    final double score;
    final String justification;
    final List<Differential> differentials = new ArrayList<>();
    final List<Modification> modifications = new ArrayList<>();
    final List<Checkpoint> timeline = new ArrayList<>();
    final List<String> observations = new ArrayList<>();
    final List<String> inferences = new ArrayList<>();
    final @Nullable Urgency see; // null when the answer names no level Spotter knows (read as a miss)
    final String scope;
    final String redFlagId;
    final String clinicianType;
    final List<String> triggers = new ArrayList<>();
    final List<String> immediateActions = new ArrayList<>();
    final List<String> followUps = new ArrayList<>();
    final JsonNode load;

    Analysis(JsonNode a) {
        node = a;
        type = a.path("assessment_type").asText("");
        summary = a.path("summary").asText("");
        level = a.path("confidence").path("level").asText("");
        score = a.path("confidence").path("score").asDouble();
        justification = a.path("confidence").path("justification").asText("");
        for (JsonNode d : a.path("differential_diagnoses")) {
            differentials.add(new Differential(
                    d.path("condition").asText(""),
                    d.path("probability").asDouble(),
                    d.path("against_evidence").size() > 0));
        }
        for (JsonNode m : a.path("exercise_modifications")) {
            modifications.add(new Modification(
                    m.path("exercise").asText(""),
                    m.path("action").asText(""),
                    m.path("load_percent").asDouble(),
                    m.path("sets").asInt(),
                    m.path("reps").asText(""),
                    m.path("substitute").asText(""),
                    m.path("rationale").asText("")));
        }
        for (JsonNode c : a.path("recovery_timeline")) {
            timeline.add(new Checkpoint(
                    c.path("checkpoint").asText(""),
                    c.path("expected_progress").asText(""),
                    c.path("if_not_improved").asText("")));
        }
        for (JsonNode s : a.path("reasoning_chain")) {
            observations.add(s.path("observation").asText(""));
            inferences.add(s.path("inference").asText(""));
        }
        JsonNode esc = a.path("escalation");
        see = Urgency.parse(esc.path("see_clinician").asText(""));
        scope = esc.path("scope").asText("");
        redFlagId = esc.path("red_flag_id").asText("");
        clinicianType = esc.path("clinician_type").asText("");
        esc.path("triggers").forEach(t -> triggers.add(t.asText("")));
        esc.path("immediate_actions").forEach(t -> immediateActions.add(t.asText("")));
        a.path("follow_up_questions").forEach(t -> followUps.add(t.asText("")));
        load = a.path("load_management");
    }

    /** Confidence level as a rank: low 0, moderate 1, high 2 (unknown = 2, so caps fail closed). */
    int levelRank() {
        return switch (level) {
            case "low" -> 0;
            case "moderate" -> 1;
            default -> 2;
        };
    }

    double topProbability() {
        return differentials.stream()
                .mapToDouble(Differential::probability)
                .max()
                .orElse(0);
    }

    /** The most probable differential's name (first on ties), "" when none. */
    String topCondition() {
        Differential best = null;
        for (Differential d : differentials) {
            if (best == null || d.probability() > best.probability()) {
                best = d;
            }
        }
        return best == null ? "" : best.condition();
    }

    String advice() {
        List<String> parts = new ArrayList<>();
        parts.add(summary);
        for (Modification m : modifications) {
            if (!m.action().equals("stop")) {
                parts.add(m.exercise());
                parts.add(m.substitute());
            }
            parts.add(m.rationale());
        }
        parts.add(load.path("frequency").asText(""));
        parts.add(load.path("return_criteria").asText(""));
        for (Checkpoint c : timeline) {
            parts.add(c.expected());
            parts.add(c.ifNot());
        }
        parts.addAll(immediateActions);
        parts.addAll(followUps);
        return join(parts);
    }

    String reasoning() {
        List<String> parts = new ArrayList<>(observations);
        parts.addAll(inferences);
        return join(parts);
    }

    String triggersText() {
        return join(triggers);
    }

    static String join(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                // each field ends a sentence, so a phrase never spans two fields
                sb.append(p.strip()).append(p.strip().matches(".*[.!?]$") ? "\n" : ".\n");
            }
        }
        return sb.toString();
    }

    static boolean isDoms(String condition) {
        String c = Phrases.normalise(condition);
        return c.contains("doms") || c.contains("delayed onset") || c.contains("muscle soreness");
    }
}
