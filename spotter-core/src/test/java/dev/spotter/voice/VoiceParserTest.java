package dev.spotter.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoiceParserTest {
    final VoiceParser p = VoiceParser.defaults();

    @Test
    void contractStrengthExampleHasExactFieldsAndOrder() {
        assertThat(p.parse("bench press 225 for 8 at RPE 8").toJson())
                .isEqualTo(
                        "{\"type\":\"strength\",\"exercise_id\":\"barbell-bench-press\",\"exercise_name\":\"Barbell Bench Press\","
                                + "\"weight\":225,\"weight_unit\":\"lb\",\"reps\":8,\"sets\":1,\"rpe\":8,\"rir\":null,"
                                + "\"per_side\":false,\"to_failure\":false,\"confidence\":0.95}");
    }

    @Test
    void contractCardioExampleHasExactFieldsAndOrder() {
        assertThat(p.parse("Tempo run 4 miles at 7:45 pace").toJson())
                .isEqualTo("{\"type\":\"cardio\",\"activity\":\"run\",\"workout_type\":\"tempo\",\"distance\":4,"
                        + "\"distance_unit\":\"mi\",\"duration_s\":null,\"pace_s_per_unit\":465,\"pace_unit\":\"mi\","
                        + "\"intervals\":null,\"confidence\":0.97}");
        assertThat(p.parse("400 meter repeats, 6 times at 1:30").toJson())
                .contains(
                        "\"intervals\":{\"repeats\":6,\"distance\":400,\"distance_unit\":\"m\",\"target_time_s\":90}");
    }

    @Test
    void unparsedHasReasonAndZeroConfidence() {
        VoiceResult r = p.parse("lovely day outside");
        assertThat(r).isInstanceOf(Unparsed.class);
        assertThat(r.toJson())
                .isEqualTo("{\"type\":\"unparsed\",\"reason\":\"no exercise recognised\",\"confidence\":0}");
    }

    @Test
    void confidenceDropsForEachInference() {
        double explicit = p.parse("bench press 225 pounds for 8 reps at rpe 8").confidence();
        double unitDefaulted = p.parse("bench press 225 for 8 reps at rpe 8").confidence();
        double bare = p.parse("bench press 225 8").confidence();
        double fuzzy = p.parse("romanain deadlift 225 for 8").confidence();
        assertThat(explicit).isGreaterThan(unitDefaulted);
        assertThat(unitDefaulted).isGreaterThan(bare);
        assertThat(bare).isGreaterThan(fuzzy);
        assertThat(((StrengthSet) p.parse("romanain deadlift 225 for 8")).exerciseId())
                .isEqualTo("romanian-deadlift");
    }

    @Test
    void contextFillsMissingFieldsAndCostsConfidence() {
        StrengthSet prev = (StrengthSet) p.parse("squat 100 kg for 5");
        StrengthSet s = (StrengthSet) p.parse("same weight for 7", VoiceContext.of(prev));
        assertThat(s.exerciseId()).isEqualTo("barbell-back-squat");
        assertThat(s.weight()).isEqualTo(100.0);
        assertThat(s.weightUnit()).isEqualTo(WeightUnit.KG);
        assertThat(s.reps()).isEqualTo(7);
        assertThat(s.confidence()).isLessThan(prev.confidence());
        assertThat(p.parse("same weight for 7")).isInstanceOf(Unparsed.class);
    }

    @Test
    void kgPlatesUseTwentyKiloBarAndPlates() {
        StrengthSet s = (StrengthSet) p.parse("squat two plates in kilos for 5");
        assertThat(s.weight()).isEqualTo(100.0);
        assertThat(s.weightUnit()).isEqualTo(WeightUnit.KG);
    }

    @Test
    void rirOnlyGivesRpeAndRpeOnlyLeavesRirNull() {
        StrengthSet a = (StrengthSet) p.parse("bench 225 for 5 2 reps in reserve");
        assertThat(a.rir()).isEqualTo(2);
        assertThat(a.rpe()).isEqualTo(8.0);
        StrengthSet b = (StrengthSet) p.parse("bench 225 for 5 at rpe 8");
        assertThat(b.rir()).isNull();
    }

    @Test
    void defaultUnitIsConfigurable() {
        VoiceParser kg = VoiceParser.builder().defaultWeightUnit(WeightUnit.KG).build();
        assertThat(((StrengthSet) kg.parse("bench 100 for 5")).weightUnit()).isEqualTo(WeightUnit.KG);
        assertThatThrownBy(() -> VoiceParser.builder().defaultWeightUnit(null))
                .hasMessageContaining("defaultWeightUnit");
        assertThatThrownBy(() -> VoiceParser.builder().defaultPaceUnit(DistanceUnit.M))
                .hasMessageContaining("mi or km");
    }

    @Test
    void traceExplainsDecisionsInOrder() {
        List<String> t = p.parse("RDL 315 for 5").trace();
        assertThat(t.get(0)).isEqualTo("'rdl' → Romanian Deadlift");
        assertThat(t).anyMatch(s -> s.startsWith("'315' → weight 315"));
        assertThat(t).anyMatch(s -> s.startsWith("'for 5' → reps 5"));
    }

    @Test
    void neverThrowsOnArbitraryText() {
        SplittableRandom r = new SplittableRandom(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 :.@x-,'?";
        String[] words = {
            "bench", "for", "at", "rpe", "plates", "same", "two", "twenty", "oh", "point", "and", "a", "half", "k",
            "mile", "pace", "times", "by", "in", "reserve", "s", "run", "x", "sets", "of", "hundred"
        };
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(12);
            for (int k = 0; k < n; k++) {
                if (r.nextBoolean()) {
                    sb.append(words[r.nextInt(words.length)]);
                } else {
                    for (int c = r.nextInt(6); c >= 0; c--) {
                        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                }
                sb.append(' ');
            }
            VoiceResult res = p.parse(sb.toString(), VoiceContext.NONE);
            assertThat(res.confidence()).isBetween(0.0, 1.0);
            assertThat(res.toJson()).startsWith("{\"type\":\"");
        }
        assertThat(p.parse(null)).isInstanceOf(Unparsed.class);
        assertThat(p.parse("   ")).isInstanceOf(Unparsed.class);
    }

    @Test
    void questionsAreNotLogs() {
        assertThat(p.parse("how do I improve my 5k time").type()).isEqualTo("unparsed");
        assertThat(p.parse("should I deload after 3 weeks of squats").type()).isEqualTo("unparsed");
        assertThat(p.parse("do 3 sets of 10 pull ups").type()).isEqualTo("strength");
    }
}
