package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.spotter.Environment;
import dev.spotter.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset card's front matter as the Hub and {@code datasets} read it. */
class DatasetCardHubTest {
    @TempDir
    static Path dir;

    static String card;
    static JsonNode yaml;

    @BeforeAll
    static void buildOnce() throws Exception {
        Path project = BuildFixture.write(dir);
        Files.writeString(
                project,
                Files.readString(project)
                        .replace("formats: [messages]", "formats: [llama3-text, messages, prompt-completion]"));
        BuildPipeline.builder(ProjectLoader.load(project, Environment.empty()))
                .outDir(dir.resolve("out"))
                .build()
                .run();
        card = Files.readString(dir.resolve("out/README.md"));
        assertThat(card).startsWith("---\n");
        String front = card.substring(4, card.indexOf("\n---\n", 4));
        yaml = new ObjectMapper(new YAMLFactory()).readTree(front);
    }

    @Test
    void exactlyOneConfigIsTheDefaultAndItIsTheChatFormat() {
        List<String> defaults = new ArrayList<>();
        yaml.get("configs").forEach(c -> {
            if (c.path("default").asBoolean(false)) {
                defaults.add(c.get("config_name").asText());
            }
        });
        assertThat(defaults).containsExactly("messages");
        assertThat(yaml.get("configs")).hasSize(3);
    }

    @Test
    void licenseOtherIsNamedAndLinked() {
        assertThat(yaml.get("license").asText()).isEqualTo("other");
        assertThat(yaml.get("license_name").asText()).isEqualTo("llama3.3");
        assertThat(yaml.get("license_link").asText()).startsWith("https://");
    }

    @Test
    void datasetInfoGivesFeaturesAndSplitSizesPerConfig() throws Exception {
        long train = Files.readAllLines(dir.resolve("out/messages/train.jsonl")).size();
        long validation =
                Files.readAllLines(dir.resolve("out/messages/validation.jsonl")).size();
        JsonNode info = yaml.get("dataset_info");
        assertThat(info).hasSize(3);
        for (JsonNode c : info) {
            assertThat(c.at("/splits/0/name").asText()).isEqualTo("train");
            assertThat(c.at("/splits/0/num_examples").asLong()).isEqualTo(train);
            assertThat(c.at("/splits/1/name").asText()).isEqualTo("validation");
            assertThat(c.at("/splits/1/num_examples").asLong()).isEqualTo(validation);
        }
        JsonNode messages = info.get(1);
        assertThat(messages.get("config_name").asText()).isEqualTo("messages");
        assertThat(messages.at("/features/0/name").asText()).isEqualTo("messages");
        assertThat(messages.at("/features/0/list/0/name").asText()).isEqualTo("role");
        assertThat(messages.at("/features/0/list/1/dtype").asText()).isEqualTo("string");
        // the features are the upload file's columns
        JsonNode line = new ObjectMapper()
                .readTree(Files.readAllLines(dir.resolve("out/prompt-completion/train.jsonl"))
                        .getFirst());
        List<String> cols = new ArrayList<>();
        line.fieldNames().forEachRemaining(cols::add);
        List<String> features = new ArrayList<>();
        info.get(2).get("features").forEach(f -> features.add(f.get("name").asText()));
        assertThat(features).containsExactlyElementsOf(cols);
    }

    @Test
    void howItWasMadeNamesEachSourcesChecks() {
        String how = card.substring(card.indexOf("## How this dataset was made"), card.indexOf("## License"));
        assertThat(how).contains("| a | strength, cardio | imported JSONL").contains("token limit");
    }
}
