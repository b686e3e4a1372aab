package dev.spotter.bench.generate;

import dev.spotter.generate.FakeAnswers;
import dev.spotter.generate.GenerateOptions;
import dev.spotter.generate.Generator;
import dev.spotter.generate.Plans;
import dev.spotter.generate.Report;
import dev.spotter.llm.FakeLlmServer;
import dev.spotter.llm.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Throughput benchmark of `spotter generate` against the in-process fake: 200 ms latency per response, the fake
 * enforces 600 requests/min (429 + Retry-After beyond it), the client is limited to 600 rpm. Reports sustained
 * completions/min, the 429s seen, and checks zero lost or duplicated examples.
 * Args: [limitPerCategory=125] [concurrency=8] [rpm=600] [latencyMs=200]
 */
public final class GenerateBench {
    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 125;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rpm = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int latency = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path dir = Files.createTempDirectory("spotter-bench-");
        try (FakeLlmServer fake = FakeLlmServer.start()
                .answerer(new FakeAnswers())
                .latency(Duration.ofMillis(latency))
                .rateLimitPerMinute(rpm)
                .recordCalls(false)) {
            GenerateOptions o = GenerateOptions.builder(
                            Plans.load("coach-qa"), dir.resolve("state"), dir.resolve("out.jsonl"))
                    .provider(Provider.OPENAI)
                    .model("gpt-4o-mini")
                    .baseUrl(fake.baseUrl())
                    .apiKeyEnv("none")
                    .env(Map.<String, String>of()::get)
                    .limit(limit)
                    .concurrency(concurrency)
                    .rpm(rpm)
                    .log(System.err::println)
                    .build();
            long t0 = System.nanoTime();
            Report r = Generator.run(o);
            double secs = (System.nanoTime() - t0) / 1e9;
            List<String> lines = Files.readAllLines(dir.resolve("out.jsonl"));
            int target = r.categories().stream()
                    .mapToInt(Report.CategoryCount::target)
                    .sum();
            long distinctSlots;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state/state.db"));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT COUNT(DISTINCT category||'/'||filled_slot) FROM responses WHERE status='accepted'")) {
                rs.next();
                distinctSlots = rs.getLong(1);
            }
            double perMin = fake.sustainedPerMinute();
            double overall = fake.okCount() * 60 / secs;
            System.out.println(r.summary());
            System.out.printf(
                    "target %d, output lines %d, distinct lines %d, distinct accepted slots %d%n",
                    target, lines.size(), new HashSet<>(lines).size(), distinctSlots);
            System.out.printf(
                    "HTTP requests %d (200: %d, 429 from the fake's limiter: %d) in %.1f s%n",
                    fake.requestCount(), fake.okCount(), fake.rateLimitedCount(), secs);
            System.out.printf(
                    "sustained completions (first to last 200): %.1f /min = %.1f%% of the %d/min limit (latency %d ms, concurrency %d)%n",
                    perMin, 100 * perMin / rpm, rpm, latency, concurrency);
            System.out.printf(
                    "whole run incl. start-up, state, output writing: %.1f /min = %.1f%%%n",
                    overall, 100 * overall / rpm);
            boolean ok = lines.size() == target
                    && new HashSet<>(lines).size() == target
                    && distinctSlots == target
                    && perMin >= 0.95 * rpm;
            System.out.println(ok ? "RESULT: PASS (>= 95% of the limit, zero lost or duplicated)" : "RESULT: FAIL");
            System.exit(ok ? 0 : 1);
        }
    }
}
