package dev.spotter.review;

import dev.spotter.review.SourceIndex.Batch;
import dev.spotter.review.SourceIndex.Record;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The review state of one source at one moment: each batch's gate and each record's verdict. Immutable; made by
 * {@link ReviewGate}.
 */
public final class SourceReview {
    /** What the build does with one record. */
    public sealed interface Verdict {
        /** Use the original line: a reviewer accepted it, or its batch passed a sample that did not include it. */
        record Accepted(@Nullable Decision decision) implements Verdict {
            /** True when nobody looked at this record: its batch passed on a sample. */
            public boolean bySample() {
                return decision == null;
            }
        }

        /** Use {@code decision.edited()} instead of the line. */
        record Edited(Decision decision) implements Verdict {
            public String editedLine() {
                String e = decision.edited();
                if (e == null) {
                    throw new IllegalStateException("edit decision " + decision.id() + " has no edited content");
                }
                return e;
            }
        }

        /** Quarantine with reason {@code review_rejected}, the decision's reason code and note. */
        record Rejected(Decision decision) implements Verdict {}

        /** Not usable yet: {@code why} says what is missing (a review, a sign-off). */
        record Pending(String why) implements Verdict {}

        /** Undecided record of a batch whose sample failed: not used, its generation slot re-opens. */
        record BatchFailed(String batch) implements Verdict {}
    }

    /** Where a batch stands. */
    public enum State {
        /** Required records are still undecided. */
        IN_REVIEW,
        /** Every required record is decided and the sample passes: waiting for a sign-off. */
        READY,
        /** Signed off: its accepted and edited records (and, on a sample, its undecided ones) are used. */
        PASSED,
        /** The sample's reject rate is above the maximum and the policy says fail. */
        FAILED
    }

    /**
     * Counts over a set of records.
     *
     * @param undecided records without a decision
     * @param required  undecided records the gate still needs decided
     */
    public record Counts(int records, int accepted, int edited, int rejected, int undecided, int required) {
        public int decided() {
            return accepted + edited + rejected;
        }

        /** rejected / decided, 0 when nothing is decided. */
        public double rejectRate() {
            int d = decided();
            return d == 0 ? 0 : (double) rejected / d;
        }
    }

    /**
     * One batch's gate.
     *
     * @param sample         content hashes of the records a sample requires, or null when every record is required
     *                       (full review, or an escalated batch)
     * @param escalated      the sample failed and the policy escalated the batch to full review
     * @param sampleSize     records in the sample (the batch size in full review)
     * @param sampleRejected rejects among the sample
     * @param allowedRejects most rejects the sample may hold and pass
     * @param signOff        the sign-off that applies, or null
     * @param explanation    one line for people
     */
    public record BatchReview(
            Batch batch,
            State state,
            @Nullable Set<String> sample,
            boolean escalated,
            int sampleSize,
            int sampleRejected,
            int allowedRejects,
            Counts counts,
            DecisionStore.@Nullable SignOff signOff,
            String explanation) {
        public boolean required(Record r) {
            return sample == null || sample.contains(r.contentHash());
        }
    }

    private final SourceIndex index;
    private final ReviewPolicy policy;
    private final List<BatchReview> batches;
    private final Map<String, BatchReview> byId;
    private final @Nullable Decision[] decisions;
    private final Map<String, Counts> categories;
    private final Counts total;

    SourceReview(
            SourceIndex index,
            ReviewPolicy policy,
            List<BatchReview> batches,
            @Nullable Decision[] decisions,
            Map<String, Counts> categories,
            Counts total) {
        this.index = index;
        this.policy = policy;
        this.batches = List.copyOf(batches);
        Map<String, BatchReview> m = new LinkedHashMap<>();
        for (BatchReview b : batches) {
            m.put(b.batch().id(), b);
        }
        this.byId = Collections.unmodifiableMap(m);
        this.decisions = decisions;
        this.categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        this.total = total;
    }

    public String source() {
        return index.sourceId();
    }

    public SourceIndex index() {
        return index;
    }

    public ReviewPolicy policy() {
        return policy;
    }

    public List<BatchReview> batches() {
        return batches;
    }

    /** The batch with this id; throws {@link IllegalArgumentException} if the source has none. */
    public BatchReview batch(String id) {
        BatchReview b = byId.get(id);
        if (b == null) {
            throw new IllegalArgumentException("source " + source() + " has no batch " + id);
        }
        return b;
    }

    public boolean hasBatch(String id) {
        return byId.containsKey(id);
    }

    /** Counts per category, in first-seen order. */
    public Map<String, Counts> categories() {
        return categories;
    }

    public Counts total() {
        return total;
    }

    /** What the build does with the record (computed on each call from its batch and its decision). */
    public Verdict verdict(Record r) {
        return ReviewGate.verdict(batch(r.batchId()), r, decisions[r.index()]);
    }

    /** The live decision on the record's content, or null. */
    public @Nullable Decision decision(Record r) {
        return decisions[r.index()];
    }

    /**
     * The verdict for the build's line {@code line} with content hash {@code contentHash}; a line that is not the
     * one indexed (the file changed since) is pending.
     */
    public Verdict verdict(long line, String contentHash) {
        Record r = index.recordAtLine(line);
        if (r == null || !r.contentHash().equals(contentHash)) {
            return new Verdict.Pending("line " + line + " changed since the review index was read");
        }
        return verdict(r);
    }

    /**
     * What the build does with the source's records now, by verdict: {@code used} counts accepted and edited ones
     * ({@code edited} of them edited), {@code pending} those it holds back (undecided, or waiting for a sign-off).
     */
    public record Outcome(
            String source, int records, int used, int edited, int rejected, int batchFailed, int pending) {}

    /** The records counted by {@link #verdict(Record)} (what {@code spotter inventory} shows). */
    public Outcome outcome() {
        int used = 0;
        int edited = 0;
        int rejected = 0;
        int failed = 0;
        int pending = 0;
        for (Record r : index.records()) {
            switch (verdict(r)) {
                case Verdict.Accepted a -> used++;
                case Verdict.Edited e -> {
                    used++;
                    edited++;
                }
                case Verdict.Rejected x -> rejected++;
                case Verdict.BatchFailed f -> failed++;
                case Verdict.Pending p -> pending++;
            }
        }
        return new Outcome(source(), index.records().size(), used, edited, rejected, failed, pending);
    }

    /** Rejected records (for the quarantine and for re-opening their generation slots), in file order. */
    public List<Record> rejected() {
        return index.records().stream()
                .filter(r -> verdict(r) instanceof Verdict.Rejected)
                .toList();
    }
}
