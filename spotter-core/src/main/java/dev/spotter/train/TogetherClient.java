package dev.spotter.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.ConfigurationException;
import dev.spotter.Environment;
import dev.spotter.FileException;
import dev.spotter.PlatformException;
import dev.spotter.http.Sleeper;
import dev.spotter.kernel.Hashing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Together AI fine-tuning REST client on {@code java.net.http} (platforms.md lists the endpoints).
 *
 * <pre>{@code
 * TogetherClient together = TogetherClient.fromEnvironment(Environment.system(), null);     // TOGETHER_API_KEY
 * RemoteFile train = together.upload(Path.of("out/together/train.jsonl"));
 * FineTuneJob job = together.createJob(JobSpec.builder().suffix("spotter-v1").build(), train.id(), null,
 *         FineTuneJobs.newClientToken());
 * together.waitForTerminal(job.id(), j -> System.out.println(j.progress()), Duration.ofHours(12));
 * }</pre>
 *
 * <p>Duplicate safety. Uploads are named {@code <stem>-<sha256 prefix>.jsonl}; before sending bytes the client
 * lists the account's files and reuses one with the same name and size, so a retried or repeated upload of the
 * same content never stores a second copy. Job creation is not idempotent on the platform, so the caller passes
 * a client token that goes into the job suffix; after an ambiguous failure (timeout, 5xx, unreadable 2xx) the
 * client lists jobs and adopts one with the same training file and token instead of POSTing again.
 */
public final class TogetherClient {
    public static final String DEFAULT_BASE_URL = "https://api.together.xyz/v1";
    public static final String API_KEY_ENV = "TOGETHER_API_KEY";
    public static final String BASE_URL_ENV = "TOGETHER_BASE_URL";

    private final Http http;

    private TogetherClient(Http http) {
        this.http = http;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Key from {@code TOGETHER_API_KEY} only; base URL from the argument, else {@code TOGETHER_BASE_URL}, else
     * the public API.
     */
    public static TogetherClient fromEnvironment(Environment env, String baseUrlOverride) {
        String key = env.get(API_KEY_ENV).orElse(null);
        if (key == null || key.isBlank()) {
            throw new ConfigurationException(
                    API_KEY_ENV + " is not set (the API key is read from the environment only)");
        }
        String url = baseUrlOverride != null
                ? baseUrlOverride
                : env.get(BASE_URL_ENV).orElse(null);
        return builder()
                .apiKey(key)
                .baseUrl(url == null || url.isBlank() ? DEFAULT_BASE_URL : url)
                .build();
    }

    // ---------------------------------------------------------------- files

    public List<RemoteFile> listFiles() {
        JsonNode root = http.get("/files");
        List<RemoteFile> out = new ArrayList<>();
        for (JsonNode f : data(root, "GET /files")) {
            out.add(file(f));
        }
        return out;
    }

    /**
     * Uploads a JSONL file for fine-tuning unless the account already holds the same bytes (same content-hash
     * name and size), in which case that file is returned. Streams the file; memory does not grow with its size.
     */
    public RemoteFile upload(Path file) {
        try {
            return upload(file, Hashing.sha256Hex(file));
        } catch (IOException e) {
            throw FileException.reading(file, e);
        }
    }

    /** As {@link #upload(Path)} when the caller already hashed the file (one pass over a large file, not two). */
    public RemoteFile upload(Path file, String sha256Hex) {
        long size;
        String sha = sha256Hex;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw FileException.reading(file, e);
        }
        String name = remoteName(file, sha);
        return postAtMostOnce(
                () -> findFile(name, size),
                true,
                () -> file(uploadOnce(file, name)),
                last -> new PlatformException(
                        last.getMessage() + " (after " + http.maxAttempts() + " attempts)",
                        last.status(),
                        last.ambiguous(),
                        last));
    }

