package dev.spotter.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A server's "wait before retrying", read once for every client. Sources, first found wins:
 * <ol>
 *   <li>{@code retry-after-ms} (OpenAI, Anthropic): milliseconds, possibly fractional;</li>
 *   <li>{@code Retry-After} as delta-seconds ({@code 120}; a fractional {@code 1.5} is accepted too);</li>
 *   <li>{@code Retry-After} as an HTTP-date (RFC 9110 §10.2.3): the preferred IMF-fixdate
 *       {@code Sun, 06 Nov 1994 08:49:37 GMT} and the two obsolete forms a recipient must also accept, RFC 850
 *       {@code Sunday, 06-Nov-94 08:49:37 GMT} (years 70-99 are 19xx, 00-69 20xx) and asctime
 *       {@code Sun Nov  6 08:49:37 1994}. The wait is the time
 *       from now until then; a date in the past means "now" (zero).</li>
 * </ol>
 * A value that is none of these is ignored (empty): the caller falls back to its own backoff. Never negative.
 */
public final class RetryAfter {
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL)
            .appendLiteral(", ")
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral('-')
            .appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT)
            .appendLiteral('-')
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .appendLiteral(" GMT")
            .toFormatter(Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT)
            .appendLiteral(' ')
            .appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT)
            .appendLiteral(' ')
            .padNext(2)
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4)
            .toFormatter(Locale.US)
            .withZone(ZoneOffset.UTC);

    private RetryAfter() {}

    /** From response headers, measured against the system clock. */
    public static Optional<Duration> of(HttpHeaders headers) {
        return of(headers, Clock.systemUTC());
    }

    /** From response headers, measured against {@code clock} (tests pin it). */
    public static Optional<Duration> of(HttpHeaders headers, Clock clock) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent() && SECONDS.matcher(ms.get().strip()).matches()) {
            return Optional.of(
                    Duration.ofNanos((long) (Double.parseDouble(ms.get().strip()) * 1_000_000)));
        }
        return headers.firstValue("retry-after").flatMap(v -> parse(v, clock.instant()));
    }

    /** One {@code Retry-After} value (delta-seconds or HTTP-date) as a wait from {@code now}. */
    public static Optional<Duration> parse(String value, Instant now) {
        String v = value.strip();
        if (SECONDS.matcher(v).matches()) {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
            try {
                Instant at = ZonedDateTime.parse(v, f).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
