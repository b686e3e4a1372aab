package dev.spotter.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.ConfigurationException;
import dev.spotter.Environment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectLoaderTest {
    private static final String MIN = """
            sources:
              - id: voice
                kind: jsonl
                path: data/v.jsonl
                category: voice_parsing
                targets: {voice_parsing: 10}
            """;

    private static Project parse(String yaml) {
        return ProjectLoader.parse(Path.of("/tmp/p/spotter.yaml"), yaml, Environment.empty());
    }

    @Test
    void bundledSampleLoadsWithTheBriefsGenerationTargets() {
        Project p = ProjectLoader.load(Path.of("examples/spotter.yaml"), Environment.empty());
        assertThat(p.sources())
                .extracting(SourceSpec::id)
                .containsExactly("voice", "voice-planted", "kb", "injury", "coach", "running-voice", "running");
        assertThat(p.sources().get(2).targetTotal()).isEqualTo(159); // kb quota policy over the 23 sample chunks
        assertThat(p.sources().get(3).targetTotal()).isEqualTo(825);
        assertThat(p.sources().get(4).targetTotal()).isEqualTo(1000);
        assertThat(p.sources().get(5).targetTotal() + p.sources().get(6).targetTotal())
                .isEqualTo(472); // brief detail section 450, pace calculations raised 50 -> 72 (issue 18)
        assertThat(p.sources().get(3).kind()).isSameAs(SourceKind.GENERATION);
        assertThat(p.sources().get(5).synthesized()).isTrue();
        assertThat(p.sources().get(0).maxRejectRate()).isEqualTo(0.08);
        assertThat(p.quality().maxRejectRate()).isZero();
        assertThat(p.provider().apiKeyEnv()).isEqualTo("ANTHROPIC_API_KEY");
    }

    @Test
    void defaultsAreApplied() {
        Project p = parse(MIN);
        assertThat(p.seed()).isEqualTo(42);
        assertThat(p.tokenLimit()).isEqualTo(24_576);
        assertThat(p.output().formats()).containsExactly("messages");
        assertThat(p.split().validation()).isEqualTo(0.1);
        assertThat(p.dedup().threshold()).isEqualTo(0.85);
        assertThat(p.dedup().leakageThreshold()).isEqualTo(0.7);
        assertThat(p.pii().roles()).containsExactly("user");
        assertThat(p.baseDir()).isEqualTo(Path.of("/tmp/p"));
    }

    @Test
    void badTargetNamesItsKeyPath() {
        assertThatThrownBy(() -> parse(
                        MIN.replace("targets: {voice_parsing: 10}", "categoryField: c\n    targets: {a: 1, b: lots}")
                                .replace("    category: voice_parsing\n", "")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("spotter.yaml: sources[0].targets.b: expected a whole number >= 0, got 'lots'");
    }

    @Test
    void unknownKeyIsRejectedNotIgnored() {
        assertThatThrownBy(() -> parse(MIN + "dedup:\n  treshold: 0.9\n"))
                .hasMessageStartingWith("spotter.yaml: dedup.treshold: unknown key");
    }

    @Test
    void unknownKindListsTheKnownOnes() {
        assertThatThrownBy(() -> parse(MIN.replace("kind: jsonl", "kind: csv")))
                .hasMessage(
                        "spotter.yaml: sources[0].kind: unknown kind 'csv' (known: generation, jsonl, knowledge-base, synthetic-voice)");
    }

    @Test
    void aPastedKeyInsteadOfAVariableNameIsRefused() {
        assertThatThrownBy(() -> parse(MIN + "provider:\n  name: openai\n  apiKeyEnv: sk-proj-abc123\n"))
                .hasMessageContaining("provider.apiKeyEnv: must be the NAME of an environment variable")
                .hasMessageNotContaining("sk-proj-abc123");
    }

    @Test
    void categoryAndCategoryFieldAreExclusive() {
        assertThatThrownBy(() -> parse(MIN.replace("category: voice_parsing", "category: a\n    categoryField: b")))
                .hasMessageContaining("sources[0]: give exactly one of category");
    }

    @Test
    void generationNeedsAPlanAndIdsAreUnique() {
        assertThatThrownBy(() -> parse(MIN.replace("kind: jsonl", "kind: generation")))
                .hasMessageContaining("sources[0].plan: is required");
        String twice = MIN + MIN.replace("sources:\n", "");
        assertThatThrownBy(() -> parse(twice)).hasMessageContaining("sources[1].id: duplicate source id 'voice'");
    }

    @Test
    void leakageThresholdAboveDedupThresholdIsRefused() {
        assertThatThrownBy(() -> parse(MIN + "dedup: {threshold: 0.8, leakageThreshold: 0.9}\n"))
                .hasMessageContaining("dedup.leakageThreshold: must not exceed threshold");
    }

    @Test
    void unknownFormatAndBrokenYaml() {
        assertThatThrownBy(() -> parse(MIN + "output: {formats: [parquet]}\n"))
                .hasMessageContaining("output.formats[0]: unknown format 'parquet'");
        assertThatThrownBy(() -> parse("sources: [\n")).hasMessageStartingWith("spotter.yaml: not valid YAML");
        assertThatThrownBy(() -> parse("name: x\n"))
                .hasMessage("spotter.yaml: sources: at least one source is required");
    }
}
