package dev.spotter.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The platform client honours Retry-After in its HTTP-date form too (it used to read only delta-seconds). */
class HttpRetryAfterTest {
    @Test
    void a429WithAnHttpDateWaitsUntilThatDate() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/v1/files", ex -> {
            byte[] body;
            if (calls.getAndIncrement() == 0) {
                String at = ZonedDateTime.now(ZoneOffset.UTC)
                        .plusSeconds(4)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.RFC_1123_DATE_TIME);
                ex.getResponseHeaders().add("Retry-After", at);
                body = "{\"error\":{\"message\":\"slow down\"}}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(429, body.length);
            } else {
                body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
            }
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            List<Duration> sleeps = new ArrayList<>();
            Http http = new Http(
                    "Together",
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    "test-key",
                    Duration.ofSeconds(5),
                    3,
                    Duration.ofMillis(10),
                    sleeps::add);
            assertThat(http.get("/v1/files").path("data").isArray()).isTrue();
            assertThat(calls.get()).isEqualTo(2);
            // 4 s ahead, truncated to whole seconds: between 3 and 4 s from when the client read it
            assertThat(sleeps).hasSize(1);
            assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        } finally {
            server.stop(0);
        }
    }
}
