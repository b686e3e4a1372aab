package dev.spotter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.assemble.BuildResult;
import dev.spotter.format.ValidationReport;
import dev.spotter.generate.GenerateOptions;
import dev.spotter.generate.Plans;
import dev.spotter.llm.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade a Java backend calls: the same decisions as the CLI, every failure a SpotterException. */
class SpotterTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheSampleWhereItIsToldAndTheLayoutSaysWhereEverythingIs() {
        Spotter spotter = Spotter.create();
        BuildResult r = spotter.build(Path.of("examples/spotter.yaml"), dir.resolve("out"));
        assertThat(r.accountingOk()).isTrue();
        assertThat(r.layout().dir())
                .isEqualTo(dir.resolve("out").toAbsolutePath().normalize());
        assertThat(Files.isRegularFile(r.layout().train("messages"))).isTrue();
        // the build is found again from the directory alone
        assertThat(spotter.dataset(dir.resolve("out"), "messages").train("messages"))
                .isEqualTo(r.layout().train("messages"));
    }

    @Test
    void anEmptyInputFailsValidationAlthoughNothingWasRejected() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Path good = Files.writeString(
                dir.resolve("good.jsonl"),
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}\n");
        ValidationReport r = Spotter.create().validate(List.of(good, empty), null);
        assertThat(r.total().rejected()).isZero();
        assertThat(r.emptyFiles()).containsExactly(empty.toString());
        assertThat(r.passed()).isFalse();
        assertThat(Spotter.create().validate(List.of(good), null).passed()).isTrue();
    }

    @Test
    void aMissingOrUnreadableInputIsAFileExceptionNamingThePathAndTheReason() throws Exception {
        Path nope = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> Spotter.create().validate(List.of(nope), null))
                .isInstanceOf(FileException.class)
                .hasMessage("cannot read " + nope + ": no such file or directory");
        assertThatThrownBy(() -> Spotter.create().validate(List.of(dir), null))
                .isInstanceOf(FileException.class)
                .hasMessage("cannot read " + dir + ": is a directory");
    }

    @Test
    void secretsComeOnlyFromTheEnvironmentTheFacadeWasGiven() {
        GenerateOptions.Builder b = GenerateOptions.builder(
                        Plans.load("running"), dir.resolve("state"), dir.resolve("out.jsonl"))
                .provider(Provider.OPENAI)
                .model("gpt-4o-mini")
                .baseUrl("http://127.0.0.1:9/v1")
                .limit(1);
        // no environment: the key is missing, whatever the process environment holds
        assertThatThrownBy(() -> Spotter.create().generate(b))
                .isInstanceOf(SpotterException.class)
                .hasMessageContaining("OPENAI_API_KEY");
        // the dry run needs no key and sends nothing
        assertThat(Spotter.builder()
                        .environment(Environment.of(Map.of("OPENAI_API_KEY", "sk-test-marker-123")))
                        .build()
                        .generateDryRun(b))
                .doesNotContain("sk-test-marker-123");
    }

    @Test
    void aBadProjectIsAConfigurationExceptionNamingTheKeyPath() throws Exception {
        Path p = Files.writeString(dir.resolve("spotter.yaml"), "name: x\nsources: []\n");
        assertThatThrownBy(() -> Spotter.create().build(p, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("spotter.yaml: sources");
    }
}
