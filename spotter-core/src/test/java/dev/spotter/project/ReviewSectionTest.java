package dev.spotter.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.ConfigurationException;
import dev.spotter.Environment;
import dev.spotter.review.ReviewPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReviewSectionTest {
    static final String SOURCES = """
            sources:
              - id: voice
                kind: jsonl
                path: v.jsonl
                category: voice_parsing
              - id: injury
                kind: generation
                plan: injury
                path: g/injury.jsonl
                categoryField: category
                categorySidecar: .provenance.jsonl
            """;

    static Project load(String yaml) {
        return ProjectLoader.parse(Path.of("/tmp/p/spotter.yaml"), yaml, Environment.empty());
    }

    @Test
    void aTopLevelBlockReviewsTheGeneratedSourcesWithTheirOverrides() {
        Project p = load(SOURCES.replace(
                        "categorySidecar: .provenance.jsonl\n",
                        "categorySidecar: .provenance.jsonl\n    review: {mode: sample, sample: {percent: 20, min: 5}}\n")
                + "review:\n  batchSize: 25\n  maxRejectRate: 0.2\n");
        assertThat(p.review().sources()).containsOnlyKeys("injury");
        ReviewPolicy ip = p.review().policy("injury");
        assertThat(ip.mode()).isEqualTo(ReviewPolicy.Mode.SAMPLE);
        assertThat(ip.samplePercent()).isEqualTo(20);
        assertThat(ip.minSample()).isEqualTo(5);
        assertThat(ip.batchSize()).isEqualTo(25); // inherited
        assertThat(ip.maxRejectRate()).isEqualTo(0.2);
        assertThat(p.review().db()).isEqualTo(Path.of("/tmp/p/.spotter/review.db"));
    }

    @Test
    void withoutAnyReviewKeyNothingIsReviewed() {
        assertThat(load(SOURCES).review().enabled()).isFalse();
    }

    @Test
    void badValuesNameTheirKeyPath() {
        assertThatThrownBy(() -> load(SOURCES + "review: {mode: maybe}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("spotter.yaml: review.mode: must be 'all' or 'sample', got 'maybe'");
        assertThatThrownBy(() -> load(SOURCES + "review: {maxRejectRate: 2}\n"))
                .hasMessageStartingWith("spotter.yaml: review.maxRejectRate: must be between 0.0 and 1.0");
        assertThatThrownBy(() -> load(SOURCES + "review: {sample: {percent: 0}}\n"))
                .hasMessage("spotter.yaml: review.sample.percent: must be > 0, got 0.0");
        assertThatThrownBy(() -> load(SOURCES + "review: {onFail: ignore}\n"))
                .hasMessage("spotter.yaml: review.onFail: must be 'fail' or 'escalate', got 'ignore'");
        assertThatThrownBy(() -> load(SOURCES + "review: {reasons: [{code: Bad-Code}]}\n"))
                .hasMessageStartingWith("spotter.yaml: review.reasons[0].code: reject reason code 'Bad-Code'");
        assertThatThrownBy(() -> load(SOURCES + "review: {mdoe: all}\n"))
                .hasMessageStartingWith("spotter.yaml: review.mdoe: unknown key");
        assertThatThrownBy(() -> load(SOURCES + "review: {db: build/review.db}\n"))
                .hasMessage(
                        "spotter.yaml: review.db: must not be inside output.dir (build): decisions are not uploaded");
        assertThatThrownBy(() -> load(SOURCES.replace("path: v.jsonl", "path: v.jsonl\n    review: true")))
                .hasMessageStartingWith("spotter.yaml: sources[0].review: true needs a top-level review: block");
        assertThatThrownBy(() -> load(SOURCES.replace("path: g/injury.jsonl", "path: g/*.jsonl") + "review: {}\n"))
                .hasMessageStartingWith(
                        "spotter.yaml: sources[1].review: a reviewed source must name exactly one file");
    }
}
