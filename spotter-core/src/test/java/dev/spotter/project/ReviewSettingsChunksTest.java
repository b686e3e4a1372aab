package dev.spotter.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.Environment;
import dev.spotter.kb.KbChunk;
import dev.spotter.review.ReviewedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reviewed knowledge-base source carries its chunks, so the review app shows each answer beside its chunk. */
class ReviewSettingsChunksTest {
    @TempDir
    Path dir;

    @Test
    void aReviewedKnowledgeBaseSourceCarriesTheChunkEveryAnswerNames() throws Exception {
        Path sample = Path.of("examples").toAbsolutePath();
        Path yaml = dir.resolve("spotter.yaml");
        // the sample project with review turned on, its paths resolved against the sample's folder
        String text = Files.readString(sample.resolve("spotter.yaml")).replace("path: ", "path: " + sample + "/");
        Files.writeString(yaml, text + "\nreview:\n  mode: all\n");
        Project p = ProjectLoader.load(yaml, Environment.empty());
        List<ReviewedFile> files = ReviewSettings.files(p);
        ReviewedFile kb = files.stream()
                .filter(f -> f.sourceId().equals("kb"))
                .findFirst()
                .orElseThrow();
        Map<String, KbChunk> byId = kb.chunks().stream().collect(Collectors.toMap(KbChunk::id, Function.identity()));
        assertThat(byId).hasSize(23); // the bundled sample's chunks
        ObjectMapper m = new ObjectMapper();
        List<String> provenance = Files.readAllLines(kb.sidecar());
        assertThat(provenance).hasSize(19);
        for (String line : provenance) {
            JsonNode prov = m.readTree(line);
            String chunk = prov.at("/attributes/source_id").asText();
            assertThat(byId).as(line).containsKey(chunk);
            assertThat(byId.get(chunk).content()).isNotBlank();
        }
        // other sources have none
        assertThat(files.stream().filter(f -> !f.sourceId().equals("kb")))
                .allSatisfy(f -> assertThat(f.chunks()).isEmpty());
    }
}
