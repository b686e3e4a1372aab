// Review app benchmark. Not a unit test; run it with bench/review/run.sh [RECORDS].
//
// Writes RECORDS injury-analysis records (about 3 KB each, with provenance) as one batch, starts the review server
// on 127.0.0.1 and measures over real HTTP, reading the server's own time from its Server-Timing header:
//   - start: indexing the file (hashing every line) and evaluating the batch;
//   - opening the batch: the compact list (one row per record) and the first record view (checks included);
//   - next record: /api/open mode=pending after each decision (the record view with its checks);
//   - recording a decision: /api/decide (one SQLite transaction, synchronous=FULL, so with its fsync);
//   - the store alone: DecisionStore.decide, which is what the 20 ms target is about.
// Targets (issue 11): a 10,000-record batch opens in < 1 s; next record < 50 ms server time; decision < 20 ms.

package dev.spotter.bench.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.checks.SampleAnswers;
import dev.spotter.generate.Plans;
import dev.spotter.review.Decision;
import dev.spotter.review.DecisionStore;
import dev.spotter.review.ReviewPolicy;
import dev.spotter.review.SourceIndex;
import dev.spotter.review.web.ReviewServer;
import dev.spotter.review.web.ReviewSource;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

public final class ReviewBench {
    private static final ObjectMapper M = new ObjectMapper();

