package dev.spotter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("1994-11-06T08:49:07Z");

    private static HttpHeaders headers(Map<String, String> h) {
        return HttpHeaders.of(
                h.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                (a, b) -> true);
    }

    @Test
    void deltaSecondsAndAllThreeHttpDateForms() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("1.5", NOW)).contains(Duration.ofMillis(1500));
        // RFC 9110's three examples of one instant, 30 s after NOW
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void aPastDateMeansNowAndGarbageIsIgnored() {
        assertThat(RetryAfter.parse("Sat, 05 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
    }

    @Test
    void headersPreferMillisecondsThenRetryAfterCaseInsensitively() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(RetryAfter.of(headers(Map.of("retry-after-ms", "250.5", "Retry-After", "9")), clock))
                .contains(Duration.ofNanos(250_500_000));
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "Sun, 06 Nov 1994 08:50:07 GMT")), clock))
                .contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.of(headers(Map.of("retry-after-ms", "x", "retry-after", "2")), clock))
                .contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.of(headers(Map.of()), clock)).isEmpty();
    }

    @Test
    void exactBackoffDoublesUpToTheCap() {
        Backoff b = Backoff.exact(Duration.ofMillis(10), Duration.ofMillis(50));
        assertThat(List.of(b.delay(0), b.delay(1), b.delay(2), b.delay(3), b.delay(40)))
                .containsExactly(
                        Duration.ofMillis(10),
                        Duration.ofMillis(20),
                        Duration.ofMillis(40),
                        Duration.ofMillis(50),
                        Duration.ofMillis(50));
        assertThat(b.honour(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @RepeatedTest(20)
    void jitteredBackoffStaysInTheUpperHalf() {
        Backoff b = Backoff.jittered(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(b.delay(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(b.delay(10)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(b.honour(Duration.ofSeconds(1))).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1100));
    }
}
