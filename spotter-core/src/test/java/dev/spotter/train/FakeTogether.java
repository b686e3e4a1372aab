package dev.spotter.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Together API over real HTTP on 127.0.0.1 (ephemeral port), with scripted failures per route.
 * Routes are keyed like "POST /fine-tunes"; a scripted fault applies to the next request on that route.
 */
public final class FakeTogether implements AutoCloseable {
    public static final String KEY = "test-key-abc123";
    private static final ObjectMapper M = new ObjectMapper();

    /** What to do instead of (or after) serving a request. */
    public enum Fault {
        STATUS_500,
        STATUS_400,
        STATUS_401,
        STATUS_429,
        HANG,
        MALFORMED,
        PROCESS_THEN_HANG,
        PROCESS_THEN_500
    }

    private final HttpServer server;
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    public final Map<String, ObjectNode> files = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, ObjectNode> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    public final List<String> authHeaders = Collections.synchronizedList(new ArrayList<>());
    public final List<String> uploadBodies = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger ids = new AtomicInteger();
    /** Status progression served by GET /fine-tunes/{id}: each GET advances one step. */
    public volatile List<String> script = List.of("queued", "running", "running", "completed");

    public volatile Double estimate = 12.5;
    /** false: estimate-price answers {@code estimation_available: false} with a zero price. */
    public volatile boolean estimationAvailable = true;
    /** The last body posted to estimate-price. */
    public volatile JsonNode lastEstimateBody;

    private final Map<String, Integer> polls = new HashMap<>();

    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();

    public FakeTogether() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public synchronized void fault(String route, Fault... fs) {
        faults.computeIfAbsent(route, k -> new ArrayDeque<>()).addAll(List.of(fs));
    }

    public long count(String route) {
        return requests.stream().filter(route::equals).count();
    }

