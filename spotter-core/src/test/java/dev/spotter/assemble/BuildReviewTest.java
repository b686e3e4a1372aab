package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.ConfigurationException;
import dev.spotter.Environment;
import dev.spotter.project.Project;
import dev.spotter.project.ProjectLoader;
import dev.spotter.review.Decision;
import dev.spotter.review.Decision.Action;
import dev.spotter.review.DecisionStore;
import dev.spotter.review.SourceIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build honours review decisions: only accepted and edited examples of signed-off batches ship. */
class BuildReviewTest {
    static final String YAML = """
            name: reviewed
            seed: 7
            sources:
              - id: injury
                kind: generation
                plan: injury
                path: injury_analysis.jsonl
                categoryField: category
                categorySidecar: .provenance.jsonl
            review:
              batchSize: 3
            output: {dir: out, formats: [messages]}
            """;

    @TempDir
    Path dir;

    Path data;
    Path side;

    @BeforeEach
    void copySample() throws Exception {
        data = dir.resolve("injury_analysis.jsonl");
        side = dir.resolve("injury_analysis.provenance.jsonl");
        Files.copy(Path.of("examples/assemble/generated/injury_analysis.jsonl"), data);
        Files.copy(Path.of("examples/assemble/generated/injury_analysis.provenance.jsonl"), side);
        Files.writeString(dir.resolve("spotter.yaml"), YAML);
    }

    Project project() {
        return ProjectLoader.load(dir.resolve("spotter.yaml"), Environment.empty());
    }

    BuildResult build() {
        return BuildPipeline.builder(project()).build().run();
    }

    @Test
    void nothingReviewedShipsNothingAndEveryLineIsPendingInTheAccounting() throws Exception {
        BuildResult r = build();
        AccountingStats acc = r.summary().accounting();
        assertThat(acc.ok()).as(acc.problems().toString()).isTrue();
        assertThat(acc.read()).isEqualTo(6);
        assertThat(acc.pendingReview()).isEqualTo(6);
        assertThat(acc.train() + acc.validation()).isZero();
        assertThat(Files.readAllLines(r.layout().reviewPending()))
                .hasSize(6)
                .allSatisfy(l -> assertThat(l)
                        .startsWith("{\"id\":\"injury:injury_analysis.jsonl:")
                        .contains("\"why\":\"not reviewed yet\"")
                        .doesNotContain("messages"));
        assertThat(r.pendingReview()).singleElement().asString().startsWith("injury: 6 lines pending review");
        ReviewStats rs = r.summary().review().getFirst();
        assertThat(rs.batches()).extracting(ReviewStats.Batch::id).containsExactly("lines-1-3", "lines-4-6");
        assertThat(Files.readString(r.layout().report())).contains("Human review", "6 pending review");
        assertThat(Files.readString(r.layout().card())).contains("## Human review", "| injury | lines-1-3 | in-review");
    }

