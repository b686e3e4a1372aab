package dev.spotter.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gaps the independent coach/running review (2026-12-01) found in {@link CoachAnswerChecker}: each rule both ways,
 * in wordings of our own (not the review's cases).
 */
class CoachReviewGapsTest {
    private static final CoachAnswerChecker COACH = CoachAnswerChecker.create();

    private static List<String> codes(String answer, Map<String, String> slot, String user) {
        return COACH.check(answer, slot, user).violations().stream()
                .map(CheckResult.Violation::code)
                .distinct()
                .toList();
    }

    private static List<String> codes(String answer, Map<String, String> slot) {
        return codes(answer, slot, "");
    }

    @Test
    void warningSymptomInTheQuestionMustBeEscalated() {
        String chest =
                "52, on the bike intervals my chest feels heavy and squeezed, eases after a minute off. just unfit?";
        assertThat(codes("Classic low fitness. Do 8 x 30 s hard twice a week and it will fade.", Map.of(), chest))
                .containsExactly("warning_symptom");
        assertThat(codes(
                        "No intervals for now. Heaviness in the chest with effort can come from the heart: see a doctor"
                                + " today, and call the emergency number if it comes on at rest. No exercise until cleared.",
                        Map.of(),
                        chest))
                .isEmpty();
        String urine = "legs like wood after 300 wall balls, and my wee is brown like tea. normal?";
        assertThat(codes("See a doctor today if it lasts and drink water.", Map.of(), urine))
                .as("rhabdomyolysis needs the emergency department, a doctor today is too slow")
                .containsExactly("warning_symptom");
        assertThat(codes("Go to the emergency department now and do not drive yourself.", Map.of(), urine))
                .isEmpty();
        String heat = "my sister is disorientated and weaving about after the hot 15k. what now";
        assertThat(codes("Sit her in the shade with a sports drink and check again in an hour.", Map.of(), heat))
                .containsExactly("warning_symptom");
        assertThat(codes("Call the emergency number now and cool her with cold water while you wait.", Map.of(), heat))
                .isEmpty();
        assertThat(codes("Keep lifting as usual.", Map.of("warning_symptom", "a hot swollen joint with a fever"), ""))
                .as("the plan's warning-symptom slot counts like the user's words")
                .containsExactly("warning_symptom");
        assertThat(codes("Keep lifting as usual, 3 x 8 at RPE 7.", Map.of("warning_symptom", "none"), ""))
                .isEmpty();
    }

    @Test
    void selfHarmAndKidneyDiseaseNeedTheRightHelp() {
        String low = "failed my total again, sometimes I think about self harm after bad sessions";
        assertThat(codes("Take a deload week and pick a new meet.", Map.of(), low))
                .containsExactly("self_harm");
        assertThat(codes("I'm glad you told me. Please call a crisis line such as 988 today.", Map.of(), low))
                .isEmpty();
        String ckd = "I have CKD stage 3, how much protein for muscle?";
        assertThat(codes("Aim for about 1.6 g per kg of protein a day.", Map.of(), ckd))
                .containsExactly("medical_condition");
        assertThat(codes("Your kidney doctor or a renal dietitian should set your protein.", Map.of(), ckd))
                .isEmpty();
    }

    @Test
    void caffeineNumbersThatAreFramedOrCappedPassAndUncappedOnesFail() {
        Map<String, String> m90 = Map.of("body_weight", "90 kg", "topic", "pre-workout meal");
        assertThat(codes("Have the full 400 mg in one go before squats.", m90))
                .as("the topic makes the number a caffeine number")
                .containsExactly("caffeine_dose");
        assertThat(codes(
                        "At 3 mg per kg that works out to 270 mg. That is over one dose, so the ceiling is 200 mg.",
                        m90))
                .isEmpty();
        Map<String, String> preg = Map.of("population", "pregnant");
        assertThat(codes("A 250 mg caffeine shot before lifting is fine.", preg))
                .contains("caffeine_dose");
        assertThat(codes("I'd skip the pre-workout: at 250 mg it is over the 200 mg a day limit in pregnancy.", preg))
                .isEmpty();
        Map<String, String> bp = Map.of("population", "high blood pressure or a heart condition");
        assertThat(codes("A 150 mg caffeine pre-workout is fine.", bp)).contains("caffeine_population");
        assertThat(codes("I don't recommend a 150 mg caffeine pre-workout with your blood pressure.", bp))
                .isEmpty();
    }

    @Test
    void teenagersGetNoCreatineCutOrShortSleep() {
        Map<String, String> teen = Map.of("age_group", "teen", "body_weight", "60 kg");
        assertThat(codes("Creatine is fine. Start with 5 g a day.", teen)).containsExactly("creatine_dose");
        assertThat(codes("Skip creatine until you are 18; eat well and sleep 8-10 hours.", teen))
                .isEmpty();
        Map<String, String> t16 = Map.of("age_group", "16-17");
        assertThat(codes("Run a 500 kcal deficit and drop the last kilo with a water cut.", t16))
                .contains("teen_weight_cut", "banned_substance");
        assertThat(codes("Compete in the class you are in; no deficit without your GP or a dietitian.", t16))
                .isEmpty();
        assertThat(codes("Five hours is enough if you nap.", t16)).containsExactly("sleep");
        assertThat(codes("Aim for 8-10 hours of sleep a night.", t16)).isEmpty();
    }

    @Test
    void overDrinkingAndRunJumpsAreRejected() {
        assertThat(codes("Drink as much fluid as possible at every station.", Map.of()))
                .containsExactly("hydration");
        assertThat(codes("Never wait until you feel thirsty.", Map.of())).containsExactly("hydration");
        assertThat(codes("Aim for a litre an hour.", Map.of())).containsExactly("hydration");
        assertThat(codes("Drink to thirst, roughly 400-800 ml an hour.", Map.of()))
                .isEmpty();
        assertThat(codes("Lengthen the long run by 25 % each weekend.", Map.of()))
                .containsExactly("run_progression");
        assertThat(codes("Go straight back to your old 40 km week.", Map.of())).containsExactly("run_progression");
        assertThat(codes("Keep each long run no more than about 10 % longer than your longest recent one.", Map.of()))
                .isEmpty();
    }

    @Test
    void aLossThresholdOrADeficitIsNotATarget() {
        Map<String, String> w = Map.of("body_weight", "90 kg");
        assertThat(codes("If you lose more than 1 kg a week, eat a bit more.", w))
                .isEmpty();
        assertThat(codes("Set a deficit of about 500 kcal a day below maintenance.", w))
                .isEmpty();
        assertThat(codes("Eat around 900 kcal a day.", w)).containsExactly("calories");
        assertThat(codes("Lose 1.5 kg a week.", w)).containsExactly("weight_loss_rate");
    }
}
