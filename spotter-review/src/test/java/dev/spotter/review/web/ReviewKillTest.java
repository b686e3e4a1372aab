package dev.spotter.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.review.DecisionStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real server process while decisions are being recorded: every decision the server acknowledged is in
 * the database afterwards, the database is intact, at most the one in flight is missing, and a new server on the
 * same file serves exactly those decisions.
 */
class ReviewKillTest {
    private static final String TOKEN = "kill-test-token-0123456789";
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killNineDuringADecisionLosesAtMostTheDecisionInFlight() throws Exception {
        Path data = dir.resolve("coach.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add("{\"messages\":[{\"role\":\"user\",\"content\":\"How many sets for growth, question " + i
                    + "?\"},{\"role\":\"assistant\",\"content\":\"About 10 to 20 hard sets per muscle per week.\"}]}");
        }
        Files.write(data, lines);
        Path db = dir.resolve("state/review.db");
        Set<String> acknowledged = new HashSet<>();
        Process p = start(data, db);
        try {
            int port = port(p);
            String session = post(port, "/api/session", "{\"reviewer\":\"ana\"}")
                    .path("session")
                    .asText();
            JsonNode rec = post(port, "/api/open", open(session, -1));
            CompletableFuture<HttpResponse<String>> inFlight = null;
            for (int n = 0; n < 400; n++) {
                String body = decide(session, rec);
                if (n == 40) { // the next decision goes out and the server dies under it
                    inFlight = http.sendAsync(request(port, "/api/decide", body), HttpResponse.BodyHandlers.ofString());
                    Thread.sleep(1);
                    p.destroyForcibly();
                    break;
                }
                JsonNode d = post(port, "/api/decide", body);
                assertThat(d.path("decision").path("action").asText()).isEqualTo("accept");
                acknowledged.add(rec.path("hash").asText());
                rec = post(port, "/api/open", open(session, rec.path("index").asInt()));
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(inFlight).isNotNull();
        } finally {
            p.destroyForcibly();
        }
        assertThat(acknowledged).hasSize(40);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        Set<String> stored;
        try (DecisionStore st = DecisionStore.open(db)) {
            stored = st.live("coach").keySet();
        }
        assertThat(stored).containsAll(acknowledged);
        assertThat(stored.size()).isBetween(40, 41);

        Process again = start(data, db);
        try {
            int port = port(again);
            JsonNode overview = get(port, "/api/overview");
            assertThat(overview.path("sources")
                            .get(0)
                            .path("total")
                            .path("reviewed")
                            .asInt())
                    .isEqualTo(stored.size());
        } finally {
            again.destroyForcibly();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Path data, Path db) throws Exception {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReviewChild.class.getName(),
                        data.toString(),
                        db.toString(),
                        TOKEN)
                .redirectError(dir.resolve("child-err.txt").toFile())
                .start();
    }

    private static int port(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).as("child's first line").startsWith("PORT ");
        return Integer.parseInt(line.substring(5).strip());
    }

    private static String open(String session, int from) {
        return "{\"session\":\"" + session + "\",\"source\":\"coach\",\"batch\":\"lines-1-300\",\"mode\":\"pending\","
                + "\"from\":" + from + "}";
    }

    private static String decide(String session, JsonNode rec) {
        return "{\"session\":\"" + session + "\",\"source\":\"coach\",\"index\":"
                + rec.path("index").asInt() + ",\"hash\":\"" + rec.path("hash").asText()
                + "\",\"action\":\"accept\",\"replaces\":0}";
    }

    private HttpRequest request(int port, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Spotter-Token", TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(request(port, path, body), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return M.readTree(r.body());
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Spotter-Token", TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return M.readTree(r.body());
    }
}
