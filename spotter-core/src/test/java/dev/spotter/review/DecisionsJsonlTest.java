package dev.spotter.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.review.Decision.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionsJsonlTest {
    @TempDir
    Path dir;

    @Test
    void exportThenImportIntoAnEmptyDatabaseGivesTheSameDecisionsAndReimportIsANoOp() throws Exception {
        String original = SourceIndexTest.example("orig");
        try (DecisionStore a = DecisionStore.open(dir.resolve("a.db"))) {
            a.decide(DecisionStoreTest.reject(Sha256.hex("x"), "ana", "unsafe_advice"), 0, null);
            a.decide(
                    new Decision(
                            0,
                            "s",
                            Sha256.hex(original),
                            "c_1_a1",
                            2,
                            "b",
                            Action.EDIT,
                            null,
                            "fixed",
                            SourceIndexTest.example("fixed"),
                            original,
                            "bo",
                            java.time.Instant.EPOCH,
                            900,
                            "ui"),
                    0,
                    null);
            assertThat(DecisionsJsonl.export(a, dir.resolve("out/decisions.jsonl")))
                    .isEqualTo(2);
        }
        List<String> lines = Files.readAllLines(dir.resolve("out/decisions.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"action\":\"reject\"", "\"reason\":\"unsafe_advice\"", "\"content_hash\":");
        try (DecisionStore b = DecisionStore.open(dir.resolve("b.db"))) {
            var r = DecisionsJsonl.importFile(b, dir.resolve("out/decisions.jsonl"), Map.of());
            assertThat(r.ok()).isTrue();
            assertThat(r.stored()).isEqualTo(2);
            Decision e = b.live("s", Sha256.hex(original)).orElseThrow();
            assertThat(e.edited()).contains("fixed");
            assertThat(e.origin()).isEqualTo("import");
            assertThat(e.msSpent()).isEqualTo(900);
            var again = DecisionsJsonl.importFile(b, dir.resolve("out/decisions.jsonl"), Map.of());
            assertThat(again.stored()).isZero();
            assertThat(again.skipped()).isEqualTo(2);
        }
    }

    @Test
    void aMalformedImportIsRejectedLineByLineAndNothingIsApplied() throws Exception {
        String h = Sha256.hex("ok");
        String good = "{\"source\":\"s\",\"content_hash\":\"" + h + "\",\"line\":1,\"action\":\"accept\","
                + "\"reviewer\":\"ana\",\"decided_at\":\"2026-12-01T10:00:00Z\",\"ms_spent\":3}";
        Path f = dir.resolve("in.jsonl");
        Files.write(
                f,
                List.of(
                        good,
                        "not json at all",
                        good.replace(h, "ABC"),
                        good.replace("\"accept\"", "\"approve\""),
                        good.replace("\"accept\"", "\"reject\"").replace(h, Sha256.hex("2")),
                        good.replace("\"ms_spent\":3", "\"ms_spent\":\"3\"").replace(h, Sha256.hex("3")),
                        good.replace("2026-12-01T10:00:00Z", "yesterday").replace(h, Sha256.hex("4")),
                        good.replace("\"s\"", "\"other\"").replace(h, Sha256.hex("5")),
                        good.replace("\"accept\"", "\"reject\",\"reason\":\"meh\"")
                                .replace(h, Sha256.hex("6")),
                        good.replace("}", ",\"extra\":1}").replace(h, Sha256.hex("7")),
                        "",
                        good));
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"))) {
            var r = DecisionsJsonl.importFile(st, f, Map.of("s", ReviewPolicy.defaults()));
            assertThat(r.ok()).isFalse();
            assertThat(r.stored()).isZero();
            assertThat(r.errors())
                    .extracting(DecisionsJsonl.LineError::line)
                    .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L); // 12 repeats line 1: the same decision
            assertThat(r.errors().get(0).reason()).startsWith("not JSON (");
            assertThat(r.errors().get(1).reason()).contains("64 lower-case hex");
            assertThat(r.errors().get(2).reason()).contains("accept, reject or edit");
            assertThat(r.errors().get(3).reason()).contains("needs a reason");
            assertThat(r.errors().get(4).reason()).contains("ms_spent must be an integer");
            assertThat(r.errors().get(5).reason()).contains("ISO-8601");
            assertThat(r.errors().get(6).reason()).contains("unknown source \"other\"");
            assertThat(r.errors().get(7).reason()).contains("unknown reason \"meh\"");
            assertThat(r.errors().get(8).reason()).contains("unknown field \"extra\"");
            assertThat(st.allLive()).isEmpty(); // line 1 was valid, yet nothing is half-applied
        }
    }

    @Test
    void aDecisionContradictingReviewDbIsReportedAndTheStoredOneKept() throws Exception {
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"))) {
            st.decide(DecisionStoreTest.accept(Sha256.hex("x"), "ana"), 0, null);
            Path f = dir.resolve("in.jsonl");
            Files.writeString(
                    f,
                    "{\"source\":\"s\",\"content_hash\":\"" + Sha256.hex("y")
                            + "\",\"line\":1,\"action\":\"accept\",\"reviewer\":\"bo\",\"decided_at\":\"2026-12-01T10:00:00Z\",\"ms_spent\":1}\n"
                            + "{\"source\":\"s\",\"content_hash\":\"" + Sha256.hex("x")
                            + "\",\"line\":1,\"action\":\"reject\",\"reason\":\"other\",\"reviewer\":\"bo\",\"decided_at\":\"2026-12-01T10:00:00Z\",\"ms_spent\":1}\n");
            var r = DecisionsJsonl.importFile(st, f, Map.of());
            assertThat(r.ok()).isTrue();
            assertThat(r.notApplied()).singleElement().satisfies(n -> {
                assertThat(n.lines()).containsExactly(2L);
                assertThat(n.reason()).contains("review.db already has accept by ana", "import: reject other");
            });
            assertThat(st.live("s", Sha256.hex("x")).orElseThrow().action()).isEqualTo(Action.ACCEPT);
            assertThat(r.stored()).isEqualTo(1); // the other, well-formed and uncontested line is applied
        }
    }
}
