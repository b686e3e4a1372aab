package dev.spotter.review;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The review web app as the library sees it: a service the {@code spotter-review} module provides (Jetty stays out
 * of spotter-core and of anything that only builds). {@link #installed()} finds it on the class path;
 * {@code dev.spotter.Spotter#review} is the entry point callers use.
 */
public interface ReviewApp {
    /**
     * How the app listens.
     *
     * @param host        bind address; null = 127.0.0.1
     * @param port        0 = a free port
     * @param allowRemote binding to a non-loopback address needs this (and prints a warning)
     * @param lease       how long opening a record reserves it for one reviewer
     */
    record Options(@Nullable String host, int port, boolean allowRemote, Duration lease) {
        public Options {
            Objects.requireNonNull(lease, "lease");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
            }
        }

        /** Loopback, a free port, 10-minute leases. */
        public static Options defaults() {
            return new Options(null, 0, false, Duration.ofMinutes(10));
        }
    }

    /** A started app; {@link #close()} stops it. */
    interface Running extends AutoCloseable {
        /** The URL to open, with the run's secret token (print it to the person who runs the command only). */
        URI url();

        /** Lines to show before the URL (e.g. the non-loopback warning). */
        List<String> warnings();

        /** Blocks until the app stops. */
        void join() throws InterruptedException;

        @Override
        void close();
    }

    /** Starts the app over {@code files}, storing decisions in {@code db} (created if missing). */
    Running start(List<ReviewedFile> files, Path db, Options options) throws IOException;

    /** The app on the class path, if the {@code spotter-review} module is there. */
    static Optional<ReviewApp> installed() {
        return ServiceLoader.load(ReviewApp.class).findFirst();
    }
}
