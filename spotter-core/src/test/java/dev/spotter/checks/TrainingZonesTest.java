package dev.spotter.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Heart-rate zones, pace zones and negative splits: the clinician's worked examples (requirements 7.3). */
class TrainingZonesTest {
    private static final PaceAnswerChecker PACE = PaceAnswerChecker.create();

    static TrainingZones.Zone zone(List<TrainingZones.Zone> zones, String name) {
        return zones.stream().filter(z -> z.zone().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void workedExamplesFromTheSpec() {
        assertThat(TrainingZones.hrMax("fox", 40, null)).isEqualTo(180);
        assertThat(TrainingZones.hrMax("tanaka", 40, null)).isCloseTo(180, within(1e-9));
        assertThat(TrainingZones.bpm(TrainingZones.hrMax("gulati", 35, null))).isEqualTo(175);
        assertThat(zone(TrainingZones.percentOfMax(180), "2")).isEqualTo(new TrainingZones.Zone("2", 108.0, 126.0));
        assertThat(zone(TrainingZones.heartRateReserve(180, 60), "2"))
                .isEqualTo(new TrainingZones.Zone("2", 132.0, 144.0));
        assertThat(zone(TrainingZones.percentOfMax(TrainingZones.hrMax("tanaka", 50, null)), "4"))
                .isEqualTo(new TrainingZones.Zone("4", 138.0, 156.0));
        assertThat(zone(TrainingZones.lactateThreshold(165), "2")).isEqualTo(new TrainingZones.Zone("2", 140.0, 147.0));
        assertThat(zone(TrainingZones.lactateThreshold(165), "1").low()).isNull();
        assertThat(zone(TrainingZones.lactateThreshold(165), "5c").high()).isNull();
        // Friel pace zones from a 5:00 /km threshold pace: zone 2 is 6:27-5:42 /km
        TrainingZones.Zone z2 = zone(TrainingZones.paceZones(300), "2");
        assertThat(z2.low()).isCloseTo(387, within(1e-9));
        assertThat(z2.high()).isCloseTo(342, within(1e-9));
        assertThat(PaceCalculator.negativeSplit(3000, 60)).containsExactly(1530, 1470);
    }

    @ParameterizedTest
    @CsvSource({
        "pace_to_speed, miles",
        "speed_to_pace, kilometres",
        "finish_time, miles",
        "required_pace, kilometres",
        "splits, miles",
        "race_prediction, kilometres",
        "unit_conversion, miles",
        "hr_zones_max, miles",
        "hr_zones_hrr, kilometres",
        "hr_zones_lthr, miles",
        "training_paces, kilometres",
        "negative_splits, miles"
    })
    void everyCalculationTypeHasAValidSample(String type, String units) {
        ObjectNode a = SampleAnswers.pace(type, units);
        assertThat(PACE.check(a.toString(), Map.of("calc_type", type, "units", units))
                        .violations())
                .isEmpty();
    }

    @Test
    void wrongZonesAreRejected() {
        ObjectNode a = SampleAnswers.pace("hr_zones_max", "miles");
        ObjectNode z2 =
                (ObjectNode) a.path("calculation").path("result").path("zones").get(1);
        z2.put("low_bpm", 114); // 220 - 40 = 180; 60 % is 108
        assertThat(ClinicalRulesTest.codes(PACE.check(a.toString()))).contains("calc_wrong");
        ObjectNode h = SampleAnswers.pace("hr_zones_hrr", "miles");
        ((ObjectNode) h.path("calculation").path("inputs")).put("hr_rest", 50);
        assertThat(ClinicalRulesTest.codes(PACE.check(h.toString()))).contains("calc_wrong");
        ObjectNode l = SampleAnswers.pace("hr_zones_lthr", "miles");
        ((ObjectNode) l.path("calculation").path("result").path("zones").get(0)).put("low_bpm", 100);
        assertThat(ClinicalRulesTest.codes(PACE.check(l.toString()))).contains("calc_wrong");
        ObjectNode p = SampleAnswers.pace("training_paces", "kilometres");
        ((ObjectNode) p.path("calculation").path("result").path("zones").get(1)).put("fast_seconds", 330);
        assertThat(ClinicalRulesTest.codes(PACE.check(p.toString()))).contains("calc_wrong");
        ObjectNode n = SampleAnswers.pace("negative_splits", "miles");
        ((ObjectNode) n.path("calculation").path("inputs")).put("difference_seconds", -60);
        assertThat(ClinicalRulesTest.codes(PACE.check(n.toString()))).containsExactly("calc_fields");
    }

    @Test
    void ageFormulaZonesSayTheyAreAnEstimate() {
        ObjectNode a = SampleAnswers.pace("hr_zones_max", "miles");
        a.put("answer", a.path("answer").asText().replaceAll("(?i)estimate[^.]*\\.", ""));
        assertThat(ClinicalRulesTest.codes(PACE.check(a.toString()))).containsExactly("hr_caveat");
    }

    @Test
    void theAnswerMustBeTheCalculationTheSlotAskedFor() {
        ObjectNode a = SampleAnswers.pace("finish_time", "kilometres");
        assertThat(ClinicalRulesTest.codes(PACE.check(a.toString(), Map.of("calc_type", "splits"))))
                .containsExactly("calc_type");
        assertThat(ClinicalRulesTest.codes(
                        PACE.check(a.toString(), Map.of("calc_type", "finish_time", "units", "miles"))))
                .containsExactly("calc_units");
    }
}
