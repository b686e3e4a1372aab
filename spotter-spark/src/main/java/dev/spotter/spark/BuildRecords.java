package dev.spotter.spark;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * The records the distributed build ships between its stages (Java-serialisable; every shuffle key is a
 * {@code Long} or a {@link MoveKey}, which hash by value). {@code ord} is a record's global order key
 * ({@link #ord}): the embedded build's processing order, so sorting by it gives the embedded file order.
 */
final class BuildRecords {
    private BuildRecords() {}

    /** Bits of {@link #ord}: 15 for the source index, 16 for the file index within it, 32 for the line number. */
    static long ord(int source, int file, long line) {
        if (source >= 1 << 15 || file >= 1 << 16 || line >= 1L << 32) {
            throw new IllegalArgumentException(
                    "too many sources, files or lines for the order key: " + source + "/" + file + "/" + line);
        }
        return ((long) source << 48) | ((long) file << 32) | line;
    }

    /**
     * One input file of one source; {@code label} is the file name provenance records. {@code whole}: read by one
     * task from the local path {@code path} (a source with a category sidecar); else {@code path} is the Hadoop URI
     * the file is read through, in byte-range splits, or, when {@code parquet}, by Spark's Parquet reader (a row is
     * a line: line number = row index + 1).
     */
    record FileTask(int source, int file, String path, String label, boolean whole, boolean parquet)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        FileTask(int source, int file, String path, String label, boolean whole) {
            this(source, file, path, label, whole, false);
        }
    }

    /** The index of the source an order key belongs to. */
    static int source(long ord) {
        return (int) (ord >>> 48);
    }

    /**
     * An input line after the ingest: the accepted internal line, or the quarantine line with its reason code
     * and its first-errors entry ({@code EngineSummary.firstError}; both null when accepted).
     */
    record Ingested(
            long ord,
            boolean accepted,
            String line,
            long idHash,
            @Nullable String reason,
            @Nullable String error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A dedup verdict: {@code line} is the kept record's line, or the dropped one's dedup-log line;
     * {@code keptOrd} the order key of the record it was kept as or is a duplicate of; {@code accepted} a dropped
     * record's accepted line (the report's duplicate pairs show its text), null for a kept one.
     */
    record Dedupped(
            boolean kept,
            String line,
            long keptOrd,
            @Nullable String accepted) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** A verdict without the dropped record's accepted line (a kept record: {@code line} is that line). */
        Dedupped(boolean kept, String line, long keptOrd) {
            this(kept, line, keptOrd, null);
        }
    }

    /** A kept record after the PII scrub: its line, and the line before when the scrub changed it (else null). */
    record Scrubbed(String line, @Nullable String before) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A scrubbed record's place: train or validation, and, when the leakage check moved it to train, its
     * leakage-log line and the pass that moved it (else null and 0); {@code grouped} when pass 1 put it in a
     * near-duplicate group it does not start.
     */
    record Placed(
            long ord,
            String line,
            boolean validation,
            int movePass,
            @Nullable String moveLine,
            boolean grouped) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A leakage-log line's place: the embedded build logs moves pass by pass, each pass in record order. */
    record MoveKey(int pass, long ord) implements Comparable<MoveKey>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compareTo(MoveKey o) {
            return pass != o.pass ? Integer.compare(pass, o.pass) : Long.compare(ord, o.ord);
        }
    }

    /**
     * A deliberate task failure for tests of retries: the first attempt of partition {@code partition} of stage
     * {@code stage} fails after emitting half of its records.
     */
    record Fault(String stage, int partition) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
