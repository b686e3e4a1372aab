package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.Environment;
import dev.spotter.Spotter;
import dev.spotter.kernel.Hashing;
import dev.spotter.review.ReviewApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lone file under review, decisions export / import / report on the CLI, and lone-file decisions in a project. */
class ReviewDecisionsCommandTest {
    @TempDir
    Path dir;

    Path data;
    Path project;
    List<String> hashes = new ArrayList<>();

    @BeforeEach
    void copySample() throws Exception {
        Path gen = Files.createDirectories(dir.resolve("gen"));
        data = gen.resolve("injury_analysis.jsonl");
        Files.copy(Path.of("examples/assemble/generated/injury_analysis.jsonl"), data);
        // the sample's sidecar with two prompt templates: lines 1-3 from prompt A, 4-6 from prompt B
        List<String> prov = new ArrayList<>();
        List<String> side = Files.readAllLines(Path.of("examples/assemble/generated/injury_analysis.provenance.jsonl"));
        for (int i = 0; i < side.size(); i++) {
            prov.add(side.get(i).replace("}", ", \"prompt_sha256\": \"" + (i < 3 ? "a" : "b").repeat(64) + "\"}"));
        }
        Files.write(gen.resolve("injury_analysis.provenance.jsonl"), prov);
        for (String l : Files.readAllLines(data)) {
            hashes.add(Hashing.sha256Hex(l));
        }
        project = dir.resolve("spotter.yaml");
        Files.writeString(
                project,
                ReviewCommandTest.YAML
                        .replace("path: injury_analysis.jsonl", "path: gen/injury_analysis.jsonl")
                        .replace(
                                "categorySidecar: .provenance.jsonl",
                                "categorySidecar: .provenance.jsonl\n    review: {}"));
    }

    private String decision(String source, int rec, String reviewer, String action, String reason) {
        return "{\"source\":\"" + source + "\",\"content_hash\":\"" + hashes.get(rec) + "\",\"line\":" + (rec + 1)
                + ",\"action\":\"" + action + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                + ",\"reviewer\":\"" + reviewer + "\",\"decided_at\":\"2026-12-01T10:0" + rec
                + ":00Z\",\"ms_spent\":3000}";
    }

