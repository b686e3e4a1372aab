package dev.spotter.kernel;

/**
 * Where long work reports how far it is: the one progress mechanism of the library (validate, convert, stats,
 * synth-voice, the build's ingest and generate). The library never prints progress; it calls a listener, and the
 * caller decides what to show (the CLI redraws one line on a terminal, prints a plain line every few seconds with
 * {@code --progress}, or nothing).
 *
 * <p>Contract: for one task, {@link ProgressEvent#count()} and {@link ProgressEvent#bytes()} never decrease, and the
 * last event has {@link ProgressEvent#finished()} set and the final counts. Events may come from several threads
 * (generate's workers); a listener must be thread-safe and quick (it runs on the worker's thread).
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores every event (the default everywhere). */
    ProgressListener NONE = e -> {};

    void update(ProgressEvent event);
}
