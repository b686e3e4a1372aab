package dev.spotter.assemble;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.FileException;
import dev.spotter.format.QuarantineRecord;
import dev.spotter.kernel.Hashing;
import dev.spotter.project.ReviewSettings;
import dev.spotter.project.SourceRecord;
import dev.spotter.project.SourceScanner;
import dev.spotter.project.SourceSpec;
import dev.spotter.review.Decision;
import dev.spotter.review.ReviewGate;
import dev.spotter.review.ReviewPolicy;
import dev.spotter.review.ReviewedFile;
import dev.spotter.review.SourceIndex;
import dev.spotter.review.SourceReview;
import dev.spotter.review.SourceReview.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingest's review gate for one reviewed source: asks {@link ReviewGate} for the verdict on each line the scanner
 * accepted and says what the build does with it. Accepted (by a reviewer, or by a passed sample) → used as it is;
 * edited → the edited line, re-checked by the scanner's rules; rejected → the quarantine as {@code review_rejected}
 * with the reason code, note and reviewer in its context; undecided line of a failed sample → the quarantine as
 * {@code review_batch_failed}; anything else (not reviewed, batch not signed off, line changed since) → held back
 * in the pending file. Fail closed: a line the gate cannot match to its indexed content is pending, never used; a
 * decisions database that cannot be read stops the build.
 *
 * <p>Memory: the review index of the file (about 200 bytes per record plus an 8 MB read buffer) and its live
 * decisions; one line at a time otherwise.
 */
final class ReviewFilter {
    /** What to do with one accepted line. */
    sealed interface Outcome {
        record Use(SourceRecord record, boolean edited) implements Outcome {}

        record Quarantine(QuarantineRecord record) implements Outcome {}

        record Pending(ObjectNode json) implements Outcome {}
    }

    private final SourceSpec spec;
    private final SourceScanner scanner;
    private final SourceReview review;
    private final String fingerprint;
    private final long[] counts = new long[5]; // used, edited, rejected, batchFailed, pending

    private ReviewFilter(SourceSpec spec, SourceScanner scanner, SourceReview review) {
        this.spec = spec;
        this.scanner = scanner;
        this.review = review;
        this.fingerprint = fingerprint(review);
    }

    /** The filter of a reviewed source, or null when the project does not review {@code s}. */
    static ReviewFilter open(BuildContext b, SourceScanner scanner, SourceSpec s) {
        ReviewPolicy p = b.project().review().policy(s.id());
        if (p == null) {
            return null;
        }
        ReviewedFile f = ReviewSettings.files(b.project()).stream()
                .filter(x -> x.sourceId().equals(s.id()))
                .findFirst()
                .orElseThrow();
        if (!java.nio.file.Files.isRegularFile(f.data())) {
            return null; // nothing to review: ingest reports the file as missing
        }
        try (ReviewGate gate = ReviewGate.open(b.project().review().db())) {
            return new ReviewFilter(s, scanner, f.review(gate));
        } catch (IOException e) {
            throw FileException.reading(b.project().review().db(), e);
        } catch (IllegalStateException e) { // a database that opens but cannot be queried (not SQLite, damaged)
            throw FileException.of(b.project().review().db(), "cannot read review.db", e.getMessage());
        }
    }

    /** Changes whenever a verdict of this source changes (a decision, an undo, a sign-off, the policy). */
    String fingerprint() {
        return fingerprint;
    }

    private static String fingerprint(SourceReview r) {
        StringBuilder sb = new StringBuilder(r.policy().toString()).append('\n');
        for (SourceReview.BatchReview br : r.batches()) {
            sb.append(br.batch().id()).append(' ').append(br.state()).append(' ');
            sb.append(br.signOff() == null ? "-" : br.signOff().id()).append('\n');
        }
        for (SourceIndex.Record rec : r.index().records()) {
            Decision d = r.decision(rec);
            sb.append(rec.line()).append(' ').append(d == null ? "-" : d.id()).append('\n');
        }
        return Hashing.sha256Hex(sb.toString());
    }

    Outcome apply(SourceRecord r) {
        Verdict v = review.verdict(r.line(), SourceIndex.contentHash(r.raw()));
        return switch (v) {
            case Verdict.Accepted a -> use(r, false);
            case Verdict.Edited e -> {
                SourceRecord edited = scanner.recheck(spec, r, e.editedLine());
                if (!edited.accepted()) {
                    yield quarantine(edited, edited.reason(), "the reviewer's edit fails: " + edited.detail(), null);
                }
                yield use(edited, true);
            }
            case Verdict.Rejected x -> {
                Decision d = x.decision();
                Map<String, Object> ctx = new LinkedHashMap<>();
                ctx.put("review_reason", d.reason());
                if (d.note() != null) {
                    ctx.put("review_note", d.note());
                }
                ctx.put("reviewer", d.reviewer());
                ctx.put("batch", d.batch());
                ctx.put("record_id", d.recordId());
                counts[2]++;
                yield quarantine(
                        r,
                        "review_rejected",
                        d.reason() + (d.note() == null || d.note().isBlank() ? "" : ": " + d.note()),
                        ctx);
            }
            case Verdict.BatchFailed f -> {
                counts[3]++;
                yield quarantine(
                        r,
                        "review_batch_failed",
                        "batch " + f.batch() + " failed its review sample; the line was not reviewed",
                        Map.of("batch", f.batch()));
            }
            case Verdict.Pending p -> {
                counts[4]++;
                SourceIndex.Record rec = review.index().recordAtLine(r.line());
                ObjectNode line = JsonNodeFactory.instance.objectNode();
                line.put("id", r.id());
                line.put("source", r.sourceId());
                line.put("file", r.file());
                line.put("line", r.line());
                line.put("batch", rec == null ? null : rec.batchId());
                line.put("why", p.why());
                yield new Outcome.Pending(line);
            }
        };
    }

    private Outcome use(SourceRecord r, boolean edited) {
        counts[0]++;
        if (edited) {
            counts[1]++;
        }
        return new Outcome.Use(r, edited);
    }

    private static Outcome quarantine(SourceRecord r, String reason, String detail, Map<String, Object> ctx) {
        QuarantineRecord q = QuarantineRecord.ofLine(r.file(), r.line(), reason, detail, r.raw())
                .from(r.id(), r.sourceId());
        return new Outcome.Quarantine(ctx == null ? q : q.withContext(ctx));
    }

    /** What the build did with the source, and every batch's gate. */
    ReviewStats stats(String projectFile) {
        List<ReviewStats.Batch> batches = new ArrayList<>();
        for (SourceReview.BatchReview br : review.batches()) {
            int pending = 0;
            for (SourceIndex.Record rec : br.batch().records()) {
                if (review.verdict(rec) instanceof Verdict.Pending) {
                    pending++;
                }
            }
            SourceReview.Counts c = br.counts();
            batches.add(new ReviewStats.Batch(
                    br.batch().id(),
                    br.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    c.records(),
                    c.decided(),
                    c.accepted(),
                    c.edited(),
                    c.rejected(),
                    pending,
                    br.signOff() == null ? null : br.signOff().reviewer(),
                    br.signOff() == null ? null : br.signOff().signedAt().toString(),
                    br.explanation()));
        }
        return new ReviewStats(
                spec.id(),
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                counts[4],
                batches,
                "spotter review --project " + projectFile,
                dev.spotter.review.RejectReport.of(List.of(review)).rows());
    }
}
