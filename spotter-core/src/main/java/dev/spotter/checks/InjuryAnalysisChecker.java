package dev.spotter.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.spotter.checks.ClinicalRules.RedFlag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an injury-analysis answer: the JSON Schema {@code injury-analysis.schema.json} first, then the clinical
 * rules a schema cannot express, from the one rule set in {@code clinical-rules.yaml} ({@link ClinicalRules}).
 * Stateless and thread-safe; create once with {@link #create()}.
 *
 * <p>What the checker receives: the answer (one JSON object per assistant turn) and a {@link Scenario} (the
 * category's expectations, the slot's attributes such as {@code red_flag}, {@code examine_first},
 * {@code lookalike}, {@code context}, {@code body_region}/{@code tendon}, {@code picture}, and the user turns).
 *
 * <p>Rules on every answer (code → rule): {@code probability_range} each probability in [0, 1];
 * {@code probability_sum} Σ between 0.80 and 0.95 (room for "something not listed"); {@code probability_order}
 * descending (red flags: the serious condition first, the rest descending); {@code differential_count} at least
 * 2 (3 for a first unclear answer); {@code confidence_inconsistent} level matches score (low 0–0.44, moderate
 * 0.45–0.74, high 0.75–1); {@code confidence_cap} level, score and top probability within the cap of the answer
 * type (DOMS high/0.90/0.90; classic injury high/0.85/0.80; other injury moderate/0.70/0.65; examine-first
 * moderate/0.65/0.60; first unclear low/0.44/0.45, later unclear moderate/0.60/0.55; red flag moderate/0.60; a
 * context that raises risk caps at moderate/0.70/0.65); {@code confidence_justification} non-DOMS justifications
 * say the assessment is from the description only; {@code reasoning_order}; {@code timeline_checkpoints},
 * {@code timeline_order}; {@code modification_inconsistent} (stop ⇒ load 0, sets 0, reps "0"; continue ⇒ load
 * &gt; 0 or, for an exercise without external load (bodyweight, walking, isometric), load 0 with sets &gt; 0;
 * reduce ⇒ load &lt; 100 and load &gt; 0 or sets &gt; 0; substitute names one); {@code load_management} injury ⇒ volume cut &gt; 0;
 * {@code escalation_floor} never not_needed, unclear with a bone-stress/tear/instability differential ⇒ at least
 * within_1_week; {@code medication} no medicine recommended (unless negated); {@code safety_net} a non-red-flag
 * answer's triggers include a red-flag sign of its region ({@code safety_net_region}: region unknown).
 * Red-flag answers: {@link RedFlagRules} ({@code rf_*}). Final answer of a scenario: {@code rf_assessment} a
 * red-flag scenario is answered red_flag; examine-first, DOMS, ambiguous, look-alike and context rules in
 * {@link ScenarioRules}. Conversations: {@code confidence_jump} confidence rises at most one level per answer.
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

    /** Checks answer text (must be one JSON object) as the final answer for category expectations only. */
    public CheckResult check(String answerJson, Set<InjuryExpectation> expect) {
        return check(answerJson, Scenario.of(expect));
    }

    public CheckResult check(JsonNode answer, Set<InjuryExpectation> expect) {
        return check(answer, Scenario.of(expect));
    }

    /** Checks a single-turn answer (the final and only answer of the scenario). */
    public CheckResult check(String answerJson, Scenario scenario) {
        return checkConversation(List.of(answerJson), scenario);
    }

    public CheckResult check(JsonNode answer, Scenario scenario) {
        return turn(answer, scenario, 0, 1);
    }

    /**
     * Checks every assistant answer of a conversation in order: the rules on every answer, the scenario rules on
     * the last one, and the confidence change between consecutive answers. Messages name the turn (1-based) when
     * there is more than one.
     */
    public CheckResult checkConversation(List<String> answers, Scenario scenario) {
        CheckResult all = CheckResult.OK;
        int previous = -1;
        for (int i = 0; i < answers.size(); i++) {
            Schemas.Parsed parsed = Schemas.parseObject(answers.get(i));
            CheckResult r = parsed.node() == null ? parsed.failure() : turn(parsed.node(), scenario, i, answers.size());
            if (parsed.node() != null
                    && r.violations().stream().noneMatch(v -> v.code().equals("schema"))) {
                int rank = new Analysis(parsed.node()).levelRank();
                if (previous >= 0 && rank - previous > 1) {
                    r = r.and(CheckResult.of(
                            "confidence_jump",
                            "confidence rose by more than one level between two answers (from " + level(previous)
                                    + " to " + level(rank) + ")"));
                }
                previous = rank;
            }
            all = all.and(answers.size() > 1 ? prefixed(r, "turn " + (i + 1) + ": ") : r);
        }
        return all;
    }

    private CheckResult turn(JsonNode answer, Scenario s, int index, int count) {
        CheckResult schemaResult = Schemas.validate(schema, answer);
        if (!schemaResult.ok()) {
            return schemaResult; // semantic rules assume the shape
        }
        CheckResult.Builder b = new CheckResult.Builder();
        Analysis a = new Analysis(answer);
        boolean last = index == count - 1;
        base(a, s, index, last, b);

        ClinicalRules rules = ClinicalRules.get();
        Optional<String> flagId = s.redFlagId();
        boolean redFlagScenario = s.expects(InjuryExpectation.RED_FLAG) || flagId.isPresent();
        if (last && redFlagScenario && !a.type.equals("red_flag")) {
            b.add(
                    "rf_assessment",
                    "red-flag scenario" + flagId.map(f -> " (" + f + ")").orElse("") + " answered as '" + a.type
                            + "' instead of red_flag");
        }
        if (a.type.equals("red_flag")) {
            RedFlag flag = null;
            if (flagId.isPresent()) {
                flag = rules.redFlag(flagId.get()).orElse(null);
                if (flag == null) {
                    b.add("rf_unknown_flag", "red flag '" + flagId.get() + "' is not in clinical-rules.yaml");
                }
            }
            RedFlagRules.check(a, flag, flag == null ? null : flag.id(), b);
        } else {
            s.region().ifPresent(r -> {
                if (!a.type.equals("doms")) {
                    ScenarioRules.safetyNet(a, r, b);
                }
            });
        }
        if (last) {
            if (s.expects(InjuryExpectation.DOMS_FALSE_POSITIVE)) {
                ScenarioRules.doms(a, s, b);
            }
            if (s.expects(InjuryExpectation.AMBIGUOUS)) {
                ScenarioRules.ambiguous(a, s, b);
            }
            s.attribute("lookalike")
                    .ifPresent(id -> rules.lookalike(id)
                            .ifPresentOrElse(
                                    l -> ScenarioRules.lookalike(a, l, b),
                                    () -> b.add(
                                            "lookalike_unknown",
                                            "look-alike '" + id + "' is not in clinical-rules.yaml")));
            if (s.attribute("examine_first").isPresent()
                    && rules.examineFirst(s.attribute("examine_first").get()).isEmpty()) {
                b.add(
                        "ef_unknown",
                        "examine-first trigger '" + s.attribute("examine_first").get()
                                + "' is not in clinical-rules.yaml");
            }
            s.examineFirst().ifPresent(ef -> ScenarioRules.examineFirst(a, ef, b));
        }
        s.attribute("context")
                .ifPresent(c -> rules.context(c)
                        .ifPresentOrElse(
                                ctx -> {
                                    if (last) {
                                        ScenarioRules.context(a, ctx, b);
                                    }
                                },
                                () -> b.add("context_unknown", "context '" + c + "' is not in clinical-rules.yaml")));
        return b.build();
    }

    private static void base(Analysis a, Scenario s, int index, boolean last, CheckResult.Builder b) {
        ClinicalRules rules = ClinicalRules.get();
        boolean redFlag = a.type.equals("red_flag");
        double sum = 0;
        for (int i = 0; i < a.differentials.size(); i++) {
            double p = a.differentials.get(i).probability();
            if (p < 0 || p > 1) {
                b.add("probability_range", "differential_diagnoses[" + i + "].probability " + p + " is outside [0, 1]");
            }
            sum += p;
            if (i > (redFlag ? 1 : 0) && p > a.differentials.get(i - 1).probability() + EPS) {
                b.add(
                        "probability_order",
                        "differential_diagnoses must be in descending order of probability"
                                + (redFlag ? " after the serious condition" : "") + " (item " + i + ")");
            }
        }
        if (sum < 0.80 - EPS || sum > 0.95 + EPS) {
            b.add(
                    "probability_sum",
                    String.format(
                            Locale.ROOT,
                            "differential probabilities sum to %.3f; they must sum to 0.80-0.95 (leave room for"
                                    + " something not listed)",
                            sum));
        }
        int minDifferentials = a.type.equals("unclear") && index == 0 ? 3 : 2;
        if (a.differentials.size() < minDifferentials) {
            b.add("differential_count", a.type + " answer needs at least " + minDifferentials + " differentials");
        }
        boolean consistent = switch (a.level) {
            case "low" -> a.score < 0.45 - EPS;
            case "moderate" -> a.score >= 0.45 - EPS && a.score < 0.75 - EPS;
            default -> a.score >= 0.75 - EPS;
        };
        if (!consistent) {
            b.add(
                    "confidence_inconsistent",
                    "confidence level '" + a.level + "' does not match score " + a.score
                            + " (low 0-0.44, moderate 0.45-0.74, high 0.75-1)");
        }
        Cap cap = cap(a, s, index, last);
        if (a.levelRank() > cap.level() || a.score > cap.score() + EPS || a.topProbability() > cap.top() + EPS) {
            b.add(
                    "confidence_cap",
                    String.format(
                            Locale.ROOT,
                            "%s: confidence at most %s (score <= %.2f, top differential <= %.2f) from a text report;"
                                    + " was %s %.2f, top %.2f",
                            cap.what(),
                            level(cap.level()),
                            cap.score(),
                            cap.top(),
                            a.level,
                            a.score,
                            a.topProbability()));
        }
        if (!a.type.equals("doms")
                && !rules.regex("description_only_regex")
                        .matcher(Phrases.lower(a.justification))
                        .find()) {
            b.add(
                    "confidence_justification",
                    "confidence.justification must say the assessment is from the description only (e.g. \"without"
                            + " an examination\")");
        }
        int step = 1;
        for (JsonNode st : a.node.path("reasoning_chain")) {
            if (st.path("step").asInt() != step) {
                b.add(
                        "reasoning_order",
                        "reasoning_chain step " + step + " is numbered "
                                + st.path("step").asInt());
                break;
            }
            step++;
        }
        timeline(a, b);
        modifications(a, b);
        if (a.type.equals("injury") && a.load.path("volume_reduction_percent").asDouble() <= 0) {
            b.add("load_management", "an injury answer must reduce training volume (volume_reduction_percent > 0)");
        }
        if (a.see == Urgency.NOT_NEEDED) {
            b.add("escalation_floor", "see_clinician not_needed removes the safety net: never in an injury answer");
        }
        if (a.type.equals("unclear")) {
            ScenarioRules.unclearFloor(a, b);
        }
        Phrases.findUnnegated(a.advice(), rules.medication(), rules.negators())
                .ifPresent(m -> b.add("medication", "the answer recommends a medicine (\"" + m + "\"): never"));
    }

    /** The confidence cap of an answer (requirements 3.2). */
    record Cap(int level, double score, double top, String what) {}

    static Cap cap(Analysis a, Scenario s, int index, boolean last) {
        Cap c = switch (a.type) {
            case "red_flag" -> new Cap(1, 0.60, 1.0, "red flag");
            case "doms" -> new Cap(2, 0.90, 0.90, "DOMS");
            case "unclear" ->
                index == 0
                        ? new Cap(0, 0.44, 0.45, "unclear first answer")
                        : new Cap(1, 0.60, 0.55, "unclear later answer");
            default -> {
                if (last && s.examineFirst().isPresent()) {
                    yield new Cap(1, 0.65, 0.60, "examine-first case");
                }
                yield s.classic()
                        ? new Cap(2, 0.85, 0.80, "classic injury picture")
                        : new Cap(1, 0.70, 0.65, "injury picture that is not marked classic");
            }
        };
        boolean risky = s.attribute("context")
                .flatMap(ClinicalRules.get()::context)
                .map(ClinicalRules.Context::raisesRisk)
                .orElse(false);
        if (risky && (c.level() > 1 || c.score() > 0.70 || c.top() > 0.65)) {
            c = new Cap(
                    Math.min(c.level(), 1),
                    Math.min(c.score(), 0.70),
                    Math.min(c.top(), 0.65),
                    c.what() + " in a context that raises risk");
        }
        return c;
    }

    private static void timeline(Analysis a, CheckResult.Builder b) {
        Set<String> checkpoints = new HashSet<>();
        int lastOrder = -1;
        boolean ordered = true;
        for (Analysis.Checkpoint c : a.timeline) {
            checkpoints.add(c.checkpoint());
            int ord = checkpointDays(c.checkpoint());
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
    }

    private static void modifications(Analysis a, CheckResult.Builder b) {
        int i = 0;
        for (Analysis.Modification m : a.modifications) {
            String where = "exercise_modifications[" + i++ + "] (" + m.exercise() + ")";
            switch (m.action()) {
                case "stop" -> {
                    if (m.load() != 0 || m.sets() != 0 || !m.reps().equals("0")) {
                        b.add(
                                "modification_inconsistent",
                                where + ": action stop needs load_percent 0, sets 0, reps \"0\"");
                    }
                }
                case "continue" -> {
                    if (m.load() <= 0 && m.sets() == 0) { // load 0 with sets: an exercise without external load
                        b.add("modification_inconsistent", where + ": action continue with load_percent 0 and 0 sets");
                    }
                }
                case "reduce" -> {
                    if ((m.load() <= 0 && m.sets() == 0) || m.load() >= 100) {
                        b.add(
                                "modification_inconsistent",
                                where + ": action reduce needs 0 < load_percent < 100, was " + m.load());
                    }
                }
                case "substitute" -> {
                    if (m.substitute().isBlank()) {
                        b.add("modification_inconsistent", where + ": action substitute names no substitute");
                    }
                }
                default -> {}
            }
        }
    }

    private static int checkpointDays(String cp) {
        return switch (cp) {
            case "day_3" -> 3;
            case "day_7" -> 7;
            default -> cp.startsWith("week_") ? 7 * Integer.parseInt(cp.substring(5)) : 999;
        };
    }

    private static String level(int rank) {
        return switch (rank) {
            case 0 -> "low";
            case 1 -> "moderate";
            default -> "high";
        };
    }

    private static CheckResult prefixed(CheckResult r, String prefix) {
        List<CheckResult.Violation> out = new ArrayList<>();
        for (CheckResult.Violation v : r.violations()) {
            out.add(new CheckResult.Violation(v.code(), prefix + v.message()));
        }
        return new CheckResult(out);
    }
}
