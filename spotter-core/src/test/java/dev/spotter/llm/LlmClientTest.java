package dev.spotter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.ProviderException;
import dev.spotter.format.ChatMessage;
import dev.spotter.llm.FakeLlmServer.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LlmClientTest {
    private static final String KEY = "sk-test-SECRET-0123456789abcdef";
    private final FakeLlmServer fake = FakeLlmServer.start().requireKey(KEY);
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private LlmClient client(Provider p, int attempts) throws ProviderException {
        return LlmClients.create(LlmConfig.builder(p)
                .baseUrl(fake.baseUrl())
                .env(Map.of(p.defaultKeyEnv(), KEY)::get)
                .maxAttempts(attempts)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .requestTimeout(Duration.ofSeconds(10)) // generous (loaded machine); only the Slow fault may time out
                .log(log::add)
                .build());
    }

    private static LlmRequest req(boolean json) {
        return new LlmRequest(
                "test-model", List.of(ChatMessage.system("be brief"), ChatMessage.user("hello")), 100, 0.7, json);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void plainCallMapsTextUsageAndIds(Provider p) throws Exception {
        fake.answerer(c -> "echo:" + c.userText() + "|sys:" + c.system());
        LlmResponse r = client(p, 1).complete(req(false));
        assertThat(r.text()).isEqualTo("echo:hello|sys:be brief");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usage().inputTokens()).isPositive();
        assertThat(r.usage().outputTokens()).isPositive();
        assertThat(r.requestId()).startsWith(p == Provider.OPENAI ? "chatcmpl-" : "msg_");
        assertThat(r.rawBody()).contains("echo:hello");
    }

    @Test
    void jsonModeAndBodiesFollowEachProvidersShape() throws Exception {
        client(Provider.OPENAI, 1).complete(req(true));
        client(Provider.ANTHROPIC, 1).complete(req(true));
        var openai = fake.calls().get(0).body();
        var anthropic = fake.calls().get(1).body();
        assertThat(openai.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(openai.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(anthropic.path("system").asText()).isEqualTo("be brief");
        assertThat(anthropic.path("messages")).hasSize(1);
        assertThat(anthropic.has("response_format")).isFalse();
        assertThat(fake.calls().get(1).headers().get("Anthropic-version")).containsExactly(Provider.ANTHROPIC_VERSION);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void retriesTransientFailuresHonouringRetryAfter(Provider p) throws Exception {
        fake.enqueue(Fault.status(429, "0"), Fault.status(500), Fault.status(503), Fault.status(529), Fault.reset());
        LlmResponse r = client(p, 6).complete(req(false));
        assertThat(r.text()).isEqualTo("ok");
        assertThat(fake.requestCount()).isEqualTo(6);
        assertThat(log).hasSize(5);
        assertThat(log.get(0)).contains("HTTP 429");
        assertThat(log.get(3)).contains("HTTP 529");
        assertThat(log.get(4)).contains("connection error");
    }

    @Test
    void retryAfterSecondsIsWaitedFor() throws Exception {
        fake.enqueue(Fault.status(429, "1"));
        client(Provider.OPENAI, 2).complete(req(false));
        // The backoff alone is 5..20 ms; a planned wait of 1000..1100 ms can only come from Retry-After: 1.
        assertThat(log.get(0)).containsPattern("retrying in 1\\d{3} ms");
    }

    @Test
    void slowResponseTimesOutAndIsRetried() throws Exception {
        fake.enqueue(Fault.slow(Duration.ofSeconds(60)));
        LlmResponse r = client(Provider.OPENAI, 2).complete(req(false));
        assertThat(r.text()).isEqualTo("ok");
        assertThat(log.get(0)).contains("timed out");
    }

    @Test
    void givesUpAfterMaxAttemptsAsTransient() throws Exception {
        fake.enqueue(Fault.status(503), Fault.status(503), Fault.status(503));
        assertThatThrownBy(() -> client(Provider.OPENAI, 3).complete(req(false)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("gave up after 3 attempts");
                });
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        fake.enqueue(Fault.status(400));
        assertThatThrownBy(() -> client(Provider.OPENAI, 5).complete(req(false)))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED_BY_PROVIDER));
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterLongerThanTheCapFailsInsteadOfHanging() throws Exception {
        fake.enqueue(Fault.status(429, "3600"));
        LlmClient c = LlmClients.create(LlmConfig.builder(Provider.OPENAI)
                .baseUrl(fake.baseUrl())
                .env(Map.of("OPENAI_API_KEY", KEY)::get)
                .maxRetryAfter(Duration.ofSeconds(5))
                .log(log::add)
                .build());
        assertThatThrownBy(() -> c.complete(req(false))).isInstanceOf(ProviderException.class);
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void malformedTruncatedAndRefusedAnswersAreClassified(Provider p) throws Exception {
        fake.enqueue(Fault.malformedJson());
        LlmClient c = client(p, 3);
        assertThatThrownBy(() -> c.complete(req(false))).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_RESPONSE);
            assertThat(e.rawBody()).isNotEmpty();
        });
        assertThat(fake.requestCount())
                .as("a billed 200 is not silently repeated")
                .isEqualTo(1);
        fake.answerer(x -> "a long enough answer text");
        fake.enqueue(Fault.truncated(), Fault.refusal());
        assertThat(c.complete(req(false)).finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(c.complete(req(false)).finishReason()).isEqualTo(FinishReason.REFUSAL);
    }

    @Test
    void missingKeyFailsFastNamingTheVariableOnly() {
        assertThatThrownBy(() -> LlmClients.create(
                        LlmConfig.builder(Provider.ANTHROPIC).env(n -> null).build()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY");
                });
    }

    @Test
    void keyNeverAppearsInLogsErrorsOrResponses() throws Exception {
        fake.enqueue(Fault.status(429, "0"), Fault.status(500), Fault.reset(), Fault.status(401));
        LlmClient c = client(Provider.OPENAI, 4);
        StringBuilder seen = new StringBuilder();
        try {
            c.complete(req(false));
        } catch (ProviderException e) {
            seen.append(e.getMessage()).append(e.rawBody());
        }
        LlmResponse r = c.complete(req(false));
        seen.append(r).append(String.join("\n", log)).append(c);
        assertThat(seen.toString()).doesNotContain(KEY).doesNotContain("SECRET");
        // the key did travel, in the header only
        assertThat(fake.calls().getLast().headers().get("Authorization")).containsExactly("Bearer " + KEY);
    }

    @Test
    void wrongKeyIsRejectedByProvider() throws Exception {
        LlmClient c = LlmClients.create(LlmConfig.builder(Provider.OPENAI)
                .baseUrl(fake.baseUrl())
                .env(Map.of("OPENAI_API_KEY", "wrong")::get)
                .build());
        assertThatThrownBy(() -> c.complete(req(false)))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void builderRejectsBadValuesWithPreciseMessages() {
        var b = LlmConfig.builder(Provider.OPENAI);
        assertThatThrownBy(() -> b.baseUrl("ftp://x")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> b.apiKeyEnv("sk-abc=1")).hasMessageContaining("environment variable name");
        assertThatThrownBy(() -> b.maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new LlmRequest("m", List.of(ChatMessage.system("s")), 10, 0.5, false))
                .hasMessageContaining("user message");
        assertThatThrownBy(() -> new LlmRequest("m", List.of(ChatMessage.user("u")), 10, 3, false))
                .hasMessageContaining("temperature");
    }

    @Test
    void priceTableIsDatedAndMatchesSnapshotsByLongestPrefix() {
        InferencePrices t = InferencePrices.bundled();
        assertThat(t.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(t.lookup("gpt-4o-mini-2024-07-18").orElseThrow())
                .isEqualTo(t.lookup("gpt-4o-mini").orElseThrow());
        assertThat(t.lookup("gpt-4o-2024-08-06")
                        .orElseThrow()
                        .input()
                        .perMillion()
                        .toUsdDouble())
                .isEqualTo(2.5);
        assertThat(t.lookup("no-such-model")).isEmpty();
        assertThat(t.lookup("gpt-4o")
                        .orElseThrow()
                        .cost(new Usage(1_000_000, 1_000_000))
                        .toUsdDouble())
                .isEqualTo(12.5);
    }

    @Test
    void keylessLocalServerNeedsNoEnvironment() throws Exception {
        try (FakeLlmServer open = FakeLlmServer.start()) {
            LlmClient c = LlmClients.create(LlmConfig.builder(Provider.OPENAI)
                    .baseUrl(open.baseUrl())
                    .apiKeyEnv("none")
                    .env(n -> null)
                    .build());
            assertThat(c.complete(req(false)).text()).isEqualTo("ok");
            assertThat(open.calls().getFirst().headers()).doesNotContainKey("Authorization");
        }
    }
}
