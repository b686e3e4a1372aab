package dev.spotter.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The independent speech dev set (gold-asr-dev: 407 utterances by an author who never saw the parser, labels used
 * as given) and the parser author's extra cases (gold-extra, three rounds, each written after the previous one was fixed: not
 * independent).
 * Each test fails when a class's fully-right count drops below what the parser reached, or when the confidence
 * stops separating right from wrong. Figures and the reliability tables are in docs/areas/voice.md; this test prints
 * them.
 */
class SpeechDevSetTest {
    /**
     * Dev labels the parser disagrees with on purpose (reported to the lead): "seated calf raises" is labelled Calf
     * Raise because the author's list (the contract's) has no Seated Calf Raise; the catalog has it.
     */
    static final Set<String> DISPUTED = Set.of("d238");

    private static final GoldScorer SCORER = new GoldScorer();

    static List<GoldScorer.Outcome> run(String resource) throws IOException {
        List<GoldScorer.Outcome> o = SCORER.scoreAll(GoldScorer.load(resource));
        System.out.println(resource + "\n" + GoldScorer.perClassTable(o)
                + GoldScorer.calibration(o).table());
        GoldScorer.misses(o).forEach(m -> System.out.println("  miss " + m));
        return o;
    }

    static void assertFloors(List<GoldScorer.Outcome> o, Map<String, Integer> floors) {
        Map<String, int[]> got = GoldScorer.perClass(o);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(floors.keySet());
        floors.forEach((cls, min) -> assertThat(got.get(cls)[0])
                .as("%s fully right (of %d)", cls, got.get(cls)[1])
                .isGreaterThanOrEqualTo(min));
    }

    /** Every wrong result scores below 0.8 (so audit-voice sends it to review), except the listed ones. */
    static void assertWrongOnesAreFlagged(List<GoldScorer.Outcome> o, Set<String> except) {
        for (GoldScorer.Outcome x : o) {
            if (!x.right() && !except.contains(x.item().id())) {
                assertThat(x.confidence())
                        .as("%s '%s' is wrong (%s)", x.item().id(), x.item().text(), x.wrong())
                        .isLessThan(0.8);
            }
        }
        GoldScorer.Calibration c = GoldScorer.calibration(o);
        assertThat(c.precisionAt90()).as("precision at >= 0.90").isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void independentSpeechDevSet() throws IOException {
        List<GoldScorer.Outcome> o = run("/dev/spotter/voice/gold-asr-dev/utterances.jsonl");
        assertThat(o).hasSize(407);
        assertFloors(
                o,
                Map.of(
                        "asr_numbers", 85,
                        "plates", 42,
                        "per_side", 35,
                        "verbs_slang", 75,
                        "rpe_rir", 52,
                        "relative_context", 52,
                        "cardio", 43,
                        "unparsed", 22));
        assertWrongOnesAreFlagged(o, DISPUTED);
    }

    @Test
    void extraCasesOfTheSameClasses() throws IOException {
        List<GoldScorer.Outcome> o = run("/dev/spotter/voice/gold-extra/cases.jsonl");
        assertThat(o).hasSize(466);
        assertFloors(
                o,
                Map.of(
                        "asr_numbers", 79,
                        "plates", 42,
                        "per_side", 36,
                        "verbs_slang", 74,
                        "rpe_rir", 68,
                        "relative_context", 75,
                        "cardio", 54,
                        "unparsed", 36));
        assertWrongOnesAreFlagged(o, Set.of());
    }
}