    @Test
    void acceptedAndEditedOfASignedOffBatchShipRejectedAreQuarantinedTheRestIsPending() throws Exception {
        build();
        List<String> lines = Files.readAllLines(data);
        SourceIndex idx = SourceIndex.scan("injury", data, side, "", 3);
        JsonNode msgs = Jsonl.parse(lines.get(1)).get("messages");
        ((ObjectNode) msgs.get(msgs.size() - 1)).put("content", "EDITED-BY-REVIEWER answer");
        String editedLine = "{\"messages\":" + msgs + "}";
        Path db = dir.resolve(".spotter/review.db");
        Files.createDirectories(db.getParent());
        try (DecisionStore st = DecisionStore.open(db)) {
            List<SourceIndex.Record> rec = idx.records();
            st.decide(
                    decision(rec.get(0), Action.REJECT, "unsafe_advice", "keeps training through pain", null, null),
                    0,
                    null);
            st.decide(decision(rec.get(1), Action.EDIT, null, null, editedLine, lines.get(1)), 0, null);
            st.decide(decision(rec.get(2), Action.ACCEPT, null, null, null, null), 0, null);
            st.decide(decision(rec.get(3), Action.ACCEPT, null, null, null, null), 0, null); // batch 2: no sign-off
            SourceIndex.Batch b1 = idx.batches().getFirst();
            st.signOff("injury", b1.id(), b1.membersHash(), "ana");
        }

        BuildResult r = build();
        AccountingStats acc = r.summary().accounting();
        assertThat(acc.ok()).as(acc.problems().toString()).isTrue();
        assertThat(acc.train() + acc.validation()).isEqualTo(2);
        assertThat(acc.pendingReview()).isEqualTo(3);
        assertThat(acc.quarantined()).isEqualTo(1);
        assertThat(acc.read())
                .isEqualTo(
                        acc.train() + acc.validation() + acc.quarantined() + acc.deduplicated() + acc.pendingReview());
        List<String> shipped = answers(r.layout().train("messages"));
        shipped.addAll(answers(r.layout().validation("messages")));
        assertThat(shipped).containsExactlyInAnyOrder("EDITED-BY-REVIEWER answer", answer(lines.get(2)));
        JsonNode q = Jsonl.parse(Files.readAllLines(r.layout().quarantine()).getFirst());
        assertThat(q.get("reason").asText()).isEqualTo("review_rejected");
        assertThat(q.get("detail").asText()).isEqualTo("unsafe_advice: keeps training through pain");
        assertThat(q.at("/context/reviewer").asText()).isEqualTo("ana");
        ReviewStats rs = r.summary().review().getFirst();
        assertThat(rs.used()).isEqualTo(2);
        assertThat(rs.edited()).isEqualTo(1);
        assertThat(rs.rejected()).isEqualTo(1);
        ReviewStats.Batch b1 = rs.batches().getFirst();
        assertThat(b1.state()).isEqualTo("passed");
        assertThat(b1.signedOffBy()).isEqualTo("ana");
        assertThat(rs.batches().get(1).state()).isEqualTo("in-review");
        assertThat(rs.batches().get(1).pending()).isEqualTo(3);
        // reject reasons per category and per prompt hash, in summary.json and report.html
        assertThat(rs.rejectReasons())
                .filteredOn(row -> row.kind() == dev.spotter.review.RejectReport.Kind.CATEGORY && row.rejected() > 0)
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.decided()).isGreaterThanOrEqualTo(1);
                    assertThat(row.reasons()).containsExactly(Map.entry("unsafe_advice", 1));
                });
        String html = Files.readString(r.layout().dir().resolve("report.html"));
        assertThat(html).contains("<h3>Reject reasons: injury</h3>").contains("<td>unsafe_advice 1</td>");
        // the rejected reason is not an input-quality reject: the source's reject rate stays 0
        assertThat(r.rejectRateExceeded()).isEmpty();

        // a decision changes the ingest key: accepting + signing batch 2 ships it on the next build
        try (DecisionStore st = DecisionStore.open(db)) {
            st.decide(decision(idx.records().get(4), Action.ACCEPT, null, null, null, null), 0, null);
            st.decide(decision(idx.records().get(5), Action.ACCEPT, null, null, null, null), 0, null);
            SourceIndex.Batch b2 = idx.batches().get(1);
            st.signOff("injury", b2.id(), b2.membersHash(), "ben");
        }
        BuildResult again = build();
        assertThat(again.ran()).contains("ingest:injury");
        assertThat(again.summary().accounting().pendingReview()).isZero();
        assertThat(again.pendingReview()).isEmpty();
        assertThat(again.summary().accounting().train()
                        + again.summary().accounting().validation())
                .isEqualTo(5);
    }

    @Test
    void anUnreadableDecisionsDatabaseStopsTheBuild() throws Exception {
        Path db = dir.resolve(".spotter/review.db");
        Files.createDirectories(db.getParent());
        Files.writeString(db, "this is not a sqlite database, it is a sentence long enough to be read as a header");
        assertThatThrownBy(this::build)
                .isInstanceOf(dev.spotter.SpotterException.class)
                .hasMessageContaining("review.db");
    }

    @Test
    void theDecisionsDatabaseMayNotSitInTheUploadFolder() {
        assertThatThrownBy(() -> BuildPipeline.builder(project())
                        .outDir(dir.resolve(".spotter"))
                        .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("review.db")
                .hasMessageContaining("inside the output directory");
    }

    /** The last assistant turn of a chat line. */
    private static String answer(String line) {
        JsonNode m = Jsonl.parse(line).get("messages");
        return m.get(m.size() - 1).get("content").asText();
    }

    private static List<String> answers(Path file) throws java.io.IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            out.add(answer(l));
        }
        return out;
    }

    private static Decision decision(
            SourceIndex.Record r, Action a, String reason, String note, String edited, String original) {
        return new Decision(
                0,
                "injury",
                r.contentHash(),
                r.recordId(),
                r.line(),
                r.batchId(),
                a,
                reason,
                note,
                edited,
                original,
                "ana",
                Instant.now(),
                1000,
                "ui");
    }
}