    @Test
    void aLoneFileIsReviewedWithItsDecisionsBesideItInBatchesOfTheGivenSize() {
        CliRun.Result r = CliRun.run("review", "status", "--file", data.toString(), "--batch-size", "4");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out())
                .contains("injury_analysis: 6 records, 0 reviewed")
                .containsPattern("lines-1-4 +in-review +4 records")
                .containsPattern("lines-5-6 +in-review +2 records")
                .contains("to continue: spotter review " + data);
        CliRun.Result usage =
                CliRun.run("review", "status", "--project", project.toString(), "--file", data.toString());
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("not both");
        CliRun.Result misplaced = CliRun.run("review", "status", "--project", project.toString(), "--db", "x.db");
        assertThat(misplaced.code()).isEqualTo(2);
        assertThat(misplaced.err()).contains("apply to a lone DATA.jsonl");
    }

    @Test
    void importExportRoundTripAndLoneFileDecisionsCarryIntoTheProject() throws Exception {
        Path in = dir.resolve("ana.jsonl");
        Files.write(
                in,
                List.of(
                        decision("injury", 0, "ana", "accept", null),
                        decision("injury", 1, "ana", "reject", "unsafe_advice"),
                        decision("injury", 2, "ana", "accept", null)));
        CliRun.Result imp =
                CliRun.run("review", "import", "--file", data.toString(), "--source", "injury", in.toString());
        assertThat(imp.code()).as(imp.err()).isEqualTo(0);
        assertThat(imp.out()).contains("3 lines read: 3 decisions stored");
        assertThat(dir.resolve("gen/.spotter/review.db")).isRegularFile();
        Path out = dir.resolve("export/decisions.jsonl");
        CliRun.Result exp = CliRun.run(
                "review", "export", "--file", data.toString(), "--source", "injury", "--out", out.toString());
        assertThat(exp.code()).as(exp.err()).isEqualTo(0);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .contains(
                        "\"content_hash\":\"" + hashes.get(1) + "\"",
                        "\"reason\":\"unsafe_advice\"",
                        "\"reviewer\":\"ana\"",
                        "\"ms_spent\":3000",
                        "\"batch\":\"lines-1-6\"");
        // the project's review.db (beside spotter.yaml) knows nothing until the export is imported there
        assertThat(CliRun.run("review", "status", "--project", project.toString())
                        .out())
                .contains("injury: 6 records, 0 reviewed");
        CliRun.Result into = CliRun.run("review", "import", "--project", project.toString(), out.toString());
        assertThat(into.code()).as(into.err()).isEqualTo(0);
        assertThat(CliRun.run("review", "status", "--project", project.toString())
                        .out())
                .contains("injury: 6 records, 3 reviewed (2 accepted, 0 edited, 1 rejected)");
    }

    @Test
    void inventoryShowsPendingReviewPerSourceWithTheCommandThatOpensIt() throws Exception {
        Path in = dir.resolve("d.jsonl");
        Files.write(
                in,
                List.of(decision("injury", 0, "ana", "accept", null), decision("injury", 1, "ana", "reject", "other")));
        assertThat(CliRun.run("review", "import", "--project", project.toString(), in.toString())
                        .code())
                .isZero();
        CliRun.Result r = CliRun.run("inventory", "--project", project.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the accept waits for its batch's sign-off, so only the reject applies yet
        assertThat(r.out())
                .contains("human review (what the build uses now):")
                .contains("injury: 6 records: 0 accepted (0 edited), 1 rejected, 0 in failed batches, 5 pending review:"
                        + " open them with spotter review --project " + project);
        CliRun.Result json = CliRun.run("inventory", "--project", project.toString(), "--json");
        assertThat(json.out())
                .contains("\"review\":[{\"source\":\"injury\",\"records\":6,\"used\":0,"
                        + "\"edited\":0,\"rejected\":1,\"batchFailed\":0,\"pending\":5}]");
    }

    @Test
    void aMalformedImportStoresNothingAndNamesEveryBadLine() throws Exception {
        Path in = dir.resolve("bad.jsonl");
        String cut = decision("injury_analysis", 2, "ana", "accept", null);
        Files.writeString(
                in,
                decision("injury_analysis", 0, "ana", "accept", null) + "\n"
                        + decision("injury_analysis", 1, "ana", "reject", "boring") + "\n"
                        + cut.substring(0, 40));
        CliRun.Result r = CliRun.run("review", "import", "--file", data.toString(), in.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains(in + ":2: unknown reason \"boring\"")
                .contains(in + ":3: not JSON")
                .contains("spotter: nothing imported: 2 bad lines in " + in);
        assertThat(CliRun.run("review", "status", "--file", data.toString()).out())
                .contains("0 reviewed");
    }

    @Test
    void twoReviewersConflictIsReportedNotAppliedAndExitsOne() throws Exception {
        Path in = dir.resolve("both.jsonl");
        Files.write(
                in,
                List.of(
                        decision("injury_analysis", 0, "ana", "accept", null),
                        decision("injury_analysis", 0, "ben", "reject", "unsafe_advice"),
                        decision("injury_analysis", 1, "ana", "accept", null),
                        decision("injury_analysis", 1, "ben", "accept", null)));
        CliRun.Result r = CliRun.run("review", "import", "--file", data.toString(), in.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(in + ":1,2: injury_analysis line:1: conflicting decisions");
        assertThat(r.out()).contains("4 lines read: 1 decision stored, 1 already there or repeated, 1 not applied");
    }

    @Test
    void theReportShowsRejectReasonsPerCategoryAndPerPromptHash() throws Exception {
        Path in = dir.resolve("d.jsonl");
        Files.write(
                in,
                List.of(
                        decision("injury", 0, "ana", "accept", null),
                        decision("injury", 1, "ana", "accept", null),
                        decision("injury", 3, "ana", "reject", "unsafe_advice"),
                        decision("injury", 4, "ana", "reject", "unsafe_advice"),
                        decision("injury", 5, "ana", "reject", "not_grounded")));
        assertThat(CliRun.run("review", "import", "--project", project.toString(), in.toString())
                        .code())
                .isZero();
        CliRun.Result r = CliRun.run("review", "report", "--project", project.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("prompt bbbbbbbbbbbb \\(\\S+\\) +3 +3 +3 +100\\.0%  unsafe_advice 2, not_grounded 1")
                .containsPattern("prompt aaaaaaaaaaaa \\(\\S+\\) +3 +2 +0 +0\\.0%  -");
        assertThat(r.out().indexOf("bbbbbbbbbbbb")).isLessThan(r.out().indexOf("aaaaaaaaaaaa")); // worst first
        assertThat(CliRun.run("review", "--report", "--project", project.toString())
                        .out())
                .isEqualTo(r.out());
    }

    @Test
    void aLoneFileInsideABuildOutputIsRefusedAndTheAppStartsOverALoneFile() throws Exception {
        Files.writeString(dir.resolve("gen/summary.json"), "{}");
        CliRun.Result r = CliRun.run("review", "status", "--file", data.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("inside the build output").contains("--db");
        Files.delete(dir.resolve("gen/summary.json"));
        Spotter s = Spotter.builder().environment(Environment.of(Map.of())).build();
        try (ReviewApp.Running app = s.review(s.reviewFile(data, null, null, 50), ReviewApp.Options.defaults())) {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(app.url()).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
            URI bare = URI.create("http://127.0.0.1:" + app.url().getPort() + "/");
            assertThat(http.send(HttpRequest.newBuilder(bare).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(dir.resolve("gen/.spotter/review.db")).isRegularFile();
    }
}
