package dev.spotter.cli;

import dev.spotter.kernel.ProgressEvent;
import dev.spotter.kernel.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Renders the library's {@link ProgressEvent}s on stderr: the CLI's one progress display, for every command that
 * does long work. {@link Mode#LIVE} (stderr is a terminal) redraws one line in place at most five times a second
 * and ends it with a newline when the task finishes; {@link Mode#PLAIN} ({@code --progress} off a terminal, and
 * generate, whose runs last hours) prints a line every interval and one when the task finishes; {@link Mode#OFF}
 * prints nothing, so redirected output is exactly what it was without progress. The line is count and unit, bytes
 * read of the file size with the share done, the rate, and an ETA where the size (or the target count) is known;
 * a task that composes its own status line (generate) shows that line instead.
 *
 * <p>Own renderer rather than a progress-bar library: the output is one line of text in two modes, and the
 * library candidates (me.tongfei:progressbar) bring a terminal library (JLine) for what is here about 100 lines.
 */
final class ProgressRenderer implements ProgressListener, AutoCloseable {
    enum Mode {
        OFF,
        LIVE,
        PLAIN
    }

    private static final long LIVE_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    private final PrintWriter err;
    private final Mode mode;
    private final long everyNanos;
    private String task = "";
    private long taskStart;
    private long lastPrint;
    private boolean open; // a live line is drawn and not yet ended

    ProgressRenderer(PrintWriter err, Mode mode, Duration every) {
        this.err = err;
        this.mode = mode;
        this.everyNanos = mode == Mode.LIVE ? LIVE_EVERY_NANOS : every.toNanos();
    }

    /** Whether anything is shown at all (callers skip the work of reporting when not). */
    ProgressListener listener() {
        return mode == Mode.OFF ? ProgressListener.NONE : this;
    }

    @Override
    public synchronized void update(ProgressEvent e) {
        if (mode == Mode.OFF) {
            return;
        }
        long now = System.nanoTime();
        if (!e.task().equals(task)) {
            task = e.task();
            taskStart = now;
            lastPrint = mode == Mode.LIVE ? now - LIVE_EVERY_NANOS : now;
        }
        if (!e.finished() && now - lastPrint < everyNanos) {
            return;
        }
        lastPrint = now;
        String line = line(e, Duration.ofNanos(now - taskStart));
        if (mode == Mode.LIVE) {
            err.print("\r\033[2K" + line + (e.finished() ? "\n" : ""));
            open = !e.finished();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** A log line (generate's HTTP retries) between progress lines: a live line is cleared first, then redrawn. */
    synchronized void log(String line) {
        if (open) {
            err.print("\r\033[2K");
            open = false;
            lastPrint = System.nanoTime() - everyNanos; // redraw on the next event
        }
        err.println(line);
        err.flush();
    }

    /** The text of one progress line (no control characters). */
    static String line(ProgressEvent e, Duration elapsed) {
        if (e.detail() != null) {
            return e.detail();
        }
        double secs = Math.max(1e-3, elapsed.toNanos() / 1e9);
        StringBuilder sb = new StringBuilder(e.task()).append(": ");
        sb.append(String.format(Locale.ROOT, "%,d", e.count()));
        if (e.total() >= 0) {
            sb.append(String.format(Locale.ROOT, "/%,d", e.total()));
        }
        sb.append(' ').append(e.unit());
        if (e.bytes() >= 0) {
            sb.append(", ").append(mb(e.bytes()));
            if (e.totalBytes() >= 0) {
                sb.append(" of ").append(mb(e.totalBytes()));
            }
        }
        double f = e.fraction();
        if (f >= 0 && !e.finished()) {
            sb.append(String.format(Locale.ROOT, " (%.0f%%)", f * 100));
        }
        if (secs >= 0.5) { // a rate over less than half a second says nothing
            sb.append(String.format(Locale.ROOT, ", %,.0f %s/s", e.count() / secs, e.unit()));
        }
        if (e.finished()) {
            sb.append(String.format(Locale.ROOT, ", done in %.1f s", secs));
        } else if (f > 0) {
            long eta = Math.round(secs * (1 - f) / f);
            sb.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
        }
        return sb.toString();
    }

    private static String mb(long bytes) {
        return bytes >= 1_000_000
                ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    /** Ends a live line left open (a task that failed midway), so the error line starts on its own line. */
    @Override
    public synchronized void close() {
        if (open) {
            err.println();
            err.flush();
            open = false;
        }
    }
}
