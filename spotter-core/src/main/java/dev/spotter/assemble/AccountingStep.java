package dev.spotter.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.format.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Step 6, run on every build (it checks the files as they are on disk now, not what the state says): every line
 * read must be in exactly one of the provenance (= upload files), the quarantine, the dedup log and the
 * review-pending file ({@code read = train + validation + quarantined + duplicates + pending review}), counted and
 * checked by the sum of the ids' 64-bit hashes; every format's files must have as many lines as the provenance.
 * Memory: one line at a time.
 */
final class AccountingStep {
    private AccountingStep() {}

    static AccountingStats run(BuildContext b, List<Step<IngestStats>> ingests) {
        return b.runner().always("accounting", () -> check(b, ingests));
    }

    private static AccountingStats check(BuildContext b, List<Step<IngestStats>> ingests) {
        long read = 0;
        long idSum = 0;
        for (Step<IngestStats> i : ingests) {
            read += i.stats().read();
            idSum += i.stats().idSum();
        }
        return check(b.layout(), b.writers(), read, idSum);
    }

    /** Checks the files under {@code l} against {@code read} lines whose ids' {@code hash64} sum to {@code idSum}. */
    static AccountingStats check(DatasetLayout l, List<FormatWriter> writers, long read, long idSum) {
        long[] train = countIds(l.provenance("train"), AccountingStep::provenanceId);
        long[] val = countIds(l.provenance("validation"), AccountingStep::provenanceId);
        long[] q = countIds(l.quarantine(), AccountingStep::idOf);
        long[] dd = countIds(l.dedupLog(), AccountingStep::idOf);
        long[] pr = countIds(l.reviewPending(), AccountingStep::idOf);
        List<String> problems = new ArrayList<>();
        for (FormatWriter w : writers) {
            long tl = countLines(l.train(w.name()));
            long vl = countLines(l.validation(w.name()));
            if (tl != train[0] || vl != val[0]) {
                problems.add(w.name() + " files have " + tl + "+" + vl + " lines, provenance says " + train[0] + "+"
                        + val[0]);
            }
        }
        long found = train[0] + val[0] + q[0] + dd[0] + pr[0];
        if (found != read) {
            problems.add(read + " lines read but " + found + " accounted for");
        }
        if (train[1] + val[1] + q[1] + dd[1] + pr[1] != idSum) {
            problems.add("the ids in the outputs are not the ids read (checksum mismatch)");
        }
        return new AccountingStats(read, train[0], val[0], q[0], dd[0], pr[0], problems.isEmpty(), problems);
    }

    /** {lines, sum of hash64(id)} of a JSONL file whose lines have an id. */
    private static long[] countIds(Path p, Function<String, String> id) {
        long[] r = new long[2];
        if (!Files.isRegularFile(p)) {
            return r;
        }
        Jsonl.lines(p, line -> {
            r[0]++;
            r[1] += Text.hash64(id.apply(line));
        });
        return r;
    }

    /** A provenance line's id, read through the one provenance reader (older camelCase sidecars too). */
    private static String provenanceId(String line) {
        Provenance.Built b = Provenance.of(Jsonl.parse(line)).built();
        return b == null || b.id() == null ? "" : b.id();
    }

    /** Reads the "id" value without a full parse when it is the first key (as Spotter writes it). */
    private static String idOf(String line) {
        if (line.startsWith("{\"id\":\"")) {
            int end = line.indexOf('"', 7);
            int escape = line.indexOf('\\', 7);
            if (end > 0 && (escape < 0 || escape > end)) {
                return line.substring(7, end);
            }
        }
        JsonNode n = Jsonl.parse(line).get("id");
        return n == null ? "" : n.asText();
    }

    private static long countLines(Path p) {
        long[] n = {0};
        if (Files.isRegularFile(p)) {
            Jsonl.lines(p, x -> n[0]++);
        }
        return n[0];
    }
}
