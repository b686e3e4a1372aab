package dev.spotter.train;

import java.time.Duration;

/** How the client waits between attempts and polls; tests substitute a recording no-op. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
