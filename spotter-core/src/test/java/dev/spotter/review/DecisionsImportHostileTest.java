package dev.spotter.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.review.Decision.Action;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import files the way people produce them: two reviewers' exports pasted together, edited by hand in a text editor
 * (BOM, CRLF), cut off by a full disk, with strings where numbers belong. Written from the file format in
 * docs/areas/review.md, not from the parser.
 */
class DecisionsImportHostileTest {
    @TempDir
    Path dir;

    private final Map<String, ReviewPolicy> policies = Map.of("injury", ReviewPolicy.defaults());
    private Map<String, SourceIndex> indexes;
    private final String[] hash = new String[5];

    @BeforeEach
    void data() throws Exception {
        Path data = dir.resolve("injury.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String line = SourceIndexTest.example("question " + i);
            hash[i] = Sha256.hex(line);
            b.append(line).append('\n');
        }
        Files.writeString(data, b);
        indexes = Map.of("injury", SourceIndex.scan("injury", data, null, "acute", 50));
    }

    private String decision(
            int rec, String reviewer, String action, @org.jspecify.annotations.Nullable String reason, String at) {
        return "{\"source\":\"injury\",\"content_hash\":\"" + hash[rec] + "\",\"record_id\":\"line:" + (rec + 1)
                + "\",\"line\":" + (rec + 1) + ",\"batch\":\"lines-1-5\",\"action\":\"" + action + "\","
                + "\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"") + ",\"note\":null,\"edited\":null,"
                + "\"original\":null,\"reviewer\":\"" + reviewer + "\",\"decided_at\":\"" + at
                + "\",\"ms_spent\":4000}";
    }

    private DecisionsJsonl.ImportResult importText(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        try (DecisionStore st = DecisionStore.open(dir.resolve("review.db"))) {
            return DecisionsJsonl.importFile(st, f, policies, indexes);
        }
    }

    private List<Decision> stored() throws Exception {
        try (DecisionStore st = DecisionStore.open(dir.resolve("review.db"))) {
            return st.allLive();
        }
    }

    @Test
    void aWindowsEditedFileWithBomAndCrlfImports() throws Exception {
        var r = importText(
                "win.jsonl",
                "\uFEFF" + decision(0, "ana", "accept", null, "2026-12-01T10:00:00Z") + "\r\n"
                        + decision(1, "ana", "reject", "unsafe_advice", "2026-12-01T10:01:00Z") + "\r\n\r\n");
        assertThat(r.errors()).isEmpty();
        assertThat(r.stored()).isEqualTo(2);
        assertThat(stored()).extracting(Decision::action).containsExactlyInAnyOrder(Action.ACCEPT, Action.REJECT);
    }

