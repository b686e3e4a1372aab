package dev.spotter.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.PlatformException;
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
import java.util.function.Supplier;

/**
 * JSON over HTTP with the platform's error conventions turned into one-line {@link PlatformException}s.
 *
 * <p>Retry policy, and why: only requests the caller marks {@code retrySafe} (GETs, cancel) are repeated on
 * timeouts, connection errors and 5xx, with exponential backoff capped at 30 s and {@code Retry-After} honoured.
 * A 429 is repeated for every request, because the platform did not process it. Everything else (POSTs that
 * create things) is sent once; the caller reconciles an {@link PlatformException#ambiguous() ambiguous} failure
 * against the platform's listing before trying again. The API key goes only into the Authorization header.
 */
final class Http {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String platform;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;

    Http(
            String platform,
            URI base,
            String apiKey,
            Duration timeout,
            int maxAttempts,
            Duration backoff,
            Sleeper sleeper) {
        this.platform = platform;
        this.base = base;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.backoff = Backoff.exact(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff, MAX_BACKOFF);
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    int maxAttempts() {
        return maxAttempts;
    }

    JsonNode get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers::noBody, null, true);
    }

    JsonNode postJson(String path, JsonNode body, boolean retrySafe) {
        String json = body.toString();
        return send("POST", path, () -> HttpRequest.BodyPublishers.ofString(json), "application/json", retrySafe);
    }

    JsonNode send(
            String method,
            String path,
            Supplier<HttpRequest.BodyPublisher> body,
            String contentType,
            boolean retrySafe) {
        PlatformException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration wait = null;
            try {
                return once(method, path, body.get(), contentType);
            } catch (RateLimited ra) {
                last = ra.error;
                wait = ra.after;
                if (!retrySafe && !last.rateLimited()) {
                    throw last;
                }
            } catch (PlatformException e) {
                last = e;
                boolean transientFailure = e.status() == 0 || e.status() >= 500;
                if (!(retrySafe && transientFailure) && !e.rateLimited()) {
                    throw e;
                }
            }
            if (attempt < maxAttempts) {
                pause(wait != null ? wait : backoffFor(attempt));
            }
        }
        throw new PlatformException(
                last.getMessage() + " (after " + maxAttempts + " attempts)", last.status(), last.ambiguous(), last);
    }

    /** The wait after failed attempt {@code attempt} (1-based): exponential, exact, capped at 30 s. */
    Duration backoffFor(int attempt) {
        return backoff.delay(attempt - 1);
    }

    void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(platform + ": interrupted while waiting to retry", 0, false, e);
        }
    }

    private JsonNode once(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        String what = method + " " + path;
        HttpRequest.Builder rb = HttpRequest.newBuilder(resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", "spotter")
                .method(method, body);
        if (contentType != null) {
            rb.header("Content-Type", contentType);
        }
        HttpResponse<String> resp;
        try {
            resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PlatformException(platform + ": " + what + " timed out after " + human(timeout), 0, true, e);
        } catch (IOException e) {
            // the JDK's ConnectException has no message at all: name the host and port and the reason in words
            URI u = resolve(path);
            String host =
                    u.getHost() + ":" + (u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80);
            String why = e instanceof java.net.ConnectException
                    ? "connection refused"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
            throw new PlatformException(platform + ": " + what + " on " + host + " failed: " + why, 0, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(platform + ": " + what + " interrupted", 0, true, e);
        }
        int sc = resp.statusCode();
        if (sc >= 200 && sc < 300) {
            try {
                String text = resp.body();
                return text == null || text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new PlatformException(
                        platform + ": " + what + " -> " + sc + " with malformed JSON: "
                                + oneLine(e.getOriginalMessage()),
                        sc,
                        true,
                        e);
            }
        }
        String msg = errorMessage(resp.body());
        if (sc == 401 || sc == 403) {
            throw new PlatformException(
                    platform + ": " + what + " -> " + sc + " " + (sc == 401 ? "unauthorized" : "forbidden")
                            + (msg.isEmpty() ? "" : ": " + msg) + " (check the API key in the environment)",
                    sc,
                    false);
        }
        PlatformException err = new PlatformException(
                platform + ": " + what + " -> " + sc + (msg.isEmpty() ? "" : ": " + msg), sc, sc >= 500);
        if (sc == 429) {
            throw new RateLimited(
                    err,
                    RetryAfter.of(resp.headers())
                            .map(d -> d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d)
                            .orElse(null));
        }
        throw err;
    }

    private URI resolve(String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    /** Platform error bodies: {"error":{"message"}}, {"error":"..."}, {"message"}, {"detail"}; else raw text. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = MAPPER.readTree(body);
            for (String path : new String[] {"/error/message", "/error", "/message", "/detail"}) {
                JsonNode m = n.at(path);
                if (m.isTextual() && !m.asText().isBlank()) {
                    return clip(oneLine(m.asText()));
                }
            }
        } catch (JsonProcessingException | RuntimeException ignored) {
            // not JSON: fall through to the raw text
        }
        return clip(oneLine(body));
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Internal carrier for a 429 and its Retry-After (capped at 30 s). */
    private static final class RateLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PlatformException error;
        final transient Duration after;

        RateLimited(PlatformException error, Duration after) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.after = after;
        }
    }
}
