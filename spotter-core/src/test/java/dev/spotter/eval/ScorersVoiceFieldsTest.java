package dev.spotter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The voice scorer compares issue 15's per_side and to_failure when the gold has them, and only then. */
class ScorersVoiceFieldsTest {
    private static final String GOLD = "{\"type\":\"strength\",\"exercise_id\":\"dumbbell-row\",\"weight\":90,"
            + "\"weight_unit\":\"lb\",\"reps\":10,\"sets\":1,\"rpe\":null,\"per_side\":true,\"to_failure\":false}";

    private static Scorers scorers() {
        return new Scorers(n -> true, (g, a) -> false);
    }

    @Test
    void aWrongPerSideIsAWrongField() {
        Scorers s = scorers();
        String answer = GOLD.replace("\"per_side\":true", "\"per_side\":false");
        assertThat(s.voice(GOLD, answer)).isEqualTo(1);
        assertThat(s.voiceMetrics().fields().get("per_side")).isEqualTo(new Rate(1, 0));
        assertThat(s.voiceMetrics().fields().get("to_failure")).isEqualTo(new Rate(1, 1));
        assertThat(s.voiceMetrics().exactMatch()).isEqualTo(new Rate(1, 0));
    }

    @Test
    void aLegacyGoldWithoutTheFieldsIsNotCountedOnThem() {
        Scorers s = scorers();
        String legacy = GOLD.replace(",\"per_side\":true,\"to_failure\":false", "");
        assertThat(s.voice(legacy, GOLD)).isZero();
        assertThat(s.voiceMetrics().fields()).doesNotContainKey("per_side").containsKey("weight");
        assertThat(s.voiceMetrics().exactMatch()).isEqualTo(new Rate(1, 1));
    }
}
