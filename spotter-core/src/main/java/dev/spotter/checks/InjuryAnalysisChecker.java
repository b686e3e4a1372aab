package dev.spotter.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Checks an injury-analysis answer: the JSON Schema {@code injury-analysis.schema.json} first, then rules a schema
 * cannot express. Stateless and thread-safe; create once with {@link #create()}.
 *
 * <p>Semantic rules (code → rule):
 * <ul>
 *   <li>{@code probability_range}, {@code probability_sum}: each differential probability in [0,1], sum ≤ 1
 *       (the rest is "something not listed").</li>
 *   <li>{@code confidence_inconsistent}: level and score agree (low ≤ 0.5, moderate 0.35–0.85, high ≥ 0.7).</li>
 *   <li>{@code reasoning_order}: steps numbered 1..n.</li>
 *   <li>{@code timeline_checkpoints}, {@code timeline_order}: day 3, day 7 and one of weeks 2–4 present, in order.</li>
 *   <li>{@code modification_inconsistent}: stop ⇒ load 0% and 0 sets; continue ⇒ load &gt; 0; reduce ⇒ load &lt; 100;
 *       substitute ⇒ names the substitute.</li>
 *   <li>{@code load_management}: an injury answer reduces volume (&gt; 0%).</li>
 *   <li>{@code red_flag_escalation}: a red-flag answer (or any red-flag scenario) sends the user to a clinician
 *       emergency/within 24 h and does not continue training as usual.</li>
 *   <li>{@code doms_*}: a DOMS scenario is answered as DOMS (assessment doms, DOMS the most likely differential,
 *       no urgent escalation, no stopping, volume cut ≤ 50%).</li>
 *   <li>{@code ambiguous_*}: an ambiguous scenario has non-high confidence, ≥ 2 differentials, follow-up questions.</li>
 * </ul>
 */
public final class InjuryAnalysisChecker {
    private static final double EPS = 1e-6;
    private final Schema schema;

    private InjuryAnalysisChecker(Schema schema) {
        this.schema = schema;
    }

    public static InjuryAnalysisChecker create() {
        return new InjuryAnalysisChecker(Schemas.load("injury-analysis.schema.json"));
    }

    /** Checks answer text (must be one JSON object). */
    public CheckResult check(String answerJson, Set<InjuryExpectation> expect) {
        Schemas.Parsed parsed = Schemas.parseObject(answerJson);
        return parsed.node() == null ? parsed.failure() : check(parsed.node(), expect);
    }

    public CheckResult check(JsonNode answer, Set<InjuryExpectation> expect) {
        CheckResult schemaResult = Schemas.validate(schema, answer);
        if (!schemaResult.ok()) {
            return schemaResult; // semantic rules assume the shape
        }
        CheckResult.Builder b = new CheckResult.Builder();
        String type = answer.path("assessment_type").asText();

        double sum = 0;
        int i = 0;
        for (JsonNode d : answer.path("differential_diagnoses")) {
            double p = d.path("probability").asDouble();
            if (p < 0 || p > 1) {
                b.add("probability_range", "differential_diagnoses[" + i + "].probability " + p + " is outside [0, 1]");
            }
            sum += p;
            i++;
        }
        if (sum > 1 + EPS) {
            b.add("probability_sum", String.format(Locale.ROOT, "differential probabilities sum to %.3f > 1", sum));
        }

        String level = answer.path("confidence").path("level").asText();
        double score = answer.path("confidence").path("score").asDouble();
        boolean consistent = switch (level) {
            case "low" -> score <= 0.5;
            case "moderate" -> score >= 0.35 && score <= 0.85;
            default -> score >= 0.7;
        };
        if (!consistent) {
            b.add("confidence_inconsistent", "confidence level '" + level + "' does not match score " + score);
        }

        int step = 1;
        for (JsonNode s : answer.path("reasoning_chain")) {
            if (s.path("step").asInt() != step) {
                b.add(
                        "reasoning_order",
                        "reasoning_chain step " + step + " is numbered "
                                + s.path("step").asInt());
                break;
            }
            step++;
        }

        Set<String> checkpoints = new HashSet<>();
        int lastOrder = -1;
        boolean ordered = true;
        for (JsonNode c : answer.path("recovery_timeline")) {
            String cp = c.path("checkpoint").asText();
            checkpoints.add(cp);
            int ord = checkpointDays(cp);
            if (ord <= lastOrder) {
                ordered = false;
            }
            lastOrder = ord;
        }
        if (!checkpoints.contains("day_3")
                || !checkpoints.contains("day_7")
                || !(checkpoints.contains("week_2")
                        || checkpoints.contains("week_3")
                        || checkpoints.contains("week_4"))) {
            b.add(
                    "timeline_checkpoints",
                    "recovery_timeline needs day_3, day_7 and a week 2-4 checkpoint, has " + checkpoints);
        }
        if (!ordered) {
            b.add("timeline_order", "recovery_timeline checkpoints are not in chronological order without repeats");
        }

        i = 0;
        boolean anyContinue = false;
        boolean anyStop = false;
        for (JsonNode m : answer.path("exercise_modifications")) {
            String action = m.path("action").asText();
            double load = m.path("load_percent").asDouble();
            String where =
                    "exercise_modifications[" + i++ + "] (" + m.path("exercise").asText() + ")";
            switch (action) {
                case "stop" -> {
                    anyStop = true;
                    if (load != 0 || m.path("sets").asInt() != 0) {
                        b.add("modification_inconsistent", where + ": action stop needs load_percent 0 and sets 0");
                    }
                }
                case "continue" -> {
                    anyContinue = true;
                    if (load <= 0) {
                        b.add("modification_inconsistent", where + ": action continue with load_percent 0");
                    }
                }
                case "reduce" -> {
                    if (load <= 0 || load >= 100) {
                        b.add(
                                "modification_inconsistent",
                                where + ": action reduce needs 0 < load_percent < 100, was " + load);
                    }
                }
                case "substitute" -> {
                    if (!m.hasNonNull("substitute")) {
                        b.add("modification_inconsistent", where + ": action substitute names no substitute");
                    }
                }
                default -> {}
            }
        }

        double volumeCut =
                answer.path("load_management").path("volume_reduction_percent").asDouble();
        if (type.equals("injury") && volumeCut <= 0) {
            b.add("load_management", "an injury answer must reduce training volume (volume_reduction_percent > 0)");
        }

        String see = answer.path("escalation").path("see_clinician").asText();
        boolean urgent = see.equals("emergency") || see.equals("within_24_hours");
        if (type.equals("red_flag") && (!urgent || anyContinue)) {
            b.add(
                    "red_flag_escalation",
                    "a red_flag assessment must send the user to a clinician (emergency or within_24_hours) "
                            + "and not continue training; was see_clinician=" + see
                            + (anyContinue ? " with 'continue' modifications" : ""));
        }
        if (expect.contains(InjuryExpectation.RED_FLAG) && !type.equals("red_flag")) {
            b.add("red_flag_escalation", "red-flag scenario answered as '" + type + "' instead of red_flag");
        }

        if (expect.contains(InjuryExpectation.DOMS_FALSE_POSITIVE)) {
            if (!type.equals("doms")) {
                b.add("doms_treated_as_injury", "DOMS scenario answered as '" + type + "' instead of doms");
            }
            JsonNode top = null;
            for (JsonNode d : answer.path("differential_diagnoses")) {
                if (top == null
                        || d.path("probability").asDouble()
                                > top.path("probability").asDouble()) {
                    top = d;
                }
            }
            String topName = top == null ? "" : top.path("condition").asText().toLowerCase(Locale.ROOT);
            if (!(topName.contains("doms") || topName.contains("delayed onset") || topName.contains("delayed-onset"))) {
                b.add(
                        "doms_top_differential",
                        "DOMS scenario: the most likely differential is '" + topName + "', not DOMS");
            }
            if (urgent) {
                b.add("doms_escalation", "DOMS scenario escalated as urgent (" + see + ")");
            }
            if (anyStop) {
                b.add("doms_stop", "DOMS scenario tells the user to stop an exercise");
            }
            if (volumeCut > 50) {
                b.add("doms_overreaction", "DOMS scenario cuts volume by " + volumeCut + "% (> 50%)");
            }
        }

        if (expect.contains(InjuryExpectation.AMBIGUOUS)) {
            if (level.equals("high")) {
                b.add("ambiguous_confidence", "ambiguous scenario answered with high confidence");
            }
            if (answer.path("differential_diagnoses").size() < 2) {
                b.add("ambiguous_differential", "ambiguous scenario needs at least 2 differential diagnoses");
            }
            if (answer.path("follow_up_questions").size() < 1) {
                b.add("ambiguous_questions", "ambiguous scenario must ask follow-up questions");
            }
        }
        return b.build();
    }

    private static int checkpointDays(String cp) {
        return switch (cp) {
            case "day_3" -> 3;
            case "day_7" -> 7;
            default -> cp.startsWith("week_") ? 7 * Integer.parseInt(cp.substring(5)) : 999;
        };
    }
}
