package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.ConfigurationException;
import dev.spotter.Environment;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ConvertFormat;
import dev.spotter.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's typed model: the layout it returns, summary.json from the records, writers, the step cache. */
class BuildModelTest {
    @TempDir
    Path dir;

    private static BuildPipeline.Builder builder(Path yaml, Path out) {
        return BuildPipeline.builder(ProjectLoader.load(yaml, Environment.empty()))
                .outDir(out);
    }

    @Test
    void theLayoutNamesEveryFileTheBuildWroteAndOpensItAgain() throws Exception {
        Path out = dir.resolve("elsewhere");
        BuildResult r = builder(BuildFixture.write(dir), out).build().run();
        DatasetLayout l = r.layout();
        assertThat(l).isEqualTo(DatasetLayout.of(out));
        assertThat(r.outDir()).isEqualTo(out.toAbsolutePath());
        for (Path p : List.of(
                l.train("messages"),
                l.validation("messages"),
                l.provenance("train"),
                l.provenance("validation"),
                l.quarantine(),
                l.dedupLog(),
                l.leakageLog(),
                l.card(),
                l.report(),
                l.summary(),
                l.stateFile())) {
            assertThat(p).isRegularFile();
        }
        assertThat(Files.readAllLines(l.train("messages")))
                .hasSize((int) r.summary().output().train());
        assertThat(Files.readAllLines(l.quarantine()))
                .hasSize((int) r.summary().accounting().quarantined());

        // summary.json is the record, serialised; a finished build opens from its directory alone
        assertThat(Files.readString(l.summary())).isEqualTo(r.summary().toJson());
        JsonNode json = Jsonl.MAPPER.readTree(l.summary().toFile());
        assertThat(json.path("dedup").path("exact").asLong())
                .isEqualTo(r.summary().dedup().exact());
        assertThat(json.path("inventory").path("totals").path("have").asInt())
                .isEqualTo(r.summary().inventory().haveTotal());
        DatasetLayout opened = DatasetLayout.open(out, "messages");
        assertThat(opened).isEqualTo(l);
        assertThat(opened.builtFormats()).containsExactly("messages");
        assertThatThrownBy(() -> DatasetLayout.open(out, "llama3-text"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("has no llama3-text files (formats: messages)");
        assertThatThrownBy(() -> DatasetLayout.open(dir.resolve("nothing"), "messages"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no built dataset in")
                .hasMessageContaining("spotter build");
        assertThatThrownBy(() -> l.split("messages", "test")).hasMessageContaining("unknown split \"test\"");
        // a summary without formats is not a build of any format
        Path odd = Files.createDirectories(dir.resolve("odd"));
        Files.writeString(odd.resolve("summary.json"), "{\"name\":\"x\"}");
        assertThatThrownBy(() -> DatasetLayout.open(odd, "messages"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("has no messages files (formats: )");
    }

    @Test
    void theBuilderTakesWritersInsteadOfTheProjectsFormats() throws Exception {
        Path yaml = BuildFixture.write(dir);
        FormatWriter upper = new FormatWriter() {
            @Override
            public String name() {
                return "upper-text";
            }

            @Override
            public String line(ChatExample example) {
                return "{\"text\":\"" + example.messages().size() + "\"}";
            }
        };
        BuildResult r = builder(yaml, dir.resolve("out"))
                .writers(List.of(FormatWriter.of(ConvertFormat.LLAMA3_TEXT), upper))
                .build()
                .run();
        assertThat(r.accountingOk()).isTrue();
        assertThat(r.summary().output().formats()).containsExactly("llama3-text", "upper-text");
        assertThat(r.layout().train("messages")).doesNotExist();
        assertThat(Files.readAllLines(r.layout().train("upper-text")))
                .hasSize((int) r.summary().output().train())
                .allMatch(l -> l.equals("{\"text\":\"3\"}"));
        assertThat(Files.readString(r.layout().card())).contains("- config_name: upper-text");

        for (String bad : List.of("../up", "provenance", "Messages", "")) {
            FormatWriter w = new FormatWriter() {
                @Override
                public String name() {
                    return bad;
                }

                @Override
                public String line(ChatExample example) {
                    return "{}";
                }
            };
            assertThatThrownBy(() ->
                            builder(yaml, dir.resolve("x")).writers(List.of(w)).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("cannot be a format directory");
        }
        assertThatThrownBy(() -> builder(yaml, dir.resolve("x"))
                        .writers(List.of(upper, upper))
                        .build())
                .hasMessageContaining("format 'upper-text' is given twice");
        assertThatThrownBy(
                        () -> builder(yaml, dir.resolve("x")).writers(List.of()).build())
                .hasMessageContaining("at least one format writer");
    }

    @Test
    void aStateOfAnotherShapeOrVersionCostsARebuildNotAWrongReuse() throws Exception {
        Path yaml = BuildFixture.write(dir);
        Path out = dir.resolve("out");
        BuildResult first = builder(yaml, out).build().run();
        Path state = first.layout().stateFile();
        String saved = Files.readString(state);
        assertThat(saved).contains("\"version\" : 2");

        // a step whose statistics no longer read as its record runs again (and what depends on it)
        Files.writeString(state, saved.replaceFirst("\"input\" : (\\d+)", "\"input\" : \"many\""));
        BuildResult again = builder(yaml, out).build().run();
        assertThat(again.ran()).containsExactly("dedup", "accounting");
        assertThat(again.summary()).isEqualTo(first.summary());

        // a state file of the previous version is ignored: everything runs, the outputs are the same
        Files.writeString(state, Files.readString(state).replace("\"version\" : 2", "\"version\" : 1"));
        BuildResult old = builder(yaml, out).build().run();
        assertThat(old.ran()).contains("ingest:a", "ingest:b", "dedup", "scrub", "split", "write", "report");
        assertThat(old.summary()).isEqualTo(first.summary());
        Files.writeString(state, "{not json");
        assertThat(builder(yaml, out).build().run().ran()).contains("ingest:a", "write");
    }
}
