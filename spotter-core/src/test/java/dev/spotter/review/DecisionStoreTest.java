package dev.spotter.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.review.Decision.Action;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionStoreTest {
    @TempDir
    Path dir;

    static final String H1 = Sha256.hex("one");
    static final String H2 = Sha256.hex("two");

    /** A clock the test moves by hand. */
    static final class Manual extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.set(now.get().plus(d));
        }
    }

    static Decision accept(String hash, String reviewer) {
        return new Decision(
                0,
                "s",
                hash,
                "r-" + hash.substring(0, 4),
                1,
                "b",
                Action.ACCEPT,
                null,
                null,
                null,
                null,
                reviewer,
                Instant.EPOCH,
                10,
                "ui");
    }

    static Decision reject(String hash, String reviewer, String reason) {
        return new Decision(
                0,
                "s",
                hash,
                "r-" + hash.substring(0, 4),
                1,
                "b",
                Action.REJECT,
                reason,
                "note",
                null,
                null,
                reviewer,
                Instant.EPOCH,
                10,
                "ui");
    }

    @Test
    void decisionsSurviveReopeningAndCarryReviewerTimeAndHash() throws Exception {
        Manual clock = new Manual();
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"), clock)) {
            Decision d = st.decide(reject(H1, "ana", "unsafe_advice"), 0, "s1");
            assertThat(d.id()).isPositive();
            assertThat(d.decidedAt()).isEqualTo(clock.instant());
        }
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"))) {
            Decision d = st.live("s", H1).orElseThrow();
            assertThat(d.reviewer()).isEqualTo("ana");
            assertThat(d.reason()).isEqualTo("unsafe_advice");
            assertThat(d.note()).isEqualTo("note");
            assertThat(d.msSpent()).isEqualTo(10);
            assertThat(st.live("s")).containsOnlyKeys(H1);
        }
    }

    @Test
    void aLeaseKeepsOtherSessionsOffTheRecordUntilItExpires() throws Exception {
        Manual clock = new Manual();
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"), clock)) {
            assertThat(st.lease("s", H1, "A", "ana", Duration.ofMinutes(5)).session())
                    .isEqualTo("A");
            DecisionStore.Lease other = st.lease("s", H1, "B", "bo", Duration.ofMinutes(5));
            assertThat(other.session()).isEqualTo("A"); // B did not get it
            assertThatThrownBy(() -> st.decide(accept(H1, "bo"), 0, "B"))
                    .isInstanceOf(DecisionStore.Conflict.class)
                    .hasMessageContaining("being reviewed by ana");
            // taking another record releases the first
            st.lease("s", H2, "A", "ana", Duration.ofMinutes(5));
            assertThat(st.lease("s", H1, "B", "bo", Duration.ofMinutes(5)).session())
                    .isEqualTo("B");
            clock.advance(Duration.ofMinutes(6));
            assertThat(st.leases("s")).isEmpty();
            assertThat(st.lease("s", H1, "A", "ana", Duration.ofMinutes(5)).session())
                    .isEqualTo("A");
        }
    }

    @Test
    void aSecondDecisionMustNameTheOneItReplacesSoNobodyOverwritesAnother() throws Exception {
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"))) {
            Decision first = st.decide(accept(H1, "ana"), 0, "A");
            assertThatThrownBy(() -> st.decide(reject(H1, "bo", "other"), 0, "B"))
                    .isInstanceOf(DecisionStore.Conflict.class)
                    .hasMessageContaining("decided meanwhile: accept by ana");
            Decision second = st.decide(reject(H1, "bo", "other"), first.id(), "B");
            assertThat(st.live("s", H1).orElseThrow().id()).isEqualTo(second.id());
        }
    }

    @Test
    void undoEndsTheReviewersLatestDecisionAndRevivesTheOneItReplaced() throws Exception {
        try (DecisionStore st = DecisionStore.open(dir.resolve("r.db"))) {
            Decision a = st.decide(accept(H1, "ana"), 0, "A");
            st.decide(accept(H2, "bo"), 0, "B");
            Decision r = st.decide(reject(H1, "ana", "other"), a.id(), "A");
            assertThat(st.undoLast("ana").orElseThrow().id()).isEqualTo(r.id());
            assertThat(st.live("s", H1).orElseThrow().id()).isEqualTo(a.id());
            assertThat(st.undoLast("ana").orElseThrow().id()).isEqualTo(a.id());
            assertThat(st.live("s", H1)).isEmpty();
            assertThat(st.undoLast("ana")).isEmpty();
            assertThat(st.live("s", H2)).isPresent(); // bo's decision is not ana's to undo
        }
    }

    @Test
    void aMissingDatabaseReadsAsEmptyAndReadOnlyRefusesWrites() throws Exception {
        try (DecisionStore st = DecisionStore.openReadOnly(dir.resolve("none.db"))) {
            assertThat(st.live("s")).isEmpty();
            assertThat(st.signOffs("s")).isEmpty();
            assertThatThrownBy(() -> st.decide(accept(H1, "ana"), 0, null)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(dir.resolve("none.db")).doesNotExist();
    }

    @Test
    void versionChangesWhenAnotherConnectionCommits() throws Exception {
        Path db = dir.resolve("r.db");
        try (DecisionStore a = DecisionStore.open(db);
                DecisionStore b = DecisionStore.open(db)) {
            long v = a.version();
            assertThat(a.version()).isEqualTo(v);
            b.decide(accept(H1, "bo"), 0, null);
            assertThat(a.version()).isNotEqualTo(v);
            assertThat(a.live("s", H1)).isPresent();
        }
    }

    @Test
    void aDecisionRecordRefusesInconsistentFields() {
        assertThatThrownBy(() -> new Decision(
                        0, "s", "abc", "r", 1, "b", Action.ACCEPT, null, null, null, null, "a", Instant.EPOCH, 0, "ui"))
                .hasMessageContaining("64 lower-case hex");
        assertThatThrownBy(() -> new Decision(
                        0, "s", H1, "r", 1, "b", Action.REJECT, null, null, null, null, "a", Instant.EPOCH, 0, "ui"))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new Decision(
                        0, "s", H1, "r", 1, "b", Action.EDIT, null, null, "{}", null, "a", Instant.EPOCH, 0, "ui"))
                .hasMessageContaining("original");
        assertThatThrownBy(() -> new Decision(
                        0, "s", H1, "r", 1, "b", Action.ACCEPT, null, null, null, null, " ", Instant.EPOCH, 0, "ui"))
                .hasMessageContaining("reviewer");
    }
}
