package dev.spotter.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.review.Decision.Action;
import dev.spotter.review.SourceReview.State;
import dev.spotter.review.SourceReview.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewGateTest {
    @TempDir
    Path dir;

    Path data;
    DecisionStoreTest.Manual clock;

    @BeforeEach
    void fortyRecords() throws Exception {
        data = dir.resolve("g.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(SourceIndexTest.example("question " + i));
        }
        Files.write(data, lines);
        clock = new DecisionStoreTest.Manual();
    }

    SourceIndex index(int batchSize) throws Exception {
        return SourceIndex.scan("s", data, null, "c", batchSize);
    }

    static Decision decision(SourceIndex.Record r, Action a) {
        return new Decision(
                0,
                "s",
                r.contentHash(),
                r.recordId(),
                r.line(),
                r.batchId(),
                a,
                a == Action.REJECT ? "low_quality" : null,
                null,
                a == Action.EDIT ? SourceIndexTest.example("edited") : null,
                a == Action.EDIT ? "orig" : null,
                "ana",
                java.time.Instant.EPOCH,
                5,
                "ui");
    }

    @Test
    void fullReviewNeedsEveryRecordDecidedAndASignOffBeforeAnythingIsUsed() throws Exception {
        SourceIndex idx = index(20);
        ReviewPolicy all = ReviewPolicy.defaults();
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"), clock)) {
            SourceIndex.Batch b = idx.batches().getFirst();
            for (SourceIndex.Record r : b.records()) {
                Action a = r.line() == 1 ? Action.REJECT : r.line() == 2 ? Action.EDIT : Action.ACCEPT;
                if (r.line() != 3) {
                    st.decide(decision(r, a), 0, null);
                }
            }
            SourceReview rev = ReviewGate.evaluate(idx, all, st);
            SourceReview.BatchReview br = rev.batch(b.id());
            assertThat(br.state()).isEqualTo(State.IN_REVIEW);
            assertThat(br.counts().required()).isEqualTo(1);
            assertThat(rev.verdict(idx.records().get(0)))
                    .isInstanceOf(Verdict.Rejected.class); // a reject applies at once
            assertThat(rev.verdict(idx.records().get(3)))
                    .isInstanceOf(Verdict.Pending.class); // accepted, not signed off
            assertThat(rev.verdict(idx.records().get(2))).isInstanceOf(Verdict.Pending.class);

            st.decide(decision(idx.records().get(2), Action.ACCEPT), 0, null);
            assertThat(ReviewGate.evaluate(idx, all, st).batch(b.id()).state()).isEqualTo(State.READY);
            clock.advance(Duration.ofSeconds(1));
            st.signOff("s", b.id(), b.membersHash(), "ana");
            rev = ReviewGate.evaluate(idx, all, st);
            assertThat(rev.batch(b.id()).state()).isEqualTo(State.PASSED);
            assertThat(rev.verdict(idx.records().get(3))).isInstanceOf(Verdict.Accepted.class);
            assertThat(((Verdict.Edited) rev.verdict(idx.records().get(1))).editedLine())
                    .contains("edited");
            assertThat(rev.verdict(idx.records().get(25))).isInstanceOf(Verdict.Pending.class); // second batch
            assertThat(rev.total().rejected()).isEqualTo(1);
            assertThat(rev.total().edited()).isEqualTo(1);
            assertThat(rev.total().accepted()).isEqualTo(18);
            assertThat(rev.rejected()).extracting(SourceIndex.Record::line).containsExactly(1L);

            // a later change of a decision voids the sign-off until someone signs again
            clock.advance(Duration.ofSeconds(1));
            st.undoLast("ana");
            assertThat(ReviewGate.evaluate(idx, all, st).batch(b.id()).state()).isEqualTo(State.IN_REVIEW);
            st.decide(decision(idx.records().get(2), Action.ACCEPT), 0, null);
            assertThat(ReviewGate.evaluate(idx, all, st).batch(b.id()).state()).isEqualTo(State.READY);
        }
    }

    @Test
    void aChangedLineLosesItsDecisionAndAChangedBatchItsSignOff() throws Exception {
        SourceIndex idx = index(50);
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"), clock)) {
            for (SourceIndex.Record r : idx.records()) {
                st.decide(decision(r, Action.ACCEPT), 0, null);
            }
            clock.advance(Duration.ofSeconds(1));
            SourceIndex.Batch b = idx.batches().getFirst();
            st.signOff("s", b.id(), b.membersHash(), "ana");
            assertThat(ReviewGate.evaluate(idx, ReviewPolicy.defaults(), st)
                            .batch(b.id())
                            .state())
                    .isEqualTo(State.PASSED);
            List<String> lines = new ArrayList<>(Files.readAllLines(data));
            lines.set(4, SourceIndexTest.example("question 5, regenerated"));
            Files.write(data, lines);
            SourceIndex again = index(50);
            SourceReview rev = ReviewGate.evaluate(again, ReviewPolicy.defaults(), st);
            assertThat(rev.decision(again.records().get(4))).isNull();
            assertThat(rev.batches().getFirst().state()).isEqualTo(State.IN_REVIEW);
            assertThat(rev.verdict(5, again.records().get(4).contentHash())).isInstanceOf(Verdict.Pending.class);
            // the build asks with the line it read: a hash the index does not have is pending, never accepted
            assertThat(rev.verdict(1, Sha256.hex("something else"))).isInstanceOf(Verdict.Pending.class);
        }
    }

    @Test
    void aSampleWithinTheRejectRatePassesAndItsUnseenRecordsAreUsed() throws Exception {
        SourceIndex idx = index(40);
        ReviewPolicy p = ReviewPolicy.builder()
                .mode(ReviewPolicy.Mode.SAMPLE)
                .sample(10, 10)
                .maxRejectRate(0.2)
                .onFail(ReviewPolicy.OnFail.FAIL)
                .build();
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"), clock)) {
            SourceIndex.Batch b = idx.batches().getFirst();
            SourceReview.BatchReview br = ReviewGate.evaluate(idx, p, st).batch(b.id());
            assertThat(br.sampleSize()).isEqualTo(10); // 10 % of 40 is 4, the minimum is 10
            assertThat(java.util.Objects.requireNonNull(br.sample())).hasSize(10);
            assertThat(br.allowedRejects()).isEqualTo(2);
            assertThat(ReviewGate.evaluate(idx, p, st).batch(b.id()).sample()).isEqualTo(br.sample()); // seeded
            int rejects = 0;
            for (SourceIndex.Record r : b.records()) {
                if (br.required(r)) {
                    st.decide(decision(r, rejects++ < 2 ? Action.REJECT : Action.ACCEPT), 0, null);
                }
            }
            clock.advance(Duration.ofSeconds(1));
            assertThat(ReviewGate.evaluate(idx, p, st).batch(b.id()).state()).isEqualTo(State.READY);
            st.signOff("s", b.id(), b.membersHash(), "ana");
            SourceReview passed = ReviewGate.evaluate(idx, p, st);
            assertThat(passed.batch(b.id()).state()).isEqualTo(State.PASSED);
            long unseen = b.records().stream()
                    .filter(r -> !br.required(r))
                    .filter(r -> passed.verdict(r) instanceof Verdict.Accepted a && a.bySample())
                    .count();
            assertThat(unseen).isEqualTo(30);
        }
    }

    @Test
    void oneRejectTooManyFailsTheBatchAtOnceOrEscalatesItToFullReview() throws Exception {
        SourceIndex idx = index(40);
        ReviewPolicy fail = ReviewPolicy.builder()
                .mode(ReviewPolicy.Mode.SAMPLE)
                .sample(25, 1)
                .maxRejectRate(0.2)
                .onFail(ReviewPolicy.OnFail.FAIL)
                .build();
        ReviewPolicy escalate =
                fail.toBuilder().onFail(ReviewPolicy.OnFail.ESCALATE).build();
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"), clock)) {
            SourceIndex.Batch b = idx.batches().getFirst();
            SourceReview.BatchReview br = ReviewGate.evaluate(idx, fail, st).batch(b.id());
            assertThat(br.sampleSize()).isEqualTo(10);
            List<SourceIndex.Record> sampled =
                    b.records().stream().filter(br::required).toList();
            for (int i = 0; i < 3; i++) { // 3 > floor(0.2 * 10): the sample cannot pass any more
                st.decide(decision(sampled.get(i), Action.REJECT), 0, null);
            }
            st.decide(decision(sampled.get(3), Action.ACCEPT), 0, null);
            SourceReview failed = ReviewGate.evaluate(idx, fail, st);
            assertThat(failed.batch(b.id()).state()).isEqualTo(State.FAILED);
            assertThat(failed.batch(b.id()).explanation()).contains("3 rejects in a sample of 10, at most 2");
            assertThat(failed.verdict(sampled.get(3))).isInstanceOf(Verdict.Accepted.class); // vetted by a person
            assertThat(failed.verdict(sampled.get(5))).isInstanceOf(Verdict.BatchFailed.class);

            SourceReview esc = ReviewGate.evaluate(idx, escalate, st);
            assertThat(esc.batch(b.id()).state()).isEqualTo(State.IN_REVIEW);
            assertThat(esc.batch(b.id()).escalated()).isTrue();
            assertThat(esc.batch(b.id()).counts().required()).isEqualTo(36);
            assertThat(esc.batch(b.id()).explanation()).contains("escalated to full review");
        }
    }

    @Test
    void theGateReadsTheDatabaseFileTheAppWrote() throws Exception {
        Path db = dir.resolve("state/review.db");
        SourceIndex idx = index(50);
        try (DecisionStore st = DecisionStore.open(db)) {
            st.decide(decision(idx.records().getFirst(), Action.REJECT), 0, "A");
        }
        try (ReviewGate gate = ReviewGate.open(db)) {
            SourceReview rev = gate.review("s", data, null, "c", ReviewPolicy.defaults());
            assertThat(rev.verdict(1, idx.records().getFirst().contentHash())).isInstanceOf(Verdict.Rejected.class);
            assertThat(rev.categories()).containsOnlyKeys("c");
            assertThat(java.util.Objects.requireNonNull(rev.categories().get("c"))
                            .rejected())
                    .isEqualTo(1);
            assertThat(java.util.Objects.requireNonNull(rev.categories().get("c"))
                            .undecided())
                    .isEqualTo(39);
        }
    }
}
