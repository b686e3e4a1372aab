package dev.spotter.generate;

import dev.spotter.ProviderException;
import dev.spotter.format.ChatJson;
import dev.spotter.generate.GenerationState.Status;
import dev.spotter.generate.ResponseChecker.Verdict;
import dev.spotter.kernel.Money;
import dev.spotter.llm.AttemptListener;
import dev.spotter.llm.InferencePrices;
import dev.spotter.llm.LlmClient;
import dev.spotter.llm.LlmRequest;
import dev.spotter.llm.LlmResponse;
import dev.spotter.llm.Provider;
import dev.spotter.llm.RetryCause;
import dev.spotter.llm.TokenEstimate;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live worker loop of {@link Generator#run}: processes slots until the queue is empty or the run stops. One
 * instance is shared by all worker threads of a run.
 *
 * <p>Money: every HTTP request holds a {@link Budget} reservation of its worst case (prompt estimate + max_tokens at
 * the price) while it is on the wire ({@link PaidCall}). An answered request settles at its real cost; one that was
 * never answered (timeout, reset, possibly mid-body) may have been billed, so it settles at its worst case and that
 * amount is recorded as <em>estimated</em>; a 200 without usage likewise. A retry needs a new reservation, so the
 * cap is never exceeded by retries either. Every reservation is released in a {@code finally}: with exact money
 * ({@link Money}) and no reservation left behind, a caller blocked at the cap always wakes up and is refused.
 *
 * <p>Stops: 401/403/404 and {@value #INVALID_IN_A_ROW} invalid-request answers (400/422) with no success between
 * stop the run as refused by the provider (a request the provider calls invalid fails the same way every time).
 */
final class Worker implements Runnable {
    /** Invalid-request answers (HTTP 400/422) in a row, with no 2xx between, that stop the run. */
    static final int INVALID_IN_A_ROW = 3;

    private final GenerateOptions o;
    private final GenerationState st;
    private final LlmClient client;
    private final InferencePrices.Price price;
    private final Budget budget;
    private final ResponseChecker checker;
    private final Map<String, Map<Integer, Integer>> attempts;
    private final ConcurrentLinkedQueue<Slot> queue;
    private final Progress progress;
    /** Why the run stops early (first reason wins); null while it goes on. */
    final AtomicReference<String> stop = new AtomicReference<>();
    /** An internal error: the run ends with an exception. */
    final AtomicReference<String> fatal = new AtomicReference<>();
    /** The provider refused the requests themselves: the run ends with this exception. */
    final AtomicReference<ProviderException> refused = new AtomicReference<>();
    /** Some slot used up its attempts in this run. */
    final AtomicBoolean anyGaveUp = new AtomicBoolean();
    /** Whether any response was read in this run: until one is, a provider that cannot be reached stops the run. */
    private final AtomicBoolean anyAnswer = new AtomicBoolean();

    private final AtomicInteger invalidInARow = new AtomicInteger();

    Worker(
            GenerateOptions o,
            GenerationState st,
            LlmClient client,
            InferencePrices.Price price,
            Budget budget,
            ResponseChecker checker,
            Map<String, Map<Integer, Integer>> attempts,
            ConcurrentLinkedQueue<Slot> queue,
            Progress progress) {
        this.o = o;
        this.st = st;
        this.client = client;
        this.price = price;
        this.budget = budget;
        this.checker = checker;
        this.attempts = attempts;
        this.queue = queue;
        this.progress = progress;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (RuntimeException | Error e) {
            // never let a worker die silently inside the executor: stop the run and say why
            fatal.compareAndSet(null, "internal error in a worker: " + e);
            stop.compareAndSet(null, "internal error");
        }
    }

    private void loop() {
        Slot s;
        while (stop.get() == null && (s = queue.poll()) != null) {
            Plan.Category c = o.plan.category(s.category());
            boolean filled = false;
            int tries = 0;
            while (!filled && stop.get() == null && tries < o.maxAttemptsPerSlot) {
                int attempt = attempts.get(c.id()).merge(s.index(), 1, Integer::sum);
                LlmRequest req = Prompts.request(o.plan, c, s, o.model);
                Money worst = price == null ? Money.ZERO : price.cost(TokenEstimate.promptTokens(req), req.maxTokens());
                PaidCall call = new PaidCall(worst);
                try {
                    if (!call.reserve()) {
                        return;
                    }
                    tries++;
                    progress.request();
                    filled = attempt(c, s, attempt, req, call);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    call.release();
                }
            }
            if (!filled && stop.get() == null) {
                anyGaveUp.set(true);
            }
        }
    }

    private boolean attempt(Plan.Category c, Slot s, int attempt, LlmRequest req, PaidCall call) {
        String attrs = Generator.attrs(s);
        try {
            LlmResponse r = client.complete(req, call);
            Money cost = price == null ? null : price.cost(r.usage());
            Money charged = cost == null ? null : cost.plus(call.estimated);
            GenerationState.Row got = new GenerationState.Row(
                    s.customId(attempt),
                    c.id(),
                    s.index(),
                    attempt,
                    null,
                    null,
                    null,
                    attrs,
                    c.promptHash(),
                    o.provider.name().toLowerCase(Locale.ROOT),
                    o.model,
                    r.requestId(),
                    "live",
                    r.usage().inputTokens(),
                    r.usage().outputTokens(),
                    charged == null ? null : charged.toUsdDouble(),
                    price == null ? null : Generator.priceDate(o),
                    r.rawBody(),
                    call.estimated.isZero() ? null : call.estimated.toUsdDouble());
            st.received(got); // committed before any checking: a kill now loses nothing that was read
            anyAnswer.set(true);
            call.answered(cost == null ? Money.ZERO : cost);
            Status status = st.record(withVerdict(got, checker.check(o.plan, c, s.attributes(), r)), false)
                    .orElse(Status.REJECTED);
            invalidInARow.set(0);
            progress.inTokens.addAndGet(r.usage().inputTokens());
            progress.outTokens.addAndGet(r.usage().outputTokens());
            if (status == Status.ACCEPTED) {
                progress.accepted(c.id());
                return true;
            }
            if (status == Status.SURPLUS) {
                return true; // the slot was filled meanwhile; this paid answer stays in state
            }
            progress.rejected();
            return false;
        } catch (ProviderException e) {
            return failed(c, s, attempt, attrs, call, e);
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, "internal error on " + s.customId(attempt) + ": " + e);
            stop.compareAndSet(null, "internal error");
            return false;
        }
    }

    /** {@code got} with the checker's verdict: the example when it passed, else the reject code and reason. */
    static GenerationState.Row withVerdict(GenerationState.Row got, Verdict out) {
        return new GenerationState.Row(
                got.customId(),
                got.category(),
                got.slot(),
                got.attempt(),
                out instanceof Verdict.Passed a ? ChatJson.toJsonLine(a.example()) : null,
                out instanceof Verdict.Rejected rj ? rj.code() : null,
                out instanceof Verdict.Rejected rj ? rj.reason() : null,
                got.attributesJson(),
                got.promptHash(),
                got.provider(),
                got.model(),
                got.requestId(),
                got.mode(),
                got.inputTokens(),
                got.outputTokens(),
                got.costUsd(),
                got.priceAsOf(),
                got.raw(),
                got.estimatedUsd());
    }

    /**
     * Checks and records the responses a killed run had received and committed but not yet checked
     * ({@link GenerationState#received}); they were paid for, so they are used, not asked again.
     */
    static void checkUnchecked(GenerateOptions o, GenerationState st, ResponseChecker checker) {
        for (GenerationState.Row got : st.unchecked()) {
            Verdict out;
            try {
                LlmResponse r = Provider.parse(got.provider()).parseResponse(got.raw(), got.requestId());
                out = checker.check(
                        o.plan, o.plan.category(got.category()), Generator.attributesOf(got.attributesJson()), r);
            } catch (ProviderException | dev.spotter.ConfigurationException e) {
                out = new Verdict.Rejected("malformed_response", "stored answer unreadable: " + e.getMessage());
            }
            st.record(withVerdict(got, out), false);
        }
    }

    private boolean failed(Plan.Category c, Slot s, int attempt, String attrs, PaidCall call, ProviderException e) {
        boolean billed = e.kind() == ProviderException.Kind.MALFORMED_RESPONSE;
        if (billed) {
            call.billedWithoutUsage(); // a malformed 200 was probably billed but carries no usage
        }
        if (e.kind() == ProviderException.Kind.INTERRUPTED) {
            stop.compareAndSet(null, "interrupted");
            return false;
        }
        String code = switch (e.kind()) {
            case MALFORMED_RESPONSE -> "malformed_response";
            case TRANSIENT -> "transient";
            case REJECTED_BY_PROVIDER -> "provider_rejected";
            case CONFIGURATION -> "configuration";
            case INTERRUPTED -> "interrupted";
        };
        String note = call.estimated.isZero()
                ? ""
                : billed
                        ? " (cost is the worst-case estimate: no usage in the body)"
                        : " (cost is the worst-case estimate of requests sent but never answered)";
        st.record(
                new GenerationState.Row(
                        s.customId(attempt),
                        c.id(),
                        s.index(),
                        attempt,
                        null,
                        code,
                        e.getMessage() + note,
                        attrs,
                        c.promptHash(),
                        o.provider.name().toLowerCase(Locale.ROOT),
                        o.model,
                        null,
                        "live",
                        0,
                        0,
                        price == null || call.estimated.isZero() ? null : call.estimated.toUsdDouble(),
                        price == null ? null : Generator.priceDate(o),
                        e.rawBody(),
                        price == null || call.estimated.isZero() ? null : call.estimated.toUsdDouble()),
                !billed);
        if (billed) {
            progress.rejected();
        } else {
            progress.failed();
        }
        int sc = e.status();
        boolean invalid = e.kind() == ProviderException.Kind.REJECTED_BY_PROVIDER && (sc == 400 || sc == 422);
        if (invalid && invalidInARow.incrementAndGet() >= INVALID_IN_A_ROW) {
            refuse(
                    e,
                    "provider rejected " + INVALID_IN_A_ROW + " requests in a row as invalid; fix the request"
                            + " (model, parameters) and rerun: " + e.getMessage());
        } else if (!anyAnswer.get() && notConnected(e)) {
            // nothing has reached the provider in this run (wrong --base-url, server down, no network): every
            // other slot would fail the same way after its retries, so stop now, as for a refused key
            refuse(e, "cannot reach the provider, nothing was sent: " + e.getMessage());
        } else if (e.kind() == ProviderException.Kind.CONFIGURATION
                || (e.kind() == ProviderException.Kind.REJECTED_BY_PROVIDER && (sc == 401 || sc == 403 || sc == 404))) {
            refuse(e, "provider refused the request (" + e.getMessage() + ")");
        }
        return false;
    }

    private static boolean notConnected(ProviderException e) {
        return e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException;
    }

    private void refuse(ProviderException e, String msg) {
        refused.compareAndSet(
                null, new ProviderException(ProviderException.Kind.REJECTED_BY_PROVIDER, e.status(), msg, null, null));
        stop.compareAndSet(null, msg);
    }

    private void stopForBudget(Money worst) {
        stop.compareAndSet(
                null,
                String.format(
                        Locale.ROOT,
                        "budget: the next request could cost up to %s and spend is %s of %s",
                        worst.toExactString(),
                        budget.spent().toExactString(),
                        budget.cap().toExactString()));
    }

    /**
     * The budget side of one slot attempt: holds the reservation of the HTTP request on the wire, charges
     * unanswered requests their worst case, and reserves again before each retry. Used on one thread.
     */
    private final class PaidCall implements AttemptListener {
        private final Money worst;
        private boolean holding;
        /** What this attempt was charged by estimate (unanswered requests, a 200 without usage). */
        Money estimated = Money.ZERO;

        PaidCall(Money worst) {
            this.worst = worst;
        }

        /** Reserves the first request; false = the cap forbids it (the run stops with "budget: ..."). */
        boolean reserve() throws InterruptedException {
            holding = budget.reserve(worst);
            if (!holding) {
                stopForBudget(worst);
                return false;
            }
            progress.httpRequest();
            return true;
        }

        @Override
        public void failed(RetryCause cause) {
            if (!holding) {
                return;
            }
            Money charge = cause.unanswered() ? worst : Money.ZERO;
            estimated = estimated.plus(charge);
            budget.settle(worst, charge);
            progress.dollars.add(charge.toUsdDouble());
            holding = false;
        }

        @Override
        public boolean retrying(RetryCause cause) throws InterruptedException {
            if (stop.get() != null) {
                return false;
            }
            if (!reserve()) {
                return false;
            }
            st.countRetry(cause.wireName());
            progress.retry(cause);
            return true;
        }

        void answered(Money cost) {
            if (holding) {
                budget.settle(worst, cost);
                progress.dollars.add(cost.toUsdDouble());
                holding = false;
            }
        }

        void billedWithoutUsage() {
            if (holding) {
                estimated = estimated.plus(worst);
                budget.settle(worst, worst);
                progress.dollars.add(worst.toUsdDouble());
                holding = false;
            }
        }

        /** Releases a reservation still held (the request failed without a charge, or an exception escaped). */
        void release() {
            if (holding) {
                budget.settle(worst, Money.ZERO);
                holding = false;
            }
        }
    }
}
