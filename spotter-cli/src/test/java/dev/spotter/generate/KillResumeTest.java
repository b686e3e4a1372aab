package dev.spotter.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.format.ChatJson;
import dev.spotter.llm.FakeLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real child process (the CLI main class on the test classpath) mid-run against the fake server, twice,
 * then the same command again: exactly the targets, no duplicates, every output line parses.
 */
class KillResumeTest {
    private static final String KEY = "sk-kill-test-key";

    @TempDir
    Path dir;

    @Test
    void killNineThenSameCommandEndsWithExactlyTheTargets() throws Exception {
        try (FakeLlmServer fake = FakeLlmServer.start()
                .requireKey(KEY)
                .answerer(new FakeAnswers())
                .latency(Duration.ofMillis(40))) {
            Path state = dir.resolve("state");
            Path out = dir.resolve("out.jsonl");
            List<String> cmd = generate(fake, "running", 8, 4, state, out);
            for (int kill = 1; kill <= 2; kill++) {
                Process p = start(cmd, kill);
                long waitFor = kill * 6L;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (accepted(state) < waitFor && p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(p.isAlive())
                        .as("child still running when killed (run %d)", kill)
                        .isTrue();
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                assertThat(accepted(state)).isLessThan(24);
            }
            Process last = start(cmd, 3);
            assertThat(last.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue())
                    .as(Files.readString(dir.resolve("err3.txt")))
                    .isZero();

            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(24);
            assertThat(new HashSet<>(lines)).hasSize(24);
            lines.forEach(ChatJson::parse);
            assertThat(Files.readAllLines(dev.spotter.kernel.Sidecars.provenance(out)))
                    .hasSize(24);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("state.db"));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT COUNT(*), COUNT(DISTINCT category || '/' || filled_slot) FROM responses WHERE status='accepted'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(24);
                assertThat(rs.getInt(2)).isEqualTo(24);
            }
        }
    }

    /**
     * The loss window of {@code kill -9}: answers the fake had completely written before the kill but which the
     * killed run never committed. Five kills at concurrency 8, each once the state has grown by 10 more answers.
     */
    @Test
    void killNineLosesOnlyAnswersStillOnTheWire() throws Exception {
        try (FakeLlmServer fake = FakeLlmServer.start()
                .requireKey(KEY)
                .answerer(new FakeAnswers())
                .latency(Duration.ofMillis(40))) {
            Path state = dir.resolve("state");
            List<String> cmd = generate(fake, "coach-qa", 40, 8, state, dir.resolve("out.jsonl"));
            int lostTotal = 0;
            int sentTotal = 0;
            long oldestLostMicros = 0;
            StringBuilder perKill = new StringBuilder();
            long previousKill = 0;
            int toDeadTotal = 0;
            for (int kill = 1; kill <= 5; kill++) {
                long childStart = System.nanoTime();
                Process p = start(cmd, kill);
                long base = recorded(state).size();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (recorded(state).size() < base + 10 && p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(7);
                }
                assertThat(p.isAlive()).as("child alive at kill %d", kill).isTrue();
                long killAt = System.nanoTime();
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                Set<String> have = recorded(state);
                List<FakeLlmServer.Sent> before =
                        fake.sent().stream().filter(x -> x.nanos() < killAt).toList();
                sentTotal = before.size();
                List<FakeLlmServer.Sent> lost =
                        before.stream().filter(x -> !have.contains(x.id())).toList();
                lostTotal = lost.size(); // cumulative: an answer lost at an earlier kill stays lost
                long since = previousKill;
                // answers written after the previous child died (it could never read them: in flight at that kill)
                int toDead = (int) lost.stream()
                        .filter(x -> x.nanos() > since && x.nanos() < childStart)
                        .count();
                toDeadTotal += toDead;
                lost = lost.stream().filter(x -> x.nanos() >= childStart).toList();
                previousKill = killAt;
                long oldest = lost.stream()
                        .mapToLong(x -> (killAt - x.nanos()) / 1000)
                        .max()
                        .orElse(0);
                oldestLostMicros = Math.max(oldestLostMicros, oldest);
                perKill.append(String.format(
                        " kill %d: %d written to the dead child of kill %d, %d lost while alive (oldest %.1f ms);",
                        kill, toDead, kill - 1, lost.size(), oldest / 1000.0));
            }
            System.out.printf(
                    "kill -9 loss window:%s total %d of %d answers the fake wrote before the last kill were never stored"
                            + " (%d of them written to an already-dead child), oldest answer lost by a live child %.1f ms"
                            + " before its kill%n",
                    perKill, lostTotal, sentTotal, toDeadTotal, oldestLostMicros / 1000.0);
        }
    }

    /** request ids of every answer the state holds (committed responses, and received answers not yet checked). */
    private static Set<String> recorded(Path state) {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(state.resolve("state.db"))) {
            return ids;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("state.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=2000");
            for (String table : List.of("responses", "received")) {
                try (ResultSet rs =
                        s.executeQuery("SELECT request_id FROM " + table + " WHERE request_id IS NOT NULL")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                } catch (java.sql.SQLException e) {
                    // table not there (yet, or in this version)
                }
            }
        } catch (java.sql.SQLException e) {
            return ids;
        }
        return ids;
    }

    /** {@code spotter generate PLAN} in a child JVM against the fake. */
    private static List<String> generate(
            FakeLlmServer fake, String plan, int limit, int concurrency, Path state, Path out) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.spotter.cli.SpotterCli",
                "generate",
                plan,
                "--provider",
                "openai",
                "--base-url",
                fake.baseUrl(),
                "--model",
                "gpt-4o-mini",
                "--limit",
                Integer.toString(limit),
                "--concurrency",
                Integer.toString(concurrency),
                "--state",
                state.toString(),
                "-o",
                out.toString());
    }

    private Process start(List<String> cmd, int run) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OPENAI_API_KEY", KEY);
        pb.redirectOutput(dir.resolve("out" + run + ".txt").toFile());
        pb.redirectError(dir.resolve("err" + run + ".txt").toFile());
        return pb.start();
    }

    private static long accepted(Path state) {
        if (!Files.exists(state.resolve("state.db"))) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("state.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=2000");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM responses WHERE status='accepted'")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (Exception e) {
            return 0; // table not created yet
        }
    }
}
