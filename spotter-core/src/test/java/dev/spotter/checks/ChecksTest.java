package dev.spotter.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.checks.PaceCalculator.DistanceUnit;
import dev.spotter.checks.PaceCalculator.SpeedUnit;
import dev.spotter.format.ChatMessage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {
    private static final InjuryAnalysisChecker INJURY = InjuryAnalysisChecker.create();
    private static final PaceAnswerChecker PACE = PaceAnswerChecker.create();
    private static final Set<InjuryExpectation> NONE = EnumSet.noneOf(InjuryExpectation.class);

    private static List<String> codes(CheckResult r) {
        return r.violations().stream().map(CheckResult.Violation::code).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"injury", "doms", "red_flag", "unclear"})
    void sampleAnswersPass(String type) {
        Set<InjuryExpectation> e = switch (type) {
            case "doms" -> EnumSet.of(InjuryExpectation.DOMS_FALSE_POSITIVE);
            case "red_flag" -> EnumSet.of(InjuryExpectation.RED_FLAG);
            case "unclear" -> EnumSet.of(InjuryExpectation.AMBIGUOUS);
            default -> NONE;
        };
        assertThat(INJURY.check(SampleAnswers.injury(type).toString(), e).violations())
                .isEmpty();
    }

    @Test
    void schemaRejectsMissingFieldsExtraFieldsAndWrongTypes() {
        ObjectNode a = SampleAnswers.injury("injury");
        a.remove("escalation");
        a.put("diagnosis_certain", true);
        ((ObjectNode) a.path("confidence")).put("score", "high");
        CheckResult r = INJURY.check(a, NONE);
        assertThat(codes(r)).containsOnly("schema");
        assertThat(r.summary())
                .contains("escalation")
                .contains("diagnosis_certain")
                .contains("score");
        assertThat(codes(INJURY.check("not json at all", NONE))).containsExactly("not_json");
        assertThat(codes(INJURY.check("[1,2]", NONE))).containsExactly("not_json");
    }

    @Test
    void probabilitiesMustBeInRangeAndSumTo80To95Percent() {
        ObjectNode a = SampleAnswers.injury("injury");
        ((ObjectNode) a.path("differential_diagnoses").get(0)).put("probability", 0.75);
        assertThat(codes(INJURY.check(a, NONE))).containsExactly("probability_sum", "confidence_cap");
        ((ObjectNode) a.path("differential_diagnoses").get(0)).put("probability", -0.1);
        assertThat(codes(INJURY.check(a, NONE))).containsExactly("schema");
        ((ObjectNode) a.path("differential_diagnoses").get(0)).put("probability", 0.6);
        assertThat(INJURY.check(a, NONE).ok()).as("0.6 + 0.25 = 0.85").isTrue();
    }

    @Test
    void timelineNeedsDay3Day7AndAWeek2to4CheckpointInOrder() {
        ObjectNode a = SampleAnswers.injury("injury");
        ArrayNode tl = (ArrayNode) a.path("recovery_timeline");
        tl.remove(1); // day_7
        assertThat(codes(INJURY.check(a, NONE))).containsExactly("timeline_checkpoints");
        ObjectNode b = SampleAnswers.injury("injury");
        ((ObjectNode) b.path("recovery_timeline").get(0)).put("checkpoint", "week_3");
        assertThat(codes(INJURY.check(b, NONE))).contains("timeline_order", "timeline_checkpoints");
    }

    @Test
    void redFlagScenarioMustEscalateToAClinician() {
        ObjectNode a = SampleAnswers.injury("red_flag");
        ((ObjectNode) a.path("escalation")).put("see_clinician", "if_not_improving");
        assertThat(codes(INJURY.check(a, EnumSet.of(InjuryExpectation.RED_FLAG))))
                .contains("rf_urgency");
        // a red-flag scenario answered as an ordinary injury is also rejected
        assertThat(codes(INJURY.check(SampleAnswers.injury("injury"), EnumSet.of(InjuryExpectation.RED_FLAG))))
                .containsExactly("rf_assessment");
    }

    @Test
    void domsMustNotBeTreatedAsInjury() {
        Set<InjuryExpectation> doms = EnumSet.of(InjuryExpectation.DOMS_FALSE_POSITIVE);
        assertThat(codes(INJURY.check(SampleAnswers.injury("injury"), doms)))
                .contains("doms_treated_as_injury", "doms_top_differential");
        ObjectNode a = SampleAnswers.injury("doms");
        ((ObjectNode) a.path("escalation")).put("see_clinician", "within_24_hours");
        ((ObjectNode) a.path("load_management")).put("volume_reduction_percent", 80);
        assertThat(codes(INJURY.check(a, doms))).containsExactlyInAnyOrder("doms_escalation", "doms_overreaction");
    }

    @Test
    void ambiguousCasesNeedLowConfidenceAndQuestions() {
        Set<InjuryExpectation> amb = EnumSet.of(InjuryExpectation.AMBIGUOUS);
        ObjectNode a = SampleAnswers.injury("unclear");
        a.putArray("follow_up_questions").add("Did it swell up?");
        ((ObjectNode) a.path("confidence")).put("level", "high").put("score", 0.9);
        assertThat(codes(INJURY.check(a, amb)))
                .containsExactlyInAnyOrder("ambiguous_confidence", "ambiguous_questions", "confidence_cap");
        a.remove("follow_up_questions");
        assertThat(codes(INJURY.check(a, amb)))
                .as("the schema requires questions when unclear")
                .containsExactly("schema");
    }

    @Test
    void modificationsMustBeInternallyConsistent() {
        ObjectNode a = SampleAnswers.injury("injury");
        ((ObjectNode) a.path("exercise_modifications").get(0)).put("action", "stop");
        ((ObjectNode) a.path("confidence")).put("level", "high").put("score", 0.3);
        assertThat(codes(INJURY.check(a, NONE)))
                .containsExactlyInAnyOrder("modification_inconsistent", "confidence_inconsistent", "confidence_cap");
    }

    @Test
    void calculatorUsesExactConstants() {
        assertThat(PaceCalculator.speed(480, DistanceUnit.MI, SpeedUnit.MPH)).isCloseTo(7.5, within(1e-12));
        assertThat(PaceCalculator.pace(10, SpeedUnit.KMH, DistanceUnit.KM)).isCloseTo(360, within(1e-9));
        // 8:00/mi in km: 480 / 1.609344 = 298.258... s/km
        assertThat(PaceCalculator.pace(
                        PaceCalculator.speed(480, DistanceUnit.MI, SpeedUnit.KMH), SpeedUnit.KMH, DistanceUnit.KM))
                .isCloseTo(480 / 1.609344, within(1e-9));
        assertThat(PaceCalculator.finishTime(42.195, DistanceUnit.KM, 300, DistanceUnit.KM))
                .isCloseTo(12658.5, within(1e-9));
        assertThat(PaceCalculator.convert(26.2, DistanceUnit.MI, DistanceUnit.KM))
                .isCloseTo(42.1648128, within(1e-9));
        // Riegel: 5K 20:00 → 10K = 1200 * 2^1.06
        assertThat(PaceCalculator.riegel(1200, 5000, 10000, 1.06)).isCloseTo(1200 * Math.pow(2, 1.06), within(1e-9));
        assertThat(PaceCalculator.cumulativeSplits(5, DistanceUnit.KM, 1500, 1, DistanceUnit.MI))
                .containsExactly(
                        new double[] {
                            1500 * 1609.344 / 5000, 1500 * 2 * 1609.344 / 5000, 1500 * 3 * 1609.344 / 5000, 1500
                        },
                        within(1e-9));
        assertThat(PaceCalculator.clock(3725.4)).isEqualTo("1:02:05");
        assertThat(PaceCalculator.clock(59.6)).isEqualTo("1:00");
        assertThat(PaceCalculator.parseClock("1:02:05")).isEqualTo(3725);
    }

    @Test
    void paceAnswersWithRightArithmeticPassAndWrongArithmeticIsRejected() {
        assertThat(PACE.check(SampleAnswers.paceFinishTime(10, "km", 330, "km").toString())
                        .violations())
                .isEmpty();
        assertThat(PACE.check(SampleAnswers.paceRacePrediction(5, "km", 1500, 10, "km"))
                        .violations())
                .isEmpty();
        ObjectNode wrong = SampleAnswers.paceFinishTime(10, "km", 330, "km");
        ((ObjectNode) wrong.path("calculation").path("result")).put("time_seconds", 3360); // 56:00 instead of 55:00
        assertThat(codes(PACE.check(wrong))).contains("calc_wrong");
        ObjectNode km = SampleAnswers.paceFinishTime(10, "km", 330, "km");
        ((ObjectNode) km.path("calculation").path("inputs"))
                .put("distance_unit", "mi"); // 10 mi at 5:30/km is not 55:00
        assertThat(codes(PACE.check(km))).contains("calc_wrong");
        ObjectNode prose = SampleAnswers.paceFinishTime(10, "km", 330, "km");
        prose.put("answer", "It takes about fifty-five minutes, keep it steady.");
        assertThat(codes(PACE.check(prose))).containsExactly("prose_mismatch");
        ObjectNode model = SampleAnswers.paceRacePrediction(5, "km", 1500, 10, "km");
        ((ObjectNode) model.path("calculation").path("inputs")).put("exponent", 1.0);
        assertThat(codes(PACE.check(model))).contains("calc_model");
    }

    @Test
    void splitsAndSpeedsAreVerified() {
        ObjectNode a = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        a.put("answer", "Run each kilometre in 5:00 for a 25:00 5K.");
        ObjectNode c = a.putObject("calculation").put("type", "splits");
        c.putObject("inputs")
                .put("distance", 5)
                .put("distance_unit", "km")
                .put("time_seconds", 1500)
                .put("split_distance", 1)
                .put("split_unit", "km");
        c.putObject("result")
                .put("split_seconds", 300)
                .putArray("cumulative_seconds")
                .add(300)
                .add(600)
                .add(900)
                .add(1200)
                .add(1500);
        assertThat(PACE.check(a).violations()).isEmpty();
        ((ArrayNode) c.path("result").path("cumulative_seconds")).remove(4);
        assertThat(codes(PACE.check(a))).containsExactly("calc_wrong");

        ObjectNode s = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        s.put("answer", "An 8:00 mile pace is 7.5 mph on the treadmill.");
        ObjectNode sc = s.putObject("calculation").put("type", "pace_to_speed");
        sc.putObject("inputs").put("pace_seconds", 480).put("pace_unit", "mi");
        sc.putObject("result").put("speed", 7.5).put("speed_unit", "mph");
        assertThat(PACE.check(s).violations()).isEmpty();
        ((ObjectNode) sc.path("result")).put("speed_unit", "kmh");
        assertThat(codes(PACE.check(s))).contains("calc_wrong");
    }

    @Test
    void textChecksCatchRefusalsLeaksAndShape() {
        assertThat(codes(TextChecks.answerText(
                        "As an AI language model I cannot coach you, but rest is good for you.", 10, 1000)))
                .containsExactly("refusal");
        assertThat(codes(TextChecks.answerText(
                        "Squat to depth <|eot_id|> then stand up tall and brace hard.", 10, 1000)))
                .containsExactly("special_token");
        assertThat(codes(TextChecks.answerText("Hi {{name}}, squat deep and brace.", 10, 1000)))
                .containsExactly("template_leak");
        assertThat(codes(TextChecks.answerText("ok", 10, 1000))).containsExactly("too_short");
        assertThat(TextChecks.conversation(List.of(ChatMessage.user("q"), ChatMessage.assistant("a")), 1, 1)
                        .ok())
                .isTrue();
        assertThat(codes(TextChecks.conversation(List.of(ChatMessage.user("q"), ChatMessage.user("q2")), 1, 3)))
                .contains("shape");
        assertThat(codes(TextChecks.conversation(List.of(ChatMessage.user("q"), ChatMessage.assistant("a")), 2, 4)))
                .containsExactly("turns");
    }
}