    private synchronized Fault nextFault(String route) {
        Deque<Fault> q = faults.get(route);
        return q == null ? null : q.poll();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath().substring("/v1".length());
            String route = method + " " + routeOf(path);
            requests.add(route);
            authHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ex.getRequestBody().readAllBytes();
            if (!("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"error\":{\"message\":\"Invalid API key provided\"}}");
                return;
            }
            Fault f = nextFault(route);
            if (f != null) {
                switch (f) {
                    case STATUS_500 -> {
                        send(ex, 500, "{\"error\":{\"message\":\"internal error\"}}");
                        return;
                    }
                    case STATUS_400 -> {
                        send(ex, 400, "{\"error\":{\"message\":\"learning_rate is out of range\"}}");
                        return;
                    }
                    case STATUS_401 -> {
                        send(ex, 401, "{\"error\":{\"message\":\"Invalid API key provided\"}}");
                        return;
                    }
                    case STATUS_429 -> {
                        ex.getResponseHeaders().add("Retry-After", "0");
                        send(ex, 429, "{\"error\":{\"message\":\"rate limited\"}}");
                        return;
                    }
                    case HANG -> {
                        sleep();
                        return;
                    }
                    case MALFORMED -> {
                        send(ex, 200, "{\"data\": [ {\"id\": ");
                        return;
                    }
                    default -> {}
                }
            }
            String out = serve(method, path, route, body);
            if (f == Fault.PROCESS_THEN_HANG) {
                sleep();
                return;
            }
            if (f == Fault.PROCESS_THEN_500) {
                send(ex, 502, "<html>bad gateway</html>");
                return;
            }
            if (out == null) {
                send(ex, 404, "{\"error\":{\"message\":\"not found: " + path + "\"}}");
            } else {
                send(ex, 200, out);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    private static String routeOf(String path) {
        if (path.startsWith("/fine-tunes/") && !path.equals("/fine-tunes/estimate-price")) {
            String rest = path.substring("/fine-tunes/".length());
            int slash = rest.indexOf('/');
            return "/fine-tunes/{id}" + (slash < 0 ? "" : rest.substring(slash));
        }
        return path;
    }

    private String serve(String method, String path, String route, byte[] body) throws IOException {
        switch (route) {
            case "GET /files": {
                ObjectNode r = M.createObjectNode();
                ArrayNode d = r.putArray("data");
                files.values().forEach(d::add);
                return r.toString();
            }
            case "POST /files/upload": {
                String text = new String(body, StandardCharsets.UTF_8);
                uploadBodies.add(text);
                String name = field(text, "file_name");
                int start = text.indexOf("\r\n\r\n", text.indexOf("name=\"file\";")) + 4;
                int end = text.lastIndexOf("\r\n--");
                long bytes = text.substring(start, end).getBytes(StandardCharsets.UTF_8).length;
                ObjectNode f = M.createObjectNode();
                f.put("id", "file-" + ids.incrementAndGet());
                f.put("object", "file");
                f.put("filename", name);
                f.put("bytes", bytes);
                f.put("purpose", field(text, "purpose"));
                files.put(f.get("id").asText(), f);
                return f.toString();
            }
            case "POST /fine-tunes/estimate-price": {
                if (estimate == null) {
                    return null;
                }
                lastEstimateBody = M.readTree(body);
                if (!estimationAvailable) {
                    return "{\"estimation_available\":false,\"estimated_total_price\":0,\"allowed_to_proceed\":true,"
                            + "\"estimated_train_token_count\":0}";
                }
                return "{\"estimated_total_price\":" + estimate + ",\"allowed_to_proceed\":true,"
                        + "\"estimated_train_token_count\":123456}";
            }
            case "POST /fine-tunes": {
                JsonNode req = M.readTree(body);
                ObjectNode j = M.createObjectNode();
                String id = "ft-" + ids.incrementAndGet();
                j.put("id", id);
                j.put("status", "pending");
                j.put("model", req.path("model").asText());
                j.put("training_file", req.path("training_file").asText());
                if (req.has("validation_file")) {
                    j.put("validation_file", req.path("validation_file").asText());
                }
                j.put("suffix", req.path("suffix").asText());
                j.set("request", req);
                j.put(
                        "model_output_name",
                        "user/Llama-3.3-70B-Instruct-Reference-"
                                + req.path("suffix").asText() + "-a1b2");
                jobs.put(id, j);
                return j.toString();
            }
            case "GET /fine-tunes": {
                ObjectNode r = M.createObjectNode();
                ArrayNode d = r.putArray("data");
                jobs.values().forEach(d::add);
                return r.toString();
            }
            case "GET /fine-tunes/{id}": {
                ObjectNode j = jobs.get(path.substring("/fine-tunes/".length()));
                if (j == null) {
                    return null;
                }
                int n;
                synchronized (polls) {
                    n = polls.merge(j.get("id").asText(), 1, Integer::sum);
                }
                String st = script.get(Math.min(n - 1, script.size() - 1));
                j.put("status", st);
                j.put("total_steps", 100);
                j.put("steps_completed", st.equals("completed") ? 100 : st.equals("running") ? 50 * (n - 1) / 2 : 0);
                return j.toString();
            }
            case "GET /fine-tunes/{id}/events": {
                String id = path.split("/")[2];
                if (!jobs.containsKey(id)) {
                    return null;
                }
                return "{\"data\":[{\"created_at\":\"2026-11-26T01:00:00Z\",\"level\":\"info\",\"type\":\"JOB_START\","
                        + "\"message\":\"Training started\"},{\"created_at\":\"2026-11-26T01:05:00Z\",\"level\":\"info\","
                        + "\"type\":\"EPOCH_COMPLETE\",\"message\":\"Epoch 1/3 completed\"}]}";
            }
            case "POST /fine-tunes/{id}/cancel": {
                ObjectNode j = jobs.get(path.split("/")[2]);
                if (j == null) {
                    return null;
                }
                j.put("status", "cancel_requested");
                return j.toString();
            }
            default:
                return null;
        }
    }

    private static String field(String multipart, String name) {
        int i = multipart.indexOf("name=\"" + name + "\"\r\n\r\n");
        if (i < 0) {
            return null;
        }
        int s = multipart.indexOf("\r\n\r\n", i) + 4;
        return multipart.substring(s, multipart.indexOf("\r\n", s));
    }

    private static void sleep() {
        try {
            Thread.sleep(60_000); // far beyond any client timeout; close() interrupts it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // releases hanging handlers
    }
}
