package dev.spotter.http;

import java.time.Duration;

/** How a client waits between attempts, polls or rate-limit refills; tests substitute a recording no-op. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    /** {@link Thread#sleep(Duration)}: cheap on virtual threads, interruptible. */
    Sleeper REAL = Thread::sleep;
}
