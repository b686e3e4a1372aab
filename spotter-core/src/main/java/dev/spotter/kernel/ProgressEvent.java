package dev.spotter.kernel;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One progress report of a task ({@link ProgressListener}).
 *
 * @param task what is running, e.g. {@code "validate voice.jsonl"}
 * @param unit what {@code count} counts ({@code "lines"}, {@code "examples"}, {@code "accepted"})
 * @param count done so far (never decreases within a task)
 * @param total the count when done, or {@code -1} if unknown
 * @param bytes input bytes read so far, or {@code -1} when the task does not read a file
 * @param totalBytes the input's size, or {@code -1} if unknown (stdin)
 * @param detail a status line the task composes itself (generate's accepted/rejects/dollars), or {@code null}
 * @param finished whether this is the task's last event
 */
public record ProgressEvent(
        String task,
        String unit,
        long count,
        long total,
        long bytes,
        long totalBytes,
        @Nullable String detail,
        boolean finished) {
    public ProgressEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(unit, "unit");
    }

    /** A count of {@code total} (or {@code -1} = unknown) with no bytes and no detail. */
    public static ProgressEvent counting(String task, String unit, long count, long total, boolean finished) {
        return new ProgressEvent(task, unit, count, total, -1, -1, null, finished);
    }

    /** The share done in [0, 1] from bytes (preferred: sizes are known before reading) or counts; -1 if unknown. */
    public double fraction() {
        if (totalBytes > 0 && bytes >= 0) {
            return Math.min(1.0, (double) bytes / totalBytes);
        }
        if (total > 0) {
            return Math.min(1.0, (double) count / total);
        }
        return finished ? 1.0 : -1;
    }
}