    /** The name a file is stored under: stem plus the first 16 hex digits of its SHA-256. */
    public static String remoteName(Path file, String sha256Hex) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        return stem + "-" + sha256Hex.substring(0, 16) + ".jsonl";
    }

    public Optional<RemoteFile> findFile(String name, long bytes) {
        return listFiles().stream()
                .filter(f -> name.equals(f.filename()) && f.bytes() == bytes)
                .findFirst();
    }

    private JsonNode uploadOnce(Path file, String name) {
        String boundary = "spotter-" + UUID.randomUUID();
        String head = part(boundary, "purpose", "fine-tune")
                + part(boundary, "file_name", name)
                + part(boundary, "file_type", "jsonl")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return http.send(
                "POST",
                "/files/upload",
                () -> {
                    try {
                        return HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                                HttpRequest.BodyPublishers.ofFile(file),
                                HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw FileException.reading(file, e);
                    }
                },
                "multipart/form-data; boundary=" + boundary,
                false);
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    // ---------------------------------------------------------------- jobs

    /**
     * {@code POST /fine-tunes/estimate-price} with the schema's fields only. Empty when the platform says
     * {@code estimation_available: false} (its price fields are then not a price: never report them as one).
     */
    public java.util.Optional<PriceEstimate> estimatePrice(
            JobSpec spec, String trainingFileId, String validationFileId) {
        ObjectNode body = spec.estimateJson();
        body.put("training_file", trainingFileId);
        if (validationFileId != null) {
            body.put("validation_file", validationFileId);
        }
        // Read-only on the platform, so it may be retried.
        JsonNode r = http.postJson("/fine-tunes/estimate-price", body, true);
        if (r.path("estimation_available").isBoolean()
                && !r.path("estimation_available").asBoolean()) {
            return java.util.Optional.empty();
        }
        JsonNode price = r.get("estimated_total_price");
        if (price == null || !price.isNumber()) {
            throw new PlatformException(
                    "Together: POST /fine-tunes/estimate-price -> response without" + " estimated_total_price",
                    200,
                    false);
        }
        return java.util.Optional.of(new PriceEstimate(
                price.asDouble(),
                r.path("estimated_train_token_count").asLong(-1),
                r.path("allowed_to_proceed").asBoolean(true),
                "together estimate-price"));
    }

    /**
     * Creates a job, never twice for one {@code clientToken}: see the class comment. The token must be 8
     * lowercase base-36 characters ({@link FineTuneJobs#newClientToken()}).
     */
    public FineTuneJob createJob(JobSpec spec, String trainingFileId, String validationFileId, String clientToken) {
        Objects.requireNonNull(trainingFileId, "trainingFileId");
        if (clientToken == null || !clientToken.matches("[a-z0-9]{8}")) {
            throw new ConfigurationException("client token must be 8 chars of [a-z0-9], was " + clientToken);
        }
        ObjectNode body = spec.toJson();
        body.put("training_file", trainingFileId);
        if (validationFileId != null) {
            body.put("validation_file", validationFileId);
        }
        body.put("suffix", spec.platformSuffix(clientToken));
        return postAtMostOnce(
                () -> findJob(trainingFileId, clientToken),
                false,
                () -> job(http.postJson("/fine-tunes", body, false)),
                last -> new PlatformException(
                        last.getMessage() + " (after " + http.maxAttempts()
                                + " attempts; GET /fine-tunes shows no job with this client token)",
                        last.status(),
                        false,
                        last));
    }

    /**
     * A POST whose effect must happen at most once although its answer can be lost (timeout, 5xx after the server
     * acted): before every retry, and once more after the last attempt, {@code lookup} searches for the result,
     * so an ambiguous failure is resolved by finding what the server made instead of posting again. Only
     * ambiguous and rate-limited failures are retried; others are thrown at once.
     *
     * @param lookupFirst also look before the first attempt (a rerun after a crash may find the result)
     * @param exhausted   the exception to throw when every attempt failed and the lookup found nothing
     */
    private <T> T postAtMostOnce(
            java.util.function.Supplier<Optional<T>> lookup,
            boolean lookupFirst,
            java.util.function.Supplier<T> post,
            java.util.function.UnaryOperator<PlatformException> exhausted) {
        PlatformException last = null;
        for (int attempt = 1; attempt <= http.maxAttempts(); attempt++) {
            if (lookupFirst || last != null) {
                Optional<T> found = lookup.get();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            try {
                return post.get();
            } catch (PlatformException e) {
                if (!e.ambiguous() && !e.rateLimited()) {
                    throw e;
                }
                last = e;
            }
            if (attempt < http.maxAttempts()) {
                http.pause(http.backoffFor(attempt));
            }
        }
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            return found.get();
        }
        throw exhausted.apply(last);
    }

    /** A job on this training file whose suffix or output model name carries {@code clientToken}. */
    public Optional<FineTuneJob> findJob(String trainingFileId, String clientToken) {
        return listJobs().stream()
                .filter(j -> trainingFileId.equals(j.trainingFile()))
                .filter(j -> contains(j.suffix(), clientToken) || contains(j.modelOutputName(), clientToken))
                .findFirst();
    }

    private static boolean contains(String s, String token) {
        return s != null && s.contains(token);
    }

    public FineTuneJob getJob(String id) {
        return job(http.get("/fine-tunes/" + pathId(id)));
    }

    public List<FineTuneJob> listJobs() {
        List<FineTuneJob> out = new ArrayList<>();
        for (JsonNode j : data(http.get("/fine-tunes"), "GET /fine-tunes")) {
            out.add(job(j));
        }
        return out;
    }

    public List<FineTuneEvent> events(String id) {
        List<FineTuneEvent> out = new ArrayList<>();
        for (JsonNode e : data(http.get("/fine-tunes/" + pathId(id) + "/events"), "GET events")) {
            out.add(new FineTuneEvent(text(e, "created_at"), text(e, "level"), text(e, "type"), text(e, "message")));
        }
        return out;
    }

    /** Cancelling twice has the same effect as once, so this call is retried like a GET. */
    public FineTuneJob cancel(String id) {
        return job(http.postJson("/fine-tunes/" + pathId(id) + "/cancel", Http.MAPPER.createObjectNode(), true));
    }

    /**
     * Polls until the job reaches a terminal state. The interval starts at {@code initial}, grows by half each
     * poll that shows no progress (to {@code max}), and falls back to {@code initial} when steps advance.
     *
     * @param onUpdate called after every poll (for a progress display)
     * @throws PlatformException when {@code timeout} passes first (the job keeps running on the platform), or the
     *                           platform answers with a non-transient error; transient failures (timeouts, 5xx)
     *                           that outlast a poll's retries are waited out at the {@code max} interval
     */
    public FineTuneJob waitForTerminal(
            String id, Consumer<FineTuneJob> onUpdate, Duration initial, Duration max, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration interval = initial;
        long lastSteps = -2;
        while (true) {
            FineTuneJob j;
            try {
                j = getJob(id);
            } catch (PlatformException e) {
                // A follow can last days: an outage longer than getJob's own retries (timeouts, 5xx) must not end
                // it. Anything the platform said clearly (401, 404, malformed body) still does.
                if (!(e.status() == 0 || e.status() >= 500) || System.nanoTime() > deadline) {
                    throw e;
                }
                http.pause(max);
                continue;
            }
            onUpdate.accept(j);
            if (j.status().terminal()) {
                return j;
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformException(
                        "Together: job " + id + " still " + j.status().wire() + " after " + Http.human(timeout)
                                + " (it keeps running; check with `spotter train status`)",
                        0,
                        false);
            }
            if (j.stepsCompleted() != lastSteps) {
                interval = initial;
                lastSteps = j.stepsCompleted();
            } else {
                interval = Duration.ofMillis(Math.min(max.toMillis(), interval.toMillis() * 3 / 2 + 1));
            }
            http.pause(interval);
        }
    }

    // ---------------------------------------------------------------- parsing

    private static Iterable<JsonNode> data(JsonNode root, String what) {
        JsonNode d = root.isArray() ? root : root.get("data");
        if (d == null || !d.isArray()) {
            throw new PlatformException("Together: " + what + " -> response without a \"data\" list", 200, false);
        }
        return d;
    }

    private static RemoteFile file(JsonNode f) {
        String id = text(f, "id");
        if (id == null) {
            throw new PlatformException("Together: file object without an id", 200, false);
        }
        return new RemoteFile(id, text(f, "filename"), f.path("bytes").asLong(-1), text(f, "purpose"));
    }

    static FineTuneJob job(JsonNode j) {
        String id = text(j, "id");
        if (id == null) {
            throw new PlatformException("Together: fine-tune object without an id", 200, false);
        }
        return new FineTuneJob(
                id,
                JobStatus.parse(text(j, "status")),
                text(j, "model"),
                text(j, "model_output_name"),
                text(j, "training_file"),
                text(j, "validation_file"),
                text(j, "suffix"),
                j.path("steps_completed").asLong(-1),
                j.path("total_steps").asLong(-1),
                j.path("token_count").asLong(-1),
                j.path("total_price").asDouble(-1),
                text(j, "created_at"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String pathId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_.:-]+")) {
            throw new ConfigurationException("not a job id: " + id);
        }
        return id;
    }

    /** Fails fast on a missing key or a malformed URL; never prints the key. */
    public static final class Builder {
        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxAttempts = 4;
        private Duration backoff = Duration.ofSeconds(1);
        private Sleeper sleeper = Sleeper.REAL;

        private Builder() {}

        public Builder apiKey(String v) {
            this.apiKey = v;
            return this;
        }

        public Builder baseUrl(String v) {
            this.baseUrl = v;
            return this;
        }
        /** Per request; uploads of large files need a generous value. */
        public Builder requestTimeout(Duration v) {
            this.requestTimeout = v;
            return this;
        }

        public Builder maxAttempts(int v) {
            this.maxAttempts = v;
            return this;
        }

        public Builder backoff(Duration v) {
            this.backoff = v;
            return this;
        }

        public Builder sleeper(Sleeper v) {
            this.sleeper = v;
            return this;
        }

        public TogetherClient build() {
            if (apiKey == null || apiKey.isBlank()) {
                throw new ConfigurationException("API key is required");
            }
            URI uri;
            try {
                uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("base URL is not a URI: " + baseUrl);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new ConfigurationException("base URL must be http(s): " + baseUrl);
            }
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new ConfigurationException("max attempts must be 1..10, was " + maxAttempts);
            }
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new ConfigurationException("request timeout must be positive");
            }
            return new TogetherClient(new Http(
                    "Together",
                    uri,
                    apiKey,
                    requestTimeout,
                    maxAttempts,
                    backoff,
                    Objects.requireNonNull(sleeper, "sleeper")));
        }
    }
}
