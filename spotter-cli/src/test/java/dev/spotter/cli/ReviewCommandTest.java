package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.Spotter;
import dev.spotter.review.ReviewApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {
    static final String YAML = """
            name: reviewed
            sources:
              - id: injury
                kind: generation
                plan: injury
                path: injury_analysis.jsonl
                categoryField: category
                categorySidecar: .provenance.jsonl
            review:
              batchSize: 3
            output: {dir: out}
            """;

    @TempDir
    Path dir;

    Path project;

    @BeforeEach
    void copySample() throws Exception {
        for (String f : new String[] {"injury_analysis.jsonl", "injury_analysis.provenance.jsonl"}) {
            Files.copy(Path.of("examples/assemble/generated").resolve(f), dir.resolve(f));
        }
        project = dir.resolve("spotter.yaml");
        Files.writeString(project, YAML);
    }

    @Test
    void statusListsTheBatchesAndExitsOneWhileSomethingIsToReview() {
        CliRun.Result r = CliRun.run("review", "status", "--project", project.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out())
                .contains("injury: 6 records, 0 reviewed")
                .containsPattern("lines-1-3 +in-review +3 records")
                .contains("to continue: spotter review --project " + project);
    }

    @Test
    void buildHoldsUnreviewedLinesBackAndExitsOne() {
        CliRun.Result r = CliRun.run("build", "--project", project.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out())
                .contains("+ 6 pending review")
                .contains("not shipped, review unfinished: injury: 6 lines pending review (lines-1-3: in-review,"
                        + " lines-4-6: in-review); open them with spotter review --project " + project);
    }

    @Test
    void aProjectWithoutReviewSaysSoInOneLine() throws Exception {
        Files.writeString(project, YAML.replace("review:\n  batchSize: 3\n", ""));
        CliRun.Result r = CliRun.run("review", "status", "--project", project.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("spotter: ").contains("no source is reviewed");
    }

    @Test
    void theFacadeStartsTheBundledAppOnLoopbackWithAToken() throws Exception {
        Spotter s = Spotter.builder().environment(Environment.of(Map.of())).build();
        try (ReviewApp.Running app = s.review(project, ReviewApp.Options.defaults())) {
            URI url = app.url();
            assertThat(url.toString()).startsWith("http://127.0.0.1:").containsPattern("token=[A-Za-z0-9_-]{32}$");
            HttpClient http = HttpClient.newHttpClient();
            URI bare = URI.create("http://127.0.0.1:" + url.getPort() + "/");
            assertThat(http.send(HttpRequest.newBuilder(bare).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(403);
            assertThat(http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(dir.resolve(".spotter/review.db")).isRegularFile();
    }
}
