package dev.spotter.llm;

import dev.spotter.http.Sleeper;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Client-side limits on requests per minute and tokens per minute: two token buckets refilled continuously.
 *
 * <p>Why burst = one second's worth: providers enforce their limits over windows shorter than a minute; a bucket
 * that lets a whole minute's quota out at once earns 429s. A request for more tokens than one bucket can ever hold
 * waits until the bucket is full and then drives it negative (debt), so big prompts are never starved.
 * Thread-safe; waiting threads sleep (cheap on virtual threads), fairness by lock order.
 */
final class RateLimiter {
    private final Bucket requests;
    private final Bucket tokens;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final LongSupplier clock;
    private final Sleeper sleeper;

    /**
     * @param requestsPerMinute 0 = unlimited
     * @param tokensPerMinute   0 = unlimited
     */
    public RateLimiter(int requestsPerMinute, long tokensPerMinute) {
        this(requestsPerMinute, tokensPerMinute, System::nanoTime, Sleeper.REAL);
    }

    /** With a fake clock and a sleeper that advances it (tests). */
    RateLimiter(int requestsPerMinute, long tokensPerMinute, LongSupplier clock, Sleeper sleeper) {
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0 (0 = unlimited)");
        }
        this.clock = clock;
        this.sleeper = sleeper;
        long now = clock.getAsLong();
        this.requests = requestsPerMinute == 0 ? null : new Bucket(requestsPerMinute, now);
        this.tokens = tokensPerMinute == 0 ? null : new Bucket(tokensPerMinute, now);
    }

    public static RateLimiter unlimited() {
        return new RateLimiter(0, 0);
    }

    /** Blocks until one request carrying {@code estimatedTokens} may start. */
    public void acquire(long estimatedTokens) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = clock.getAsLong();
                long waitR = requests == null ? 0 : requests.waitNanos(1, now);
                long waitT = tokens == null ? 0 : tokens.waitNanos(estimatedTokens, now);
                long wait = Math.max(waitR, waitT);
                if (wait <= 0) {
                    if (requests != null) {
                        requests.take(1);
                    }
                    if (tokens != null) {
                        tokens.take(estimatedTokens);
                    }
                    return;
                }
                sleeper.sleep(Duration.ofNanos(wait));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Corrects the token bucket once the real usage is known (positive = used more than estimated). */
    public void adjustTokens(long delta) {
        if (tokens == null || delta == 0) {
            return;
        }
        lock.lock();
        try {
            tokens.refill(clock.getAsLong());
            tokens.level -= delta;
            tokens.level = Math.min(tokens.level, tokens.capacity);
        } finally {
            lock.unlock();
        }
    }

    private static final class Bucket {
        final double perNano;
        final double capacity;
        double level;
        long last;

        Bucket(long perMinute, long now) {
            this.perNano = perMinute / 60e9;
            this.capacity = Math.max(1.0, perMinute / 60.0);
            this.level = capacity;
            this.last = now;
        }

        void refill(long now) {
            level = Math.min(capacity, level + (now - last) * perNano);
            last = now;
        }

        long waitNanos(double amount, long now) {
            refill(now);
            double need = Math.min(amount, capacity); // oversized requests wait for a full bucket, then go into debt
            return level >= need ? 0 : (long) Math.ceil((need - level) / perNano);
        }

        void take(double amount) {
            level -= amount;
        }
    }
}
