package dev.spotter.review;

import dev.spotter.review.SourceIndex.Batch;
import dev.spotter.review.SourceIndex.Record;
import dev.spotter.review.SourceReview.BatchReview;
import dev.spotter.review.SourceReview.Counts;
import dev.spotter.review.SourceReview.State;
import dev.spotter.review.SourceReview.Verdict;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The review gate: what the build, the inventory and generation ask about a reviewed source. Given the source's
 * file (+ provenance sidecar), its {@link ReviewPolicy} and the decisions database, it says which records are
 * accepted, edited (with the edited content), rejected (with reason and note) or pending, and which batches passed.
 *
 * <pre>{@code
 * try (ReviewGate gate = ReviewGate.open(project.reviewDb())) {
 *     SourceReview r = gate.review("injury", data, sidecar, "", policy);
 *     switch (r.verdict(lineNumber, sha256OfLine)) {
 *         case Verdict.Accepted a -> use(line);
 *         case Verdict.Edited e -> use(e.editedLine());
 *         case Verdict.Rejected x -> quarantine("review_rejected", x.decision().reason(), x.decision().note());
 *         case Verdict.Pending p -> pendingReview++;
 *         case Verdict.BatchFailed f -> quarantine("review_batch_failed", f.batch(), null);
 *     }
 * }
 * }</pre>
 *
 * <p>Batch rules ({@link #evaluate}): the required records are the whole batch ({@link ReviewPolicy.Mode#ALL} or an
 * escalated batch) or the seeded sample; each record's sample score is the first 8 bytes of
 * SHA-256({@code seed \n batch \n content hash}), lowest first, so the sample does not move when other lines are
 * added or reordered. More rejects in the sample than {@link ReviewPolicy#allowedRejects} fails or escalates the batch
 * at once (more decisions cannot lower the count). A batch passes when nothing required is undecided and a
 * sign-off applies: same membership hash, made after the batch's latest decision. A reject always applies; an
 * accept or edit applies once its batch passed (or failed: a person vetted that record).
 */
public final class ReviewGate implements AutoCloseable {
    private final DecisionStore store;

    private ReviewGate(DecisionStore store) {
        this.store = store;
    }

    /** Opens the decisions database read-only; a missing file means nothing was reviewed yet. */
    public static ReviewGate open(Path decisionsDb) throws IOException {
        return new ReviewGate(DecisionStore.openReadOnly(decisionsDb));
    }

    /** Indexes the source and evaluates it (see {@link #evaluate}). */
    public SourceReview review(
            String sourceId, Path data, @Nullable Path sidecar, String defaultCategory, ReviewPolicy policy)
            throws IOException {
        return evaluate(SourceIndex.scan(sourceId, data, sidecar, defaultCategory, policy.batchSize()), policy, store);
    }

    @Override
    public void close() {
        store.close();
    }

    /** The review state of an indexed source under {@code policy}, from the live decisions and sign-offs in {@code store}. */
    public static SourceReview evaluate(SourceIndex index, ReviewPolicy policy, DecisionStore store) {
        return evaluate(index, policy, store.live(index.sourceId()), store.signOffs(index.sourceId()));
    }

    /** As {@link #evaluate(SourceIndex, ReviewPolicy, DecisionStore)} from decisions and sign-offs already read. */
    public static SourceReview evaluate(
            SourceIndex index, ReviewPolicy policy, Map<String, Decision> live, List<DecisionStore.SignOff> signOffs) {
        int n = index.records().size();
        @Nullable Decision[] decisions = new Decision[n];
        List<BatchReview> batches = new ArrayList<>();
        for (Batch b : index.batches()) {
            batches.add(batch(b, policy, live, signOffs));
            for (Record r : b.records()) {
                decisions[r.index()] = live.get(r.contentHash());
            }
        }
        Map<String, Tally> cats = new LinkedHashMap<>();
        Tally all = new Tally();
        for (BatchReview br : batches) {
            for (Record r : br.batch().records()) {
                boolean req = br.required(r) && br.state() != State.FAILED;
                Decision d = decisions[r.index()];
                cats.computeIfAbsent(r.category(), k -> new Tally()).add(d, req);
                all.add(d, req);
            }
        }
        Map<String, Counts> catCounts = new LinkedHashMap<>();
        cats.forEach((k, t) -> catCounts.put(k, t.counts()));
        return new SourceReview(index, policy, batches, decisions, catCounts, all.counts());
    }

    private static BatchReview batch(
            Batch b, ReviewPolicy policy, Map<String, Decision> live, List<DecisionStore.SignOff> signOffs) {
        boolean full = policy.mode() == ReviewPolicy.Mode.ALL;
        Set<String> sample = full ? null : sample(b, policy);
        int sampleSize = policy.sampleSize(b.records().size());
        int allowed = policy.allowedRejects(sampleSize);
        int sampleRejected = 0;
        if (sample != null) {
            for (String h : sample) {
                Decision d = live.get(h);
                if (d != null && d.action() == Decision.Action.REJECT) {
                    sampleRejected++;
                }
            }
        }
        boolean exceeded = !full && sampleRejected > allowed;
        boolean escalated = exceeded && policy.onFail() == ReviewPolicy.OnFail.ESCALATE;
        Set<String> required = escalated ? null : sample;
        Tally t = new Tally();
        java.time.Instant latest = java.time.Instant.EPOCH;
        for (Record r : b.records()) {
            Decision d = live.get(r.contentHash());
            t.add(d, required == null || required.contains(r.contentHash()));
            if (d != null && d.decidedAt().isAfter(latest)) {
                latest = d.decidedAt();
            }
        }
        Counts c = t.counts();
        DecisionStore.SignOff signOff = null;
        for (DecisionStore.SignOff s : signOffs) {
            if (s.batch().equals(b.id())
                    && s.membersHash().equals(b.membersHash())
                    && !s.signedAt().isBefore(latest)) {
                signOff = s;
            }
        }
        State state;
        String why;
        if (exceeded && !escalated) {
            state = State.FAILED;
            why = String.format(
                    Locale.ROOT,
                    "sample failed: %d rejects in a sample of %d, at most %d allowed (maxRejectRate %.2f)",
                    sampleRejected,
                    sampleSize,
                    allowed,
                    policy.maxRejectRate());
            signOff = null;
        } else if (c.required() > 0) {
            state = State.IN_REVIEW;
            why = c.required() + " required record" + (c.required() == 1 ? "" : "s") + " undecided"
                    + (escalated
                            ? " (escalated to full review: " + sampleRejected + " rejects in the sample of "
                                    + sampleSize + ", at most " + allowed + " allowed)"
                            : "");
        } else if (signOff == null) {
            state = State.READY;
            why = "every required record is decided; waiting for a sign-off";
        } else {
            state = State.PASSED;
            why = "signed off by " + signOff.reviewer() + " at " + signOff.signedAt();
        }
        return new BatchReview(
                b,
                state,
                required,
                escalated,
                escalated ? b.records().size() : sampleSize,
                sampleRejected,
                allowed,
                c,
                signOff,
                why);
    }

    /** The seeded sample: content hashes of the {@code sampleSize} members with the lowest score. */
    static Set<String> sample(Batch b, ReviewPolicy policy) {
        Set<String> out = new HashSet<>();
        int k = policy.sampleSize(b.records().size());
        List<Record> sorted = new ArrayList<>(b.records());
        Map<String, Long> score = new java.util.HashMap<>();
        for (Record r : sorted) {
            score.computeIfAbsent(r.contentHash(), h -> score(policy.seed(), b.id(), h));
        }
        sorted.sort(Comparator.<Record>comparingLong(r -> score.getOrDefault(r.contentHash(), 0L))
                .thenComparingLong(Record::line));
        for (int i = 0; i < k; i++) {
            out.add(sorted.get(i).contentHash());
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    static long score(long seed, String batch, String contentHash) {
        byte[] d = Sha256.digest().digest((seed + "\n" + batch + "\n" + contentHash).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(d).getLong() >>> 1;
    }

    static Verdict verdict(BatchReview br, Record r, @Nullable Decision d) {
        if (d != null && d.action() == Decision.Action.REJECT) {
            return new Verdict.Rejected(d);
        }
        boolean settled = br.state() == State.PASSED || br.state() == State.FAILED;
        if (d != null) {
            if (!settled) {
                return new Verdict.Pending(
                        "batch " + br.batch().id() + " is not signed off (" + br.explanation() + ")");
            }
            return d.action() == Decision.Action.EDIT ? new Verdict.Edited(d) : new Verdict.Accepted(d);
        }
        return switch (br.state()) {
            case PASSED -> new Verdict.Accepted(null);
            case FAILED -> new Verdict.BatchFailed(br.batch().id());
            case IN_REVIEW, READY ->
                new Verdict.Pending(
                        br.required(r)
                                ? "not reviewed yet"
                                : "batch " + br.batch().id() + " is not signed off (" + br.explanation() + ")");
        };
    }

    /** Running counts. */
    private static final class Tally {
        int records;
        int accepted;
        int edited;
        int rejected;
        int undecided;
        int required;

        void add(@Nullable Decision d, boolean req) {
            records++;
            if (d == null) {
                undecided++;
                if (req) {
                    required++;
                }
                return;
            }
            switch (d.action()) {
                case ACCEPT -> accepted++;
                case EDIT -> edited++;
                case REJECT -> rejected++;
            }
        }

        Counts counts() {
            return new Counts(records, accepted, edited, rejected, undecided, required);
        }
    }
}
