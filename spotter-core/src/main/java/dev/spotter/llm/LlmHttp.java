package dev.spotter.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.ProviderException;
import dev.spotter.http.Backoff;
import dev.spotter.http.RetryAfter;
import dev.spotter.http.Sleeper;
import dev.spotter.kernel.IoErrors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The one {@link LlmClient} implementation: provider differences live in {@link Provider}'s body mapping and the
 * auth headers below.
 *
 * <p>Retry policy: 408, 409, 429, 500, 502, 503, 504, 529, timeouts and connection errors are retried up to
 * {@code maxAttempts} in total. The wait is the server's {@code Retry-After} (seconds or HTTP date, or
 * {@code retry-after-ms}) when given, otherwise full-jitter exponential backoff. Other 4xx fail at once. A 2xx body
 * that does not parse is not retried here: the call was probably billed, and the caller records it as a reject.
 * A 400/422 is the provider refusing the request as invalid; its message names the provider's error type, message,
 * {@code param} and {@code code} ({@link #errorSummary}). Each failed retryable attempt is reported to the call's
 * {@link AttemptListener} with its {@link RetryCause}, and a retry is sent only if the listener allows it.
 * The key goes only into the request header; no log line, exception message or returned object contains it, nor
 * any other credential-looking token a server echoes ({@link Secrets}).
 */
final class LlmHttp implements LlmClient {
    private final LlmConfig cfg;
    private final String apiKey;
    private final RateLimiter limiter;
    private final HttpClient http;
    private final URI endpoint;
    private final Backoff backoff;
    private final Provider.Dialect dialect;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    LlmHttp(LlmConfig cfg, String apiKey, RateLimiter limiter) {
        this.cfg = cfg;
        this.backoff = Backoff.jittered(cfg.initialBackoff, cfg.maxBackoff);
        this.apiKey = apiKey;
        this.limiter = limiter;
        this.http = HttpClient.newBuilder()
                .connectTimeout(cfg.connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.endpoint = URI.create(cfg.baseUrl + cfg.provider.path());
        this.dialect = cfg.dialect != null ? cfg.dialect : Provider.Dialect.forBaseUrl(cfg.provider, cfg.baseUrl);
    }

    @Override
    public Provider provider() {
        return cfg.provider;
    }

    @Override
    public LlmResponse complete(LlmRequest req, AttemptListener listener) throws ProviderException {
        String body = cfg.provider.requestBody(req, dialect).toString();
        long estimate = TokenEstimate.worstCaseTokens(req);
        ProviderException last = null;
        for (int attempt = 0; attempt < cfg.maxAttempts; attempt++) {
            try {
                limiter.acquire(estimate);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.INTERRUPTED, "interrupted while rate limited");
            }
            Duration retryAfter = null;
            RetryCause cause;
            try {
                HttpResponse<String> resp = http.send(build(body), HttpResponse.BodyHandlers.ofString());
                int sc = resp.statusCode();
                String raw = Secrets.redact(resp.body(), apiKey);
                if (sc / 100 == 2) {
                    LlmResponse r;
                    try {
                        r = cfg.provider.parseResponse(raw, requestId(resp));
                    } catch (ProviderException e) {
                        throw redacted(e);
                    }
                    limiter.adjustTokens(r.usage().total() - estimate);
                    return r;
                }
                String msg = "HTTP " + sc + " from " + endpoint + ": " + errorSummary(raw);
                if (!retryable(sc)) {
                    throw new ProviderException(ProviderException.Kind.REJECTED_BY_PROVIDER, sc, msg, raw, null);
                }
                last = new ProviderException(ProviderException.Kind.TRANSIENT, sc, msg, raw, null);
                cause = RetryCause.ofStatus(sc);
                retryAfter = RetryAfter.of(resp.headers()).orElse(null);
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // before the request left: unlike a reset or a read timeout, the provider cannot have run it
                last = new ProviderException(
                        ProviderException.Kind.TRANSIENT,
                        0,
                        "cannot connect to " + endpoint + ": "
                                + (e instanceof HttpConnectTimeoutException
                                        ? "connect timed out"
                                        : Secrets.redact(IoErrors.reason(e), apiKey)),
                        null,
                        e);
                cause = RetryCause.NOT_CONNECTED;
            } catch (HttpTimeoutException e) {
                last = new ProviderException(
                        ProviderException.Kind.TRANSIENT,
                        0,
                        "timed out after " + cfg.requestTimeout.toSeconds() + " s: " + endpoint,
                        null,
                        e);
                cause = RetryCause.TIMEOUT;
            } catch (IOException e) {
                last = new ProviderException(
                        ProviderException.Kind.TRANSIENT,
                        0,
                        "connection error to " + endpoint + ": " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + Secrets.redact(e.getMessage(), apiKey)),
                        null,
                        e);
                cause = RetryCause.CONNECTION;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.INTERRUPTED, "interrupted during request");
            }
            listener.failed(cause);
            if (attempt + 1 >= cfg.maxAttempts) {
                break;
            }
            Duration wait = backoff(attempt, retryAfter);
            if (wait == null) {
                cfg.log.accept("llm: Retry-After exceeds " + cfg.maxRetryAfter.toSeconds() + " s; giving up: "
                        + last.getMessage());
                break;
            }
            try {
                if (!listener.retrying(cause)) {
                    throw new ProviderException(
                            ProviderException.Kind.TRANSIENT,
                            last.status(),
                            "not retried (the caller declined, e.g. budget): " + last.getMessage(),
                            last.rawBody(),
                            last.getCause());
                }
                cfg.log.accept("llm: attempt " + (attempt + 1) + "/" + cfg.maxAttempts + " failed (" + cause.wireName()
                        + ": " + last.getMessage() + "); retrying in " + wait.toMillis() + " ms");
                Sleeper.REAL.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.INTERRUPTED, "interrupted during backoff");
            }
        }
        throw new ProviderException(
                ProviderException.Kind.TRANSIENT,
                last.status(),
                "gave up after " + cfg.maxAttempts + " attempts: " + last.getMessage(),
                last.rawBody(),
                last.getCause());
    }

    private ProviderException redacted(ProviderException e) {
        return new ProviderException(
                e.kind(),
                e.status(),
                Secrets.redact(e.getMessage(), apiKey),
                Secrets.redact(e.rawBody(), apiKey),
                e.getCause());
    }

    /**
     * The provider's own words for an error body: OpenAI's {@code {"error":{"message","type","param","code"}}} and
     * Anthropic's {@code {"type":"error","error":{"type","message"}}} become {@code invalid_request_error: <message>
     * (param max_tokens, code unsupported_parameter)}; anything else is a whitespace-collapsed snippet.
     */
    static String errorSummary(String body) {
        try {
            JsonNode err = body == null ? null : MAPPER.readTree(body).path("error");
            if (err != null && err.isObject() && err.path("message").isTextual()) {
                StringBuilder sb = new StringBuilder();
                if (err.path("type").isTextual()) {
                    sb.append(err.path("type").asText()).append(": ");
                }
                sb.append(snippet(err.path("message").asText()));
                String param = err.path("param").isTextual() ? err.path("param").asText() : null;
                String code = err.path("code").isTextual() ? err.path("code").asText() : null;
                if (param != null || code != null) {
                    sb.append(" (");
                    if (param != null) {
                        sb.append("param ").append(param);
                    }
                    if (code != null) {
                        sb.append(param != null ? ", " : "").append("code ").append(code);
                    }
                    sb.append(')');
                }
                return sb.toString();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall back to the snippet
        }
        return snippet(body);
    }

    private HttpRequest build(String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(cfg.requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cfg.provider == Provider.ANTHROPIC) {
            b.header("anthropic-version", Provider.ANTHROPIC_VERSION);
            if (apiKey != null) {
                b.header("x-api-key", apiKey);
            }
        } else if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b.build();
    }

    static boolean retryable(int status) {
        return status == 408 || status == 409 || status == 429 || status == 529 || (status >= 500 && status <= 599);
    }

    /**
     * The server's wait plus up to 10% jitter, else full-jitter exponential backoff; null = the server asked for a
     * wait longer than we accept.
     */
    private Duration backoff(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(cfg.maxRetryAfter) > 0 ? null : backoff.honour(retryAfter);
        }
        return backoff.delay(attempt);
    }

    private static String requestId(HttpResponse<?> resp) {
        return resp.headers()
                .firstValue("x-request-id")
                .or(() -> resp.headers().firstValue("request-id"))
                .orElse(null);
    }

    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String s = body.replaceAll("\\s+", " ").strip();
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