    @Test
    void aTruncatedLastLineRejectsTheWholeFile() throws Exception {
        String full = decision(0, "ana", "accept", null, "2026-12-01T10:00:00Z") + "\n"
                + decision(1, "ana", "accept", null, "2026-12-01T10:01:00Z") + "\n";
        String cut = decision(2, "ana", "accept", null, "2026-12-01T10:02:00Z");
        var r = importText("cut.jsonl", full + cut.substring(0, cut.length() / 2));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).startsWith("not JSON (");
            assertThat(e.format(dir.resolve("cut.jsonl"))).startsWith(dir.resolve("cut.jsonl") + ":3: not JSON");
        });
        assertThat(stored()).isEmpty();
    }

    @Test
    void wrongTypesUnknownReasonsAndGluedLinesAreEachReportedAndNothingApplied() throws Exception {
        String ok = decision(0, "ana", "accept", null, "2026-12-01T10:00:00Z");
        var r = importText(
                "hand.jsonl",
                String.join(
                        "\n",
                        ok,
                        ok.replace("\"line\":1", "\"line\":\"1\"").replace(hash[0], hash[1]),
                        ok.replace("\"ms_spent\":4000", "\"ms_spent\":4.5").replace(hash[0], hash[2]),
                        ok.replace("\"reviewer\":\"ana\"", "\"reviewer\":42").replace(hash[0], hash[3]),
                        decision(4, "ana", "reject", "too_long", "2026-12-01T10:00:00Z"),
                        ok + ok.replace(hash[0], hash[1]), // a lost newline: two objects on one line
                        ok.replace("\"action\":\"accept\"", "\"action\":\"accept\",\"action\":\"reject\""),
                        "[" + ok + "]",
                        ok.replace("\"source\":\"injury\"", "\"source\":\"Injury\""),
                        ok.replace("2026-12-01T10:00:00Z", "01/12/2026 10:00")));
        assertThat(r.errors())
                .extracting(DecisionsJsonl.LineError::line)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(r.errors().get(0).reason()).contains("line must be an integer");
        assertThat(r.errors().get(1).reason()).contains("ms_spent must be an integer");
        assertThat(r.errors().get(2).reason()).contains("reviewer must be a string, was number");
        assertThat(r.errors().get(3).reason()).contains("unknown reason \"too_long\"");
        assertThat(r.errors().get(4).reason()).startsWith("not JSON (");
        assertThat(r.errors().get(5).reason()).startsWith("not JSON (").contains("Duplicate field");
        assertThat(r.errors().get(6).reason()).isEqualTo("not a JSON object");
        assertThat(r.errors().get(7).reason()).contains("unknown source \"Injury\"");
        assertThat(r.errors().get(8).reason()).contains("ISO-8601");
        assertThat(stored()).isEmpty();
    }

    @Test
    void notUtf8IsOneClearError() throws Exception {
        Path f = dir.resolve("latin1.jsonl");
        Files.write(
                f,
                (decision(0, "Jos\u00e9", "accept", null, "2026-12-01T10:00:00Z") + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        try (DecisionStore st = DecisionStore.open(dir.resolve("review.db"))) {
            var r = DecisionsJsonl.importFile(st, f, policies, indexes);
            assertThat(r.errors())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("not UTF-8 text"));
            assertThat(st.allLive()).isEmpty();
        }
    }

    @Test
    void twoReviewersMergeAgreementsAndReportConflictsWithoutApplyingThem() throws Exception {
        String ana = String.join(
                "\n",
                decision(0, "ana", "accept", null, "2026-12-01T10:00:00Z"),
                decision(1, "ana", "accept", null, "2026-12-01T10:01:00Z"),
                decision(2, "ana", "reject", "low_quality", "2026-12-01T10:02:00Z"),
                decision(3, "ana", "accept", null, "2026-12-01T10:03:00Z"));
        String ben = String.join(
                "\n",
                decision(0, "ben", "accept", null, "2026-12-01T09:00:00Z"), // agrees, earlier
                decision(1, "ben", "reject", "unsafe_advice", "2026-12-01T11:00:00Z"), // later, but a conflict
                decision(2, "ben", "reject", "unsafe_advice", "2026-12-01T11:02:00Z"), // both reject: later wins
                decision(3, "ana", "accept", null, "2026-12-01T10:03:00Z"), // ana's line pasted twice
                "{\"source\":\"injury\",\"content_hash\":\"" + Sha256.hex("a line that was regenerated")
                        + "\",\"line\":9,\"action\":\"accept\",\"reviewer\":\"ben\","
                        + "\"decided_at\":\"2026-12-01T11:09:00Z\",\"ms_spent\":1}");
        var r = importText("merged.jsonl", ana + "\n" + ben + "\n");
        assertThat(r.errors()).isEmpty();
        assertThat(r.stored()).isEqualTo(3);
        assertThat(r.skipped()).isEqualTo(3); // rec0 ben's agreement, rec2 ana's reject, rec3's pasted copy
        assertThat(r.notApplied()).hasSize(2);
        assertThat(r.notApplied().get(0).lines()).containsExactly(2L, 6L);
        assertThat(r.notApplied().get(0).reason())
                .contains("conflicting decisions", "accept by ana (line 2)", "reject unsafe_advice by ben (line 6)");
        assertThat(r.notApplied().get(1).lines()).containsExactly(9L);
        assertThat(r.notApplied().get(1).reason()).contains("matches no record");
        List<Decision> live = stored();
        assertThat(live).extracting(Decision::contentHash).containsExactlyInAnyOrder(hash[0], hash[2], hash[3]);
        Decision rec0 = live.stream()
                .filter(d -> d.contentHash().equals(hash[0]))
                .findFirst()
                .orElseThrow();
        assertThat(rec0.reviewer()).isEqualTo("ben"); // the earliest of two agreeing decisions
        Decision rec2 = live.stream()
                .filter(d -> d.contentHash().equals(hash[2]))
                .findFirst()
                .orElseThrow();
        assertThat(rec2.reason()).isEqualTo("unsafe_advice");
        assertThat(rec2.batch()).isEqualTo("lines-1-5");
        // importing the same file again changes nothing and reports the same conflict
        var again = importText("merged.jsonl", ana + "\n" + ben + "\n");
        assertThat(again.stored()).isZero();
        assertThat(again.notApplied()).hasSize(2);
        assertThat(stored()).hasSize(3);
    }
}
