package dev.spotter.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's security rules over real HTTP: token, POST rules, no CORS, Host check, headers, bind address. */
class ReviewHttpTest {
    @TempDir
    Path dir;

    ReviewServer server;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = ReviewServer.builder()
                .source(Fixtures.injury(dir))
                .decisions(dir.resolve("state/review.db"))
                .start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPathIsForbiddenWithoutTheRunsToken() throws Exception {
        for (String p : new String[] {
            "/", "/api/overview", "/assets/app.js", "/api/batch?source=injury&batch=lines-1-6", "/nope"
        }) {
            assertThat(get(p).statusCode()).as(p).isEqualTo(403);
            assertThat(get(p + (p.contains("?") ? "&" : "?") + "token=wrong-token-0123456789")
                            .statusCode())
                    .as(p)
                    .isEqualTo(403);
        }
        assertThat(post("/api/session", "{\"reviewer\":\"eve\"}").statusCode()).isEqualTo(403);
        assertThat(get("/api/overview").body()).doesNotContain("injury");
    }

    @Test
    void theTokenedUrlServesThePageSetsAStrictCookieAndStrictHeaders() throws Exception {
        HttpResponse<String> r = get("/?token=" + server.token());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("/assets/app.js")
                .doesNotContain("<script>")
                .doesNotContain("https://");
        String cookie = r.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(r.headers().firstValue("content-security-policy").orElseThrow())
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(r.headers().firstValue("referrer-policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("access-control-allow-origin")).isEmpty();
        // the cookie then opens reads, and only reads
        String c = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get("/api/overview", "Cookie", c).statusCode()).isEqualTo(200);
        assertThat(get("/assets/app.js", "Cookie", c).body()).contains("textContent");
        assertThat(post("/api/session", "{\"reviewer\":\"eve\"}", "Cookie", c).statusCode())
                .isEqualTo(403);
    }

    @Test
    void statePostsNeedTheHeaderJsonAndOurOriginAndThereIsNoCors() throws Exception {
        String t = server.token();
        assertThat(post("/api/session", "{\"reviewer\":\"ana\"}", "X-Spotter-Token", t)
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/session?token=" + t, "{\"reviewer\":\"ana\"}").statusCode())
                .as("a query token does not authorise a POST")
                .isEqualTo(403);
        assertThat(post("/api/session", "{\"reviewer\":\"ana\"}", "X-Spotter-Token", t, "Origin", "http://evil.example")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/session"))
                        .POST(HttpRequest.BodyPublishers.ofString("reviewer=ana"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Spotter-Token", t)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        HttpResponse<String> pre = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/decide"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pre.statusCode()).isEqualTo(403);
        assertThat(pre.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
        assertThat(get("/api/overview", "X-Spotter-Token", t, "Origin", "http://evil.example")
                        .headers()
                        .firstValue("access-control-allow-origin"))
                .isEmpty();
    }

    @Test
    void aForeignHostHeaderIsRefusedEvenWithTheToken() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/overview?token=" + server.token() + " HTTP/1.1\r\nHost: rebind.example:"
                            + server.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String resp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(resp).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void apiKeysInProvenanceNeverReachThePage() throws Exception {
        String t = server.token();
        String session = post("/api/session", "{\"reviewer\":\"ana\"}", "X-Spotter-Token", t)
                .body()
                .replaceAll(".*\"session\":\"([0-9a-f]+)\".*", "$1");
        HttpResponse<String> r = post(
                "/api/open",
                "{\"session\":\"" + session
                        + "\",\"source\":\"injury\",\"batch\":\"lines-1-6\",\"mode\":\"at\",\"index\":0}",
                "X-Spotter-Token",
                t);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"api_key\":\"[redacted]\"").doesNotContain(Fixtures.KEY_MARKER);
        assertThat(get("/api/overview?token=" + t).body()).doesNotContain(Fixtures.KEY_MARKER);
    }

    @Test
    void aDecisionStopsApplyingWhenTheRecordsContentChangesAndThePageSaysSo() throws Exception {
        String t = server.token();
        String session = post("/api/session", "{\"reviewer\":\"ana\"}", "X-Spotter-Token", t)
                .body()
                .replaceAll(".*\"session\":\"([0-9a-f]+)\".*", "$1");
        String open = "{\"session\":\"" + session
                + "\",\"source\":\"injury\",\"batch\":\"lines-1-6\",\"mode\":\"at\",\"index\":0}";
        com.fasterxml.jackson.databind.JsonNode rec = Fixtures.M.readTree(
                post("/api/open", open, "X-Spotter-Token", t).body());
        HttpResponse<String> d = post(
                "/api/decide",
                "{\"session\":\"" + session + "\",\"source\":\"injury\",\"index\":0,\"hash\":\""
                        + rec.path("hash").asText() + "\",\"action\":\"accept\",\"replaces\":0}",
                "X-Spotter-Token",
                t);
        assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
        Path data = dir.resolve("injury.jsonl");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(data));
        lines.set(0, lines.get(0).replace("Sharp pain", "Dull pain"));
        java.nio.file.Files.write(data, lines); // regenerated: same slot, other content
        com.fasterxml.jackson.databind.JsonNode again = Fixtures.M.readTree(
                post("/api/open", open, "X-Spotter-Token", t).body());
        assertThat(again.path("hash").asText()).isNotEqualTo(rec.path("hash").asText());
        assertThat(again.path("decision").isNull()).isTrue();
        assertThat(again.path("stale").asText()).contains("accept by ana").contains("content changed");
    }

    @Test
    void aNonLoopbackBindNeedsTheExplicitFlagAndThenWarns() throws Exception {
        ReviewServer.Builder b = ReviewServer.builder()
                .source(Fixtures.running(dir))
                .decisions(dir.resolve("other.db"))
                .host("0.0.0.0");
        assertThatThrownBy(b::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--allow-remote");
        try (ReviewServer s = b.allowRemote(true).start()) {
            assertThat(s.warnings())
                    .singleElement()
                    .asString()
                    .startsWith("WARNING")
                    .contains("0.0.0.0");
        }
        assertThat(server.warnings()).isEmpty();
        assertThat(server.url().toString()).startsWith("http://127.0.0.1:").contains("?token=" + server.token());
    }
}
