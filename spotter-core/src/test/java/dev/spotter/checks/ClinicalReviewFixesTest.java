package dev.spotter.checks;

import static dev.spotter.checks.ClinicalRulesTest.attrs;
import static dev.spotter.checks.ClinicalRulesTest.check;
import static dev.spotter.checks.ClinicalRulesTest.esc;
import static dev.spotter.checks.ClinicalRulesTest.mod;
import static dev.spotter.checks.ClinicalRulesTest.redFlag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.ConfigurationException;
import dev.spotter.generate.Plan;
import dev.spotter.generate.Plans;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rule changes made after the independent clinical review (2026-12-01), each tested in both directions with
 * the author's own variants (not the reviewer's cases, which {@link IndependentClinicalSetTest} runs as given).
 */
class ClinicalReviewFixesTest {
    private static final ClinicalRules RULES = ClinicalRules.get();

    private static List<String> negs() {
        return RULES.negators();
    }

    private static ObjectNode actions(ObjectNode a, String... steps) {
        ArrayNode ia = esc(a).putArray("immediate_actions");
        for (String s : steps) {
            ia.add(s);
        }
        return a;
    }

    // ------------------------------------------------------------------ (b) aliases

    @Test
    void anAliasResolvesToTheCanonicalFlagInTheSlotAndInTheAnswer() {
        assertThat(RULES.redFlag("compartment_syndrome").orElseThrow().id()).isEqualTo("acute_compartment_syndrome");
        assertThat(RULES.redFlag("cardiac_chest_pain").orElseThrow().id()).isEqualTo("exertional_chest_pain");
        assertThat(RULES.redFlagIds()).doesNotContain("cardiac_chest_pain");
        ObjectNode a = SampleAnswers.redFlag("acute_compartment_syndrome");
        assertThat(check(a, redFlag("compartment_syndrome"))).isEmpty();
        esc(a).put("red_flag_id", "compartment_syndrome");
        assertThat(check(a, redFlag("acute_compartment_syndrome"))).isEmpty();
        esc(a).put("red_flag_id", "dvt");
        assertThat(check(a, redFlag("compartment_syndrome"))).containsExactly("rf_id");
        // a name that is neither an id nor an alias still fails closed
        assertThat(check(SampleAnswers.redFlag("dvt"), redFlag("compartment"))).contains("rf_unknown_flag");
    }

    // ------------------------------------------------------------------ (c) flags the rules did not have

