package dev.spotter.generate;

import dev.spotter.kernel.ProgressEvent;
import dev.spotter.kernel.ProgressListener;
import dev.spotter.llm.RetryCause;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Generate's progress, reported to the run's {@link ProgressListener} (the library's one progress mechanism; the
 * caller renders it): accepted/target in total (the event's count and total) and, as the event's detail line,
 * accepted/target per category, rejects, errors, tokens, dollars (measured and estimated), slot attempts and HTTP
 * requests (a slot attempt is one client call; each retry inside it is another HTTP request) and retries by cause.
 * An event is sent on every accepted, rejected or failed slot and on every retry; the last one, finished, on close.
 */
final class Progress implements AutoCloseable {
    private final ProgressListener listener;
    private final Map<String, AtomicLong> accepted = new LinkedHashMap<>();
    private final Map<String, Integer> targets = new LinkedHashMap<>();
    private final AtomicLong rejects = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    final AtomicLong inTokens = new AtomicLong();
    final AtomicLong outTokens = new AtomicLong();
    final DoubleAdder dollars = new DoubleAdder();
    private final Double budget;
    private final long startNanos = System.nanoTime();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong httpRequests = new AtomicLong();
    private final Map<RetryCause, AtomicLong> retries = new java.util.EnumMap<>(RetryCause.class);

    Progress(ProgressListener listener, Double budget, double spentBefore) {
        this.listener = listener;
        this.budget = budget;
        this.dollars.add(spentBefore);
    }

    void category(String id, long already, int target) {
        accepted.put(id, new AtomicLong(already));
        targets.put(id, target);
    }

    void start() {
        print(false);
    }

    void accepted(String category) {
        accepted.get(category).incrementAndGet();
        print(false);
    }

    void rejected() {
        rejects.incrementAndGet();
        print(false);
    }

    void failed() {
        errors.incrementAndGet();
        print(false);
    }

    /** A slot attempt started (one call of the client; retries inside it are {@link #httpRequest}s). */
    void request() {
        requests.incrementAndGet();
    }

    /** An HTTP request is about to be sent (first try or retry). */
    void httpRequest() {
        httpRequests.incrementAndGet();
    }

    /** An HTTP retry of {@code cause}. */
    void retry(RetryCause cause) {
        AtomicLong n;
        synchronized (retries) {
            n = retries.computeIfAbsent(cause, k -> new AtomicLong());
        }
        n.incrementAndGet();
        print(false);
    }

    private String retryText() {
        StringBuilder sb = new StringBuilder();
        synchronized (retries) {
            retries.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ")
                    .append(k.wireName())
                    .append(' ')
                    .append(v.get()));
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }

    synchronized void print(boolean last) {
        long acc = 0;
        long tgt = 0;
        StringBuilder cats = new StringBuilder();
        for (Map.Entry<String, AtomicLong> e : accepted.entrySet()) {
            long a = e.getValue().get();
            int t = targets.get(e.getKey());
            acc += a;
            tgt += t;
            if (!cats.isEmpty()) {
                cats.append(' ');
            }
            cats.append(e.getKey()).append(' ').append(a).append('/').append(t);
        }
        double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        String line = String.format(
                Locale.ROOT,
                "generate: %d/%d accepted [%s] | rejects %d, errors %d | tokens %s in, %s out | $%.4f%s"
                        + " | %d slot attempts, %d HTTP requests (retries: %s) | %.1f attempts/min, %.1f HTTP req/min",
                acc,
                tgt,
                cats,
                rejects.get(),
                errors.get(),
                human(inTokens.get()),
                human(outTokens.get()),
                dollars.sum(),
                budget == null ? "" : String.format(Locale.ROOT, " of $%.2f", budget),
                requests.get(),
                httpRequests.get(),
                retryText(),
                requests.get() * 60 / secs,
                httpRequests.get() * 60 / secs);
        listener.update(new ProgressEvent("generate", "accepted", acc, tgt, -1, -1, line, last));
    }

    private static String human(long n) {
        return n >= 1_000_000
                ? String.format(Locale.ROOT, "%.1fM", n / 1e6)
                : n >= 1_000 ? String.format(Locale.ROOT, "%.1fk", n / 1e3) : Long.toString(n);
    }

    @Override
    public void close() {
        print(true);
    }
}
