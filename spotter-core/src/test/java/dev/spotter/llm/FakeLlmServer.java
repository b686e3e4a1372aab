package dev.spotter.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * In-process fake of the OpenAI chat completions and Anthropic Messages APIs over real HTTP on 127.0.0.1
 * (ephemeral port). Reusable by every area's tests:
 *
 * <pre>{@code
 * try (FakeLlmServer fake = FakeLlmServer.start()) {
 *     fake.answerer(call -> "{\"ok\":true}");          // assistant text per request
 *     fake.enqueue(Fault.status(429, "1"), Fault.reset()); // the next two requests fail like this
 *     LlmConfig cfg = LlmConfig.builder(Provider.OPENAI).baseUrl(fake.baseUrl())
 *             .env(Map.of("OPENAI_API_KEY", "sk-test")::get).build();
 * }
 * }</pre>
 *
 * Faults are consumed in arrival order by whichever request comes next. Both APIs live on one server:
 * {@code POST /v1/chat/completions} and {@code POST /v1/messages}. Requests without the expected auth header get
 * 401 when {@link #requireKey(String)} was set.
 */
public final class FakeLlmServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One received request, as the answerer sees it. */
    public record Call(
            Provider provider,
            String model,
            String system,
            List<String> userMessages,
            JsonNode body,
            Map<String, List<String>> headers) {
        /** All user messages joined: what a prompt-matching answerer usually wants. */
        public String userText() {
            return String.join("\n", userMessages);
        }
    }

    /** A scripted misbehaviour for one request. */
    public sealed interface Fault {
        /** Status code with an optional Retry-After header value (null = none). */
        record Status(int code, String retryAfter) implements Fault {}

        /**
         * Holds the request without answering for up to this long (or until the server closes), then drops the
         * connection: make it far longer than the client's timeout. It never counts in {@link #okCount()} (no
         * response was sent), so tests can assert exact accounting without racing the client's timer.
         */
        record Slow(Duration delay) implements Fault {}

        /** Closes the connection without a response. */
        record Reset() implements Fault {}

        /** 200 with a body that is not JSON. */
        record MalformedJson() implements Fault {}

        /** 200, but cut at max tokens (finish_reason length / stop_reason max_tokens) with half the answer. */
        record Truncated() implements Fault {}

        /** 200 with a refusal (OpenAI {@code refusal} field / Anthropic stop_reason refusal). */
        record Refusal() implements Fault {}

        /** 200 whose assistant text is exactly this (e.g. a schema-violating answer). */
        record Answer(String text) implements Fault {}

        /** An HTTP {@code code} answer with exactly {@code body} (e.g. a provider's 400 error object). */
        record Reply(int code, String body) implements Fault {}

        static Fault reply(int code, String body) {
            return new Reply(code, body);
        }

        static Fault status(int code) {
            return new Status(code, null);
        }

        static Fault status(int code, String retryAfter) {
            return new Status(code, retryAfter);
        }

        static Fault slow(Duration d) {
            return new Slow(d);
        }

        static Fault reset() {
            return new Reset();
        }

        static Fault malformedJson() {
            return new MalformedJson();
        }

        static Fault truncated() {
            return new Truncated();
        }

        static Fault refusal() {
            return new Refusal();
        }

        static Fault answer(String text) {
            return new Answer(text);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger okCount = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final java.util.concurrent.ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong ids = new AtomicLong();
    private volatile Function<Call, String> answerer = c -> "ok";
    private volatile Duration latency = Duration.ZERO;
    private volatile String requiredKey;
    private volatile boolean recordCalls = true;
    // server-side rate limit: token bucket, burst = one second's worth (like real providers' short windows)
    private volatile double rpmLimit;
    private double bucket;
    private long bucketAt = System.nanoTime();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> okTimes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    /** A normal 200 completion whose last byte was written: its id and {@link System#nanoTime()} at that moment. */
    public record Sent(String id, long nanos) {}

    private FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", ex -> handle(ex, Provider.OPENAI));
        server.createContext("/v1/messages", ex -> handle(ex, Provider.ANTHROPIC));
        server.setExecutor(executor);
        server.start();
    }

    public static FakeLlmServer start() {
        try {
            return new FakeLlmServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start fake LLM server", e);
        }
    }

    /** {@code http://127.0.0.1:PORT/v1}: the base URL for both providers. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Sets how the assistant text is produced for normal (non-fault) requests. */
    public FakeLlmServer answerer(Function<Call, String> f) {
        this.answerer = Objects.requireNonNull(f);
        return this;
    }

    /** Queues faults for the next requests, in arrival order. */
    public FakeLlmServer enqueue(Fault... fs) {
        faults.addAll(List.of(fs));
        return this;
    }

    /** Added to every response (simulates model latency). */
    public FakeLlmServer latency(Duration d) {
        this.latency = Objects.requireNonNull(d);
        return this;
    }

    /** Requests beyond this many per minute get 429 with Retry-After; 0 = no limit. */
    public FakeLlmServer rateLimitPerMinute(int rpm) {
        synchronized (this) {
            this.rpmLimit = rpm;
            this.bucket = Math.max(1, rpm / 60.0);
            this.bucketAt = System.nanoTime();
        }
        return this;
    }

    /** Rejects requests that do not carry this key (Bearer for OpenAI, x-api-key for Anthropic) with 401. */
    public FakeLlmServer requireKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** Keep received calls for {@link #calls()} (default on; turn off for long benchmarks). */
    public FakeLlmServer recordCalls(boolean on) {
        this.recordCalls = on;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every HTTP request received, faults included. */
    public int requestCount() {
        return requestCount.get();
    }

    /** Requests held by a {@link Fault#slow} fault and never answered. */
    public int abandonedCount() {
        return abandoned.get();
    }

    /** Requests answered with a normal 200 completion. */
    public int okCount() {
        return okCount.get();
    }

    /**
     * Completions per minute between the first and the last 200 response ({@code (n-1)/(t_last-t_first)}): the
     * steady-state rate, excluding client start-up and shutdown. NaN with fewer than two completions.
     */
    public double sustainedPerMinute() {
        List<Long> t = List.copyOf(okTimes);
        if (t.size() < 2) {
            return Double.NaN;
        }
        long first = t.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = t.stream().mapToLong(Long::longValue).max().orElseThrow();
        return (t.size() - 1) * 60e9 / (last - first);
    }

    /**
     * When no queued fault is left, each request gets a fault of {@code mix} with probability {@code rate}
     * (seeded: the same sequence of draws every time, whichever request draws it).
     */
    public FakeLlmServer randomFaults(double rate, long seed, Fault... mix) {
        this.randomFaults = new RandomFaults(rate, new java.util.Random(seed), List.of(mix));
        return this;
    }

    private record RandomFaults(double rate, java.util.Random random, List<Fault> mix) {
        synchronized Fault next() {
            return random.nextDouble() < rate ? mix.get(random.nextInt(mix.size())) : null;
        }
    }

    private volatile RandomFaults randomFaults;

    /** Every normal 200 completion fully written, in completion order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public int rateLimitedCount() {
        return rateLimited.get();
    }

    public int pendingFaults() {
        return faults.size();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // interrupts requests held by a Slow fault
    }

    private synchronized boolean admit() {
        if (rpmLimit <= 0) {
            return true;
        }
        long now = System.nanoTime();
        double cap = Math.max(1, rpmLimit / 60.0);
        bucket = Math.min(cap, bucket + (now - bucketAt) * rpmLimit / 60e9);
        bucketAt = now;
        if (bucket >= 1) {
            bucket -= 1;
            return true;
        }
        return false;
    }

    private void handle(HttpExchange ex, Provider provider) throws IOException {
        try (ex) {
            requestCount.incrementAndGet();
            byte[] in = ex.getRequestBody().readAllBytes();
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "{\"error\":\"method\"}", null);
                return;
            }
            if (requiredKey != null) {
                String got = provider == Provider.OPENAI
                        ? ex.getRequestHeaders().getFirst("Authorization")
                        : ex.getRequestHeaders().getFirst("x-api-key");
                String want = provider == Provider.OPENAI ? "Bearer " + requiredKey : requiredKey;
                if (!want.equals(got)) {
                    send(ex, 401, "{\"error\":{\"message\":\"invalid api key\"}}", null);
                    return;
                }
            }
            if (provider == Provider.ANTHROPIC && ex.getRequestHeaders().getFirst("anthropic-version") == null) {
                send(
                        ex,
                        400,
                        "{\"type\":\"error\",\"error\":{\"message\":\"anthropic-version header required\"}}",
                        null);
                return;
            }
            if (!admit()) {
                rateLimited.incrementAndGet();
                send(ex, 429, "{\"error\":{\"message\":\"rate limited\"}}", "1");
                return;
            }
            JsonNode body = MAPPER.readTree(in);
            Call call = toCall(provider, body, ex);
            if (recordCalls) {
                calls.add(call);
            }
            Fault f = faults.poll();
            if (f == null && randomFaults != null) {
                f = randomFaults.next();
            }
            if (!latency.isZero()) {
                sleep(latency);
            }
            if (f instanceof Fault.Slow s) {
                abandoned.incrementAndGet();
                sleep(s.delay());
                return; // drop the connection without an answer
            }
            switch (f) {
                case Fault.Status s ->
                    send(
                            ex,
                            s.code(),
                            provider == Provider.ANTHROPIC && s.code() == 529
                                    ? "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"
                                    : "{\"error\":{\"message\":\"fault " + s.code() + "\"}}",
                            s.retryAfter());
                case Fault.Reset r -> {
                    // no response at all: closing the exchange drops the connection
                }
                case Fault.MalformedJson m -> send(ex, 200, "{\"id\":\"x\",\"choices\":[{\"message\":", null);
                case Fault.Truncated t -> {
                    String full = answerer.apply(call);
                    ok(ex, provider, full.substring(0, full.length() / 2), "length", false);
                }
                case Fault.Refusal r -> ok(ex, provider, "I can't help with that.", "refusal", true);
                case Fault.Answer a -> ok(ex, provider, a.text(), "stop", false);
                case Fault.Reply r -> send(ex, r.code(), r.body(), null);
                case null -> ok(ex, provider, answerer.apply(call), "stop", false);
                case Fault.Slow s -> throw new AssertionError("handled above");
            }
        }
    }

    private void ok(HttpExchange ex, Provider provider, String text, String finish, boolean refusal)
            throws IOException {
        long n = ids.incrementAndGet();
        int in = 50 + (int) (n % 50);
        int out = Math.max(1, text.length() / 4);
        ObjectNode root = MAPPER.createObjectNode();
        if (provider == Provider.OPENAI) {
            root.put("id", "chatcmpl-fake" + n).put("object", "chat.completion");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode msg = choice.putObject("message").put("role", "assistant");
            if (refusal) {
                msg.putNull("content");
                msg.put("refusal", text);
                choice.put("finish_reason", "stop");
            } else {
                msg.put("content", text);
                choice.put("finish_reason", finish);
            }
            root.putObject("usage")
                    .put("prompt_tokens", in)
                    .put("completion_tokens", out)
                    .put("total_tokens", in + out);
        } else {
            root.put("id", "msg_fake" + n).put("type", "message").put("role", "assistant");
            root.putArray("content").addObject().put("type", "text").put("text", text);
            root.put(
                    "stop_reason",
                    switch (finish) {
                        case "length" -> "max_tokens";
                        case "refusal" -> "refusal";
                        default -> "end_turn";
                    });
            root.putObject("usage").put("input_tokens", in).put("output_tokens", out);
        }
        okCount.incrementAndGet();
        send(ex, 200, root.toString(), null);
        long at = System.nanoTime();
        okTimes.add(at);
        sent.add(new Sent(root.path("id").asText(), at));
    }

    private static Call toCall(Provider provider, JsonNode body, HttpExchange ex) {
        String system = provider == Provider.ANTHROPIC ? body.path("system").asText("") : "";
        List<String> users = new java.util.ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            String role = m.path("role").asText();
            if (role.equals("system")) {
                system = m.path("content").asText();
            } else if (role.equals("user")) {
                users.add(m.path("content").asText());
            }
        }
        return new Call(
                provider,
                body.path("model").asText(),
                system,
                List.copyOf(users),
                body,
                Map.copyOf(ex.getRequestHeaders()));
    }

    private static void send(HttpExchange ex, int code, String body, String retryAfter) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("x-request-id", "req_fake");
        if (retryAfter != null) {
            ex.getResponseHeaders().set("Retry-After", retryAfter);
        }
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