    @Test
    void testicularTorsionIsAWholeBodyEmergencyAndAPhysealFractureASameDayXray() {
        ClinicalRules.RedFlag torsion = RULES.redFlag("testicular_torsion").orElseThrow();
        assertThat(torsion.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(torsion.scope()).isEqualTo(ClinicalRules.Scope.WHOLE_BODY);
        ClinicalRules.RedFlag physis = RULES.redFlag("growth_plate_fracture").orElseThrow();
        assertThat(physis.urgency()).isEqualTo(Urgency.WITHIN_24_HOURS);
        assertThat(physis.scope()).isEqualTo(ClinicalRules.Scope.LOCAL);
        ObjectNode a = SampleAnswers.redFlag("testicular_torsion");
        a.put("summary", a.path("summary").asText() + " It is probably just a groin strain.");
        assertThat(check(a, redFlag("testicular_torsion"))).contains("rf_forbidden_phrase", "rf_must_not");
        ObjectNode b = SampleAnswers.redFlag("growth_plate_fracture");
        esc(b).put("see_clinician", "within_1_week");
        assertThat(check(b, redFlag("growth_plate_fracture"))).contains("rf_urgency");
    }

    // ------------------------------------------------------------------ (d) precise phrase rules

    @Test
    void aNegatedOrListNegatesEveryItemOfItsClause() {
        assertThat(Phrases.findUnnegated(
                        "Do not foam roll, massage, stretch or use a massage gun on the calf.",
                        List.of("stretch"),
                        negs()))
                .isEmpty();
        assertThat(Phrases.findUnnegated(
                        "Do not have your neck cracked, massaged or stretched.", List.of("stretch", "massage"), negs()))
                .isEmpty();
        assertThat(Phrases.findUnnegated(
                        "Do not stretch the calf or test it with heel raises or hops.", List.of("heel raise"), negs()))
                .isEmpty();
    }

    @Test
    void theListEndsAtItsClauseSoLaterAdviceStillCounts() {
        assertThat(Phrases.findUnnegated(
                        "Do not rest or sit still, massage the calf hard.", List.of("massage"), negs()))
                .contains("massage");
        assertThat(Phrases.findUnnegated(
                        "Do not sit down or lie flat but keep moving and stretch the calf every hour.",
                        List.of("stretch"),
                        negs()))
                .contains("stretch");
        assertThat(Phrases.findUnnegated(
                        "Never ice it or rest it, and massage the calf firmly.", List.of("massage"), negs()))
                .contains("massage");
        // without an "or" list only the five-word window applies
        assertThat(Phrases.findUnnegated(
                        "Do not worry about the swelling in your leg today, just stretch it.",
                        List.of("stretch"),
                        negs()))
                .contains("stretch");
    }

    @Test
    void aTemperatureIsNotOddsButAProbabilityStillIs() {
        ObjectNode a = SampleAnswers.redFlag("septic_joint");
        String summary = a.path("summary").asText();
        a.put("summary", summary + " A hot swollen knee with a fever of 38.6 after a graze needs a joint aspiration.");
        assertThat(check(a, redFlag("septic_joint"))).isEmpty();
        a.put("summary", summary + " With a temperature of 38.6 there is a 0.2 chance of infection.");
        assertThat(check(a, redFlag("septic_joint"))).contains("rf_numeric_reassurance");
        a.put("summary", summary + " It is 38.6 times more likely to be bursitis.");
        assertThat(check(a, redFlag("septic_joint"))).contains("rf_numeric_reassurance");
    }

    @Test
    void theMaternityUnitNowIsTheEmergencyRouteInPregnancy() {
        ObjectNode a = SampleAnswers.redFlag("pregnancy_warning_signs");
        String rest = " From a message I cannot rule out a problem with the pregnancy; only an examination can.";
        a.put("summary", "Stop exercising and call your maternity assessment unit or midwife now." + rest);
        assertThat(check(a, redFlag("pregnancy_warning_signs"))).isEmpty();
        a.put("summary", "Stop exercising and mention it to your midwife at your next appointment." + rest);
        assertThat(check(a, redFlag("pregnancy_warning_signs"))).contains("rf_urgency_words");
    }

    @Test
    void onlyWithAnExaminationSaysWhatCannotBeRuledOut() {
        ObjectNode a = SampleAnswers.redFlag("foot_drop_progressive_weakness");
        String first = a.path("summary").asText().split("(?<=\\.) ")[0];
        a.put("summary", first + " The cause cannot be confirmed from a message, only with an examination and an MRI.");
        assertThat(check(a, redFlag("foot_drop"))).isEmpty();
        a.put("summary", first + " A nerve is being squeezed and it will need looking at.");
        assertThat(check(a, redFlag("foot_drop"))).contains("rf_cannot_rule_out");
    }

    @Test
    void aBodyweightItemMayContinueAtLoadZeroWithSetsButNotInARedFlag() {
        ObjectNode a = SampleAnswers.injury("injury");
        ((ArrayNode) a.path("exercise_modifications"))
                .addObject()
                .put("exercise", "Isometric wall sit")
                .put("action", "continue")
                .put("load_percent", 0)
                .put("sets", 3)
                .put("reps", "30 s")
                .put("rationale", "Bodyweight only and pain-free.");
        assertThat(check(a, Scenario.NONE)).doesNotContain("modification_inconsistent");
        ObjectNode last = (ObjectNode) a.path("exercise_modifications")
                .get(a.path("exercise_modifications").size() - 1);
        last.put("sets", 0);
        assertThat(check(a, Scenario.NONE)).contains("modification_inconsistent");
        last.put("action", "reduce").put("sets", 2);
        assertThat(check(a, Scenario.NONE)).doesNotContain("modification_inconsistent");
        ObjectNode r = SampleAnswers.redFlag("dvt");
        mod(r, 0).put("action", "continue").put("sets", 3).put("reps", "10");
        assertThat(check(r, redFlag("dvt"))).contains("rf_modifications");
    }

    @Test
    void askingAboutWeaknessNightPainOrTinglingScreensTheShoulder() {
        Scenario s = attrs(Set.of(InjuryExpectation.AMBIGUOUS), "body_region", "shoulder");
        ObjectNode a = SampleAnswers.unclear();
        a.putArray("follow_up_questions")
                .add("Where is the pain?")
                .add("Is the arm weak, and does it wake you at night?")
                .add("Any tingling down the arm?");
        assertThat(check(a, s)).doesNotContain("ambiguous_screen");
        a.putArray("follow_up_questions")
                .add("Where is the pain?")
                .add("Which exercise?")
                .add("How long for?");
        assertThat(check(a, s)).contains("ambiguous_screen");
    }

    // ------------------------------------------------------------------ (a) gaps the review exposed

    @Test
    void noFieldMayTellTheRedFlagPatientToDrive() {
        ObjectNode a = SampleAnswers.redFlag("exertional_chest_pain");
        assertThat(check(a, redFlag("exertional_chest_pain"))).isEmpty();
        actions(
                a,
                "Call your emergency number now.",
                "Do not drive yourself.",
                "Drive yourself to A&E if it is quicker.");
        assertThat(check(a, redFlag("exertional_chest_pain"))).containsExactly("rf_no_drive");
        actions(a, "Call your emergency number now; do not drive yourself.", "Or drive straight to the hospital.");
        assertThat(check(a, redFlag("exertional_chest_pain"))).containsExactly("rf_no_drive");
        actions(a, "Call your emergency number now; do not drive yourself or let him drive himself.");
        assertThat(check(a, redFlag("exertional_chest_pain"))).isEmpty();
    }

    @Test
    void heatStrokeIsCooledFirstAndNeverWrappedUp() {
        ObjectNode a = SampleAnswers.redFlag("exertional_heat_stroke");
        a.put(
                "summary",
                "Call your emergency number now. From a message I cannot rule out heat stroke; only an"
                        + " examination can.");
        actions(a, "Call your emergency number now.", "Cool him with cold water immediately and fan him.");
        assertThat(check(a, redFlag("exertional_heat_stroke"))).isEmpty();
        actions(a, "Call your emergency number now.", "Sit him in the shade.");
        assertThat(check(a, redFlag("exertional_heat_stroke"))).containsExactly("rf_must_do");
        actions(
                a,
                "Call your emergency number now.",
                "Do not use ice; wrap him in a foil blanket and wait for the" + " ambulance to start cooling him.");
        assertThat(check(a, redFlag("exertional_heat_stroke"))).contains("rf_must_not");
    }

    @Test
    void aCompartmentIsNeverCompressedOrRaisedHigh() {
        ObjectNode a = SampleAnswers.redFlag("acute_compartment_syndrome");
        actions(
                a,
                "Go to the emergency department now; do not drive yourself.",
                "Remove tight wraps or compression sleeves and keep the leg at heart level; do not raise it high.");
        assertThat(check(a, redFlag("acute_compartment_syndrome"))).isEmpty();
        actions(
                a,
                "Go to the emergency department now; do not drive yourself.",
                "Meanwhile put on a compression bandage and elevate the leg on pillows.");
        assertThat(check(a, redFlag("acute_compartment_syndrome"))).containsExactly("rf_must_not");
    }

    // ------------------------------------------------------------------ hand-written case categories

    @Test
    void aCaseMayNameACategoryByItsUniqueFirstPart() {
        Plan injury = Plans.load("injury");
        assertThat(injury.categoryByName("context").id()).isEqualTo("context-dependent");
        assertThat(injury.categoryByName("red-flag").id()).isEqualTo("red-flag");
        assertThat(injury.categoryByName("multi").id()).isEqualTo("multi-turn");
        assertThatThrownBy(() -> injury.categoryByName("contexts")).isInstanceOf(ConfigurationException.class);
    }
}
