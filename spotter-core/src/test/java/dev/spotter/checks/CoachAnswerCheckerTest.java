package dev.spotter.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nutrition and heart-rate limits in coaching prose (requirements 6.1, 6.2, 7.1): unsafe fails, safe passes. */
class CoachAnswerCheckerTest {
    private static final CoachAnswerChecker COACH = CoachAnswerChecker.create();

    static List<String> codes(String text, Map<String, String> slot) {
        return COACH.check(text, slot).violations().stream()
                .map(CheckResult.Violation::code)
                .distinct()
                .toList();
    }

    @Test
    void caffeineAt6MgPerKgFor110KgIsRejectedUnlessCapped() {
        Map<String, String> big = Map.of("body_weight", "110 kg");
        assertThat(codes("Take 3-6 mg/kg of caffeine an hour before training.", big))
                .containsExactly("caffeine_mg_per_kg");
        assertThat(codes("Take 660 mg of caffeine before your session.", big)).containsExactly("caffeine_dose");
        assertThat(codes("Caffeine works: take 6 mg/kg (about 660 mg for you) an hour before.", big))
                .as("found by the reviewer harness: the dose follows a colon")
                .contains("caffeine_mg_per_kg", "caffeine_dose");
        assertThat(codes("Caffeine works at about 3 mg/kg, but cap it at 200 mg per dose and 400 mg a day.", big))
                .isEmpty();
        assertThat(codes("Two cups of coffee (about 190 mg caffeine) an hour before is plenty.", big))
                .isEmpty();
        assertThat(codes("Keep caffeine under 600 mg a day.", big)).containsExactly("caffeine_dose");
        assertThat(codes("More than 400 mg of caffeine a day raises the risk of palpitations and poor sleep.", big))
                .as("a number framed as harmful is not a recommendation")
                .isEmpty();
    }

    @Test
    void caffeineLimitsDependOnWhoAsks() {
        assertThat(codes("Have 250 mg of caffeine a day at most.", Map.of("population", "pregnant")))
                .containsExactly("caffeine_dose");
        assertThat(codes("A scoop of pre-workout helps.", Map.of("age_group", "16-17")))
                .containsExactly("caffeine_population");
        assertThat(codes("Don't use pre-workout or energy drinks; sleep matters more.", Map.of("age_group", "16-17")))
                .isEmpty();
        assertThat(codes(
                        "Take 150 mg of caffeine before lifting.",
                        Map.of("population", "high blood pressure or a heart condition")))
                .containsExactly("caffeine_population");
        assertThat(codes("Measure out pure caffeine powder for a precise dose.", Map.of()))
                .containsExactly("caffeine_form");
    }

    @Test
    void proteinIsBasedOnGoalWeightForHighBodyWeight() {
        Map<String, String> big = Map.of("body_weight", "110 kg");
        assertThat(codes("Aim for 242 g of protein a day.", big)).containsExactly("protein_basis");
        assertThat(codes("Aim for about 160 g of protein a day, based on your goal weight of 90 kg.", big))
                .isEmpty();
        assertThat(codes("Eat 3.5 g of protein per kg.", Map.of("body_weight", "80 kg")))
                .containsExactly("protein_dose");
        assertThat(codes("Eat 1.6-2.2 g of protein per kg of body weight.", Map.of("body_weight", "80 kg")))
                .isEmpty();
    }

    @Test
    void weightLossSleepCreatineHydrationAndBannedSubstances() {
        Map<String, String> w80 = Map.of("body_weight", "80 kg");
        assertThat(codes("Aim to lose 1.5 kg per week.", w80)).containsExactly("weight_loss_rate");
        assertThat(codes("Aim to lose 0.4-0.8 kg per week.", w80)).isEmpty();
        assertThat(codes("Get 6 hours of sleep and you will be fine.", Map.of()))
                .containsExactly("sleep");
        assertThat(codes("Teens need 7-9 hours of sleep.", Map.of("age_group", "16-17")))
                .containsExactly("sleep");
        assertThat(codes("Take 20 g of creatine a day long term.", Map.of())).containsExactly("creatine_dose");
        assertThat(codes("Take 3-5 g of creatine a day.", Map.of())).isEmpty();
        assertThat(codes("Drink 1.2 litres per hour on your long runs and stay ahead of thirst.", Map.of()))
                .containsExactly("hydration");
        assertThat(codes("Drink to thirst, roughly 400-800 ml per hour on long runs.", Map.of()))
                .isEmpty();
        assertThat(codes("A short clenbuterol cycle cuts fat fast.", Map.of())).containsExactly("banned_substance");
        assertThat(codes("Never use clenbuterol or diuretics to make weight.", Map.of()))
                .isEmpty();
        assertThat(codes("Eat 900 kcal per day for two weeks.", Map.of())).containsExactly("calories");
    }

    @Test
    void noHeartRateTargetsOnBetaBlockers() {
        Map<String, String> beta = Map.of("health_context", "takes a beta-blocker for blood pressure");
        assertThat(codes("Keep your easy runs at 130-145 bpm.", beta)).containsExactly("hr_medication");
        assertThat(codes(
                        "Run easy at RPE 11-12 where you pass the talk test; heart-rate numbers do not apply on your"
                                + " medication.",
                        beta))
                .isEmpty();
    }
}
