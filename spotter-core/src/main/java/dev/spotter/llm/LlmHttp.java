package dev.spotter.llm;

import dev.spotter.ProviderException;
import dev.spotter.http.Backoff;
import dev.spotter.http.RetryAfter;
import dev.spotter.http.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
 * The key goes only into the request header; no log line, exception message or returned object contains it.
 */
final class LlmHttp implements LlmClient {
    private final LlmConfig cfg;
    private final String apiKey;
    private final RateLimiter limiter;
    private final HttpClient http;
    private final URI endpoint;
    private final Backoff backoff;

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
    }

    @Override
    public Provider provider() {
        return cfg.provider;
    }

    @Override
    public LlmResponse complete(LlmRequest req) throws ProviderException {
        String body = cfg.provider.requestBody(req).toString();
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
            try {
                HttpResponse<String> resp = http.send(build(body), HttpResponse.BodyHandlers.ofString());
                int sc = resp.statusCode();
                if (sc / 100 == 2) {
                    LlmResponse r = cfg.provider.parseResponse(resp.body(), requestId(resp));
                    limiter.adjustTokens(r.usage().total() - estimate);
                    return r;
                }
                String msg = "HTTP " + sc + " from " + endpoint + ": " + snippet(resp.body());
                if (!retryable(sc)) {
                    throw new ProviderException(
                            ProviderException.Kind.REJECTED_BY_PROVIDER, sc, msg, resp.body(), null);
                }
                last = new ProviderException(ProviderException.Kind.TRANSIENT, sc, msg, resp.body(), null);
                retryAfter = RetryAfter.of(resp.headers()).orElse(null);
            } catch (HttpTimeoutException e) {
                last = new ProviderException(
                        ProviderException.Kind.TRANSIENT,
                        0,
                        "timed out after " + cfg.requestTimeout.toSeconds() + " s: " + endpoint,
                        null,
                        e);
            } catch (IOException e) {
                last = new ProviderException(
                        ProviderException.Kind.TRANSIENT,
                        0,
                        "connection error to " + endpoint + ": " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + e.getMessage()),
                        null,
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.INTERRUPTED, "interrupted during request");
            }
            if (attempt + 1 >= cfg.maxAttempts) {
                break;
            }
            Duration wait = backoff(attempt, retryAfter);
            if (wait == null) {
                cfg.log.accept("llm: Retry-After exceeds " + cfg.maxRetryAfter.toSeconds() + " s; giving up: "
                        + last.getMessage());
                break;
            }
            cfg.log.accept("llm: attempt " + (attempt + 1) + "/" + cfg.maxAttempts + " failed (" + last.getMessage()
                    + "); retrying in " + wait.toMillis() + " ms");
            try {
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