    private ReviewBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("review-bench-");
        Path data = dir.resolve("injury.jsonl");
        String sys = Plans.load("injury").systemPrompt();
        try (BufferedWriter d = Files.newBufferedWriter(data, StandardCharsets.UTF_8);
                BufferedWriter p = Files.newBufferedWriter(ReviewSource.sidecarOf(data), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                ObjectNode ex = M.createObjectNode();
                var msgs = ex.putArray("messages");
                msgs.addObject().put("role", "system").put("content", sys);
                msgs.addObject().put("role", "user").put("content", "Sharp pain in my shoulder on bench, day " + i);
                msgs.addObject()
                        .put("role", "assistant")
                        .put("content", SampleAnswers.injury("injury").toString());
                d.write(ex.toString());
                d.write('\n');
                p.write("{\"line\":" + (i + 1) + ",\"plan\":\"injury\",\"category\":\"acute\",\"custom_id\":\"acute_"
                        + i + "_a1\",\"model\":\"gpt-4o-mini\",\"provider\":\"openai\",\"mode\":\"live\"}\n");
            }
        }
        System.out.printf(Locale.ROOT, "records %,d, file %.1f MB%n", n, Files.size(data) / 1e6);
        for (int i = 0; i < 3; i++) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long a = System.nanoTime();
            long cpu = mx.getCurrentThreadCpuTime();
            SourceIndex idx = SourceIndex.scan("injury", data, ReviewSource.sidecarOf(data), "", n);
            double scan = ms(a);
            double scanCpu = (mx.getCurrentThreadCpuTime() - cpu) / 1e6;
            a = System.nanoTime();
            cpu = mx.getCurrentThreadCpuTime();
            dev.spotter.review.ReviewGate.evaluate(idx, ReviewPolicy.defaults(), java.util.Map.of(), List.of());
            System.out.printf(
                    Locale.ROOT,
                    "index (read, hash, excerpt %,d lines): %.0f ms wall, %.0f ms CPU; evaluate: %.1f ms wall, %.1f ms CPU%n",
                    idx.records().size(),
                    scan,
                    scanCpu,
                    ms(a),
                    (mx.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
        long t0 = System.nanoTime();
        try (ReviewServer s = ReviewServer.builder()
                .source(ReviewSource.generated(
                        "injury", data, ReviewPolicy.builder().batchSize(n).build()))
                .decisions(dir.resolve("state/review.db"))
                .start()) {
            System.out.printf(Locale.ROOT, "server start (index + hash %,d lines, evaluate): %.0f ms%n", n, ms(t0));
            HttpClient http = HttpClient.newHttpClient();
            Call c = new Call(http, s.port(), s.token());
            String session = c.post("/api/session", "{\"reviewer\":\"bench\"}")
                    .body
                    .path("session")
                    .asText();
            String batch = "lines-1-" + n;
            List<Double> list = new ArrayList<>();
            List<Double> listWall = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long w = System.nanoTime();
                Result r = c.get("/api/batch?source=injury&batch=" + batch);
                listWall.add(ms(w));
                list.add(r.server);
                if (i == 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "list view: %,d rows, %.1f MB of JSON%n",
                            r.body.path("rows").size(),
                            r.bytes / 1e6);
                }
            }
            Thread.sleep(
                    3000); // let the server's warm-up (tokenizer, plan) finish, as it does while a person reads the
            // page
            long w = System.nanoTime();
            Result first = c.post("/api/open", open(session, batch, -1));
            double firstWall = ms(w);
            System.out.printf(
                    Locale.ROOT,
                    "open the batch: list median %.1f ms server (%.1f ms round trip), first record view %.1f ms server"
                            + " (%.1f ms round trip)%n",
                    median(list),
                    median(listWall),
                    first.server,
                    firstWall);
            List<Double> next = new ArrayList<>();
            List<Double> decide = new ArrayList<>();
            JsonNode rec = first.body;
            for (int i = 0; i < steps; i++) {
                Result d = c.post(
                        "/api/decide",
                        "{\"session\":\"" + session + "\",\"source\":\"injury\",\"index\":"
                                + rec.path("index").asInt() + ",\"hash\":\""
                                + rec.path("hash").asText()
                                + "\",\"action\":\"accept\",\"replaces\":0}");
                decide.add(d.server);
                Result o = c.post(
                        "/api/open", open(session, batch, rec.path("index").asInt()));
                next.add(o.server);
                rec = o.body;
            }
            System.out.printf(
                    Locale.ROOT,
                    "next record (%d): median %.1f ms, p95 %.1f ms, max %.1f ms server%n",
                    steps,
                    median(next),
                    pct(next, 95),
                    Collections.max(next));
            System.out.printf(
                    Locale.ROOT,
                    "decide over HTTP (%d): median %.1f ms, p95 %.1f ms server%n",
                    steps,
                    median(decide),
                    pct(decide, 95));
        }
        try (DecisionStore st = DecisionStore.open(dir.resolve("store-only.db"))) {
            List<Double> t = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String h = SourceIndex.contentHash("record " + i);
                long a = System.nanoTime();
                st.decide(
                        new Decision(
                                0,
                                "s",
                                h,
                                "r" + i,
                                i + 1,
                                "b",
                                Decision.Action.ACCEPT,
                                null,
                                null,
                                null,
                                null,
                                "bench",
                                Instant.EPOCH,
                                1,
                                "ui"),
                        0,
                        "S");
                t.add(ms(a));
            }
            System.out.printf(
                    Locale.ROOT,
                    "DecisionStore.decide (1,000, synchronous=FULL, WAL): median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                    median(t),
                    pct(t, 95),
                    Collections.max(t));
        }
    }

    private static String open(String session, String batch, int from) {
        return "{\"session\":\"" + session + "\",\"source\":\"injury\",\"batch\":\"" + batch
                + "\",\"mode\":\"pending\",\"from\":" + from + "}";
    }

    private record Result(JsonNode body, double server, long bytes) {}

    private record Call(HttpClient http, int port, String token) {
        Result get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Spotter-Token", token)
                    .build());
        }

        Result post(String path, String body) throws Exception {
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Spotter-Token", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        }

        private Result send(HttpRequest req) throws Exception {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(req.uri() + ": HTTP " + r.statusCode() + " " + r.body());
            }
            String t = r.headers().firstValue("server-timing").orElse("app;dur=NaN");
            return new Result(
                    M.readTree(r.body()),
                    Double.parseDouble(t.substring(t.indexOf('=') + 1)),
                    r.body().length());
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> v) {
        return pct(v, 50);
    }

    private static double pct(List<Double> v, int p) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
