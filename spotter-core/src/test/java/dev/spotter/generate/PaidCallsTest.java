package dev.spotter.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.ProviderException;
import dev.spotter.llm.FakeLlmServer;
import dev.spotter.llm.FakeLlmServer.Fault;
import dev.spotter.llm.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: money and fatal errors of live generation, against the in-process fake (real HTTP). */
class PaidCallsTest {
    private static final String KEY = "sk-live-PAIDMARKER-0a1b2c3d4e5f";
    private final FakeLlmServer fake = FakeLlmServer.start().requireKey(KEY).answerer(new FakeAnswers());
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        fake.close();
    }

    private GenerateOptions.Builder opts(Path state, int limit, int concurrency) {
        return GenerateOptions.builder(Plans.load("running"), state, state.resolve("out/data.jsonl"))
                .provider(Provider.OPENAI)
                .model("gpt-4o") // $2.50/$10 per M: one running request reserves a few cents
                .baseUrl(fake.baseUrl())
                .env(Map.of("OPENAI_API_KEY", KEY)::get)
                .limit(limit)
                .concurrency(concurrency)
                .maxRetries(3)
                .maxAttemptsPerSlot(6)
                .requestTimeout(Duration.ofMillis(1500))
                .progress(e -> progress.writeBytes((e.detail() + "\n").getBytes(StandardCharsets.UTF_8)))
                .log(l -> progress.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The race of issue 13 item 1: many runs that reach the cap, at several concurrencies and fault mixes. Every run
     * must finish (a hang fails after 90 s), stop with "budget: ...", write its outputs, and stay within the cap.
     */
    @Test
    void cappedRunsAtSeveralConcurrenciesAndFaultMixesAlwaysFinishAtTheCap() throws Exception {
        List<Fault[]> mixes = List.of(
                new Fault[0], new Fault[] {Fault.malformedJson(), Fault.status(529), Fault.status(500)}, new Fault[] {
                    Fault.reset(), Fault.slow(Duration.ofSeconds(3)), Fault.status(429, "0"), Fault.truncated()
                });
        int[] concurrencies = {1, 4, 16};
        int runs = 0;
        int hangs = 0;
        List<String> problems = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int m = 0; m < mixes.size(); m++) {
                for (int conc : concurrencies) {
                    for (int rep = 0; rep < 4; rep++) {
                        fake.randomFaults(
                                mixes.get(m).length == 0 ? 0 : 0.35, 1000L * m + 10L * conc + rep, mixes.get(m));
                        Path state = dir.resolve("race-" + m + "-" + conc + "-" + rep);
                        GenerateOptions o =
                                opts(state, 60, conc).budgetUsd(0.12).build();
                        Future<Report> f = ex.submit(() -> Generator.run(o));
                        runs++;
                        Report r;
                        try {
                            r = f.get(90, TimeUnit.SECONDS);
                        } catch (TimeoutException e) {
                            hangs++;
                            f.cancel(true);
                            problems.add("mix " + m + " concurrency " + conc + " rep " + rep + ": hang");
                            continue;
                        }
                        String where = "mix " + m + " concurrency " + conc + " rep " + rep + ": ";
                        if (r.stopReason() == null || !r.stopReason().startsWith("budget:")) {
                            problems.add(where + "stop reason " + r.stopReason());
                        }
                        if (r.totals().costUsd() > 0.12 + 1e-9) {
                            problems.add(where + "spent " + r.totals().costUsd());
                        }
                        if (!Files.exists(state.resolve("out/data.jsonl"))
                                || Files.readAllLines(state.resolve("out/data.jsonl"))
                                                .size()
                                        != r.totals().accepted()) {
                            problems.add(where + "output not written from state");
                        }
                    }
                }
            }
        }
        System.out.printf(
                "budget race: %d capped runs (3 fault mixes x concurrency 1/4/16 x 4), hangs %d%n", runs, hangs);
        assertThat(problems).isEmpty();
        assertThat(hangs).isZero();
    }

    @Test
    void unansweredRequestsAreChargedTheirWorstCaseAndTheSummarySaysHowMuchIsEstimated() throws Exception {
        fake.enqueue(Fault.slow(Duration.ofSeconds(5)), Fault.reset(), Fault.slow(Duration.ofSeconds(5)));
        Report r = Generator.run(opts(dir.resolve("s"), 2, 1)
                .maxRetries(4)
                .requestTimeout(Duration.ofMillis(500))
                .build());
        assertThat(r.complete()).isTrue();
        GenerationState.Totals t = r.totals();
        // three requests sent and never answered: each charged its worst case (a few cents at gpt-4o) on top of usage
        assertThat(t.estimatedUsd()).isGreaterThan(3 * 0.01);
        assertThat(t.costUsd()).isGreaterThan(t.estimatedUsd());
        assertThat(r.summary()).contains("is estimated");
        assertThat(t.retries()).containsEntry("timeout", 2L).containsEntry("connection", 1L);
        // the next run's cap counts the estimate: what was charged stays charged
        try (GenerationState st = GenerationState.openReadOnly(dir.resolve("s"))) {
            assertThat(st.totals().costUsd()).isEqualTo(t.costUsd());
        }
    }

    @Test
    void aRefusedConnectionSentNothingAndIsChargedNothing() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // free again once closed: connecting there is refused
        }
        String url = "http://127.0.0.1:" + closed + "/v1";
        // an unreachable provider stops the run at the first slot whose retries ran out (exit 2 on the CLI),
        // instead of retrying every slot and ending as "stopped short"
        assertThatThrownBy(() -> Generator.run(opts(dir.resolve("s"), 3, 1)
                        .baseUrl(url)
                        .maxRetries(2)
                        .maxAttemptsPerSlot(1)
                        .build()))
                .isInstanceOf(dev.spotter.ProviderException.class)
                .hasMessageContaining("cannot reach the provider, nothing was sent")
                .hasMessageContaining("cannot connect to " + url + "/chat/completions: connection refused")
                .hasMessageNotContaining("ConnectException");
        try (GenerationState st = GenerationState.openReadOnly(dir.resolve("s"))) {
            GenerationState.Totals t = st.totals();
            assertThat(t.errors()).isEqualTo(1); // one slot tried; the others were never sent
            // nothing left this machine, so nothing counts against a budget (a reset or a read timeout still does)
            assertThat(t.costUsd()).isZero();
            assertThat(t.estimatedUsd()).isZero();
            assertThat(t.retries()).containsKey("not_connected").doesNotContainKey("connection");
        }
        assertThat(progress.toString(StandardCharsets.UTF_8)).doesNotContain("ConnectException");
    }

    @Test
    void retriesAreCountedByCauseInStateSummaryAndProgress() throws Exception {
        fake.enqueue(Fault.status(429, "0"), Fault.status(529), Fault.status(500), Fault.reset());
        Report r = Generator.run(opts(dir.resolve("s"), 2, 1).maxRetries(6).build());
        assertThat(r.complete()).isTrue();
        assertThat(r.totals().retries())
                .containsEntry("rate_limited", 1L)
                .containsEntry("overloaded", 1L)
                .containsEntry("server_error", 1L)
                .containsEntry("connection", 1L);
        assertThat(r.summary())
                .contains("retries by cause: {connection=1, overloaded=1, rate_limited=1, server_error=1}");
        String p = progress.toString(StandardCharsets.UTF_8);
        assertThat(p).contains("llm: attempt 1/6 failed (rate_limited");
        // 6 slots (2 per category), one attempt each: 6 slot attempts, 10 HTTP requests (4 of them retries)
        assertThat(p)
                .contains("6 slot attempts, 10 HTTP requests (retries: rate_limited 1, overloaded 1, server_error 1,"
                        + " connection 1)");
    }

    @Test
    void aDeterministic400StopsTheRunAfterThreeWithTheProvidersMessageAndField() {
        fake.randomFaults(
                1.0,
                1,
                Fault.reply(
                        400,
                        "{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is not supported with this model."
                                + " Use 'max_completion_tokens' instead.\",\"type\":\"invalid_request_error\","
                                + "\"param\":\"max_tokens\",\"code\":\"unsupported_parameter\"}}"));
        assertThatThrownBy(() -> Generator.run(opts(dir.resolve("s"), 5, 1).build()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage())
                            .contains("3 requests in a row as invalid")
                            .contains("Unsupported parameter: 'max_tokens'")
                            .contains("param max_tokens, code unsupported_parameter");
                });
        assertThat(fake.requestCount()).as("no retries of a 400, stop after 3").isEqualTo(3);
        assertThat(Files.exists(dir.resolve("s/out/data.jsonl"))).isTrue();
    }

    @Test
    void keysAndAuthorizationTokensAProviderEchoesAreRedactedFromEveryStoredOrPrintedText() throws Exception {
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ". Request had header"
                + " Authorization: Bearer " + KEY + " and api_key=sk-proj-OTHERSECRET77aa99bb\"}}";
        fake.enqueue(Fault.reply(500, echo), Fault.reply(500, echo));
        Report first = Generator.run(opts(dir.resolve("s"), 2, 1).maxRetries(1).build());
        assertThat(first.totals().errors()).isEqualTo(2);
        fake.enqueue(Fault.reply(401, echo));
        Throwable refused = null;
        try {
            Generator.run(opts(dir.resolve("s"), 3, 1).build());
        } catch (ProviderException e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("HTTP 401").contains("[redacted]");
        List<String> texts = new ArrayList<>(List.of(refused.getMessage(), progress.toString(StandardCharsets.UTF_8)));
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(f + ": " + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(String.join("\n", texts))
                .contains("[redacted]")
                .doesNotContain("PAIDMARKER")
                .doesNotContain("OTHERSECRET");
        assertThat(texts).anyMatch(t -> t.contains("rejects.jsonl: ") && t.contains("[redacted]"));
    }
}
