package dev.spotter.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PaceRecomputeTest {
    private final PaceAnswerChecker checker = PaceAnswerChecker.create();

    @Test
    void recomputeShowsTheModelsNumberBesideTheCalculatorsAndAgreesWithCheck() {
        ObjectNode good = SampleAnswers.paceFinishTime(10, "km", 300, "km"); // 10 km at 5:00/km = 50:00
        PaceAnswerChecker.Recomputation r = checker.recompute(good);
        assertThat(r.type()).isEqualTo("finish_time");
        assertThat(r.fields()).hasSize(1);
        assertThat(r.fields().getFirst().name()).isEqualTo("result.time_seconds");
        assertThat(r.fields().getFirst().spotter()).isEqualTo(3000.0);
        assertThat(r.fields().getFirst().ok()).isTrue();
        assertThat(r.result().ok()).isTrue();

        ObjectNode wrong = good.deepCopy();
        ((ObjectNode) wrong.path("calculation").path("result")).put("time_seconds", 2700);
        PaceAnswerChecker.Recomputation w = checker.recompute(wrong);
        assertThat(w.fields().getFirst().model()).isEqualTo(2700.0);
        assertThat(w.fields().getFirst().spotter()).isEqualTo(3000.0);
        assertThat(w.fields().getFirst().ok()).isFalse();
        assertThat(w.result()).isEqualTo(checker.check(wrong));
        assertThat(w.result().ok()).isFalse();
    }

    @Test
    void anAnswerThatIsNotJsonHasNoFieldsAndFails() {
        PaceAnswerChecker.Recomputation r = checker.recompute("<b>50 minutes</b>");
        assertThat(r.fields()).isEmpty();
        assertThat(r.result().ok()).isFalse();
    }
}
