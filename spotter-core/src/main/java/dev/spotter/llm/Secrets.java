package dev.spotter.llm;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Redacts credentials from provider text before Spotter stores or prints it: the key value itself (a gateway may
 * echo the presented key in a 401 body) and anything that looks like one, whoever's it is: {@code Bearer <token>},
 * {@code "api_key": "..."}/{@code x-api-key: ...}/{@code Authorization: ...} values, and {@code sk-...} style keys.
 * The replacement is {@value #MASK}. Applied to every message, raw body and log line the LLM client produces.
 */
final class Secrets {
    static final String MASK = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern NAMED =
            Pattern.compile("(?i)(\"?(?:x-api-key|api[_-]?key|authorization|access[_-]?token|secret)\"?\\s*[:=]\\s*\"?)"
                    + "(?!\\[redacted\\])(?:bearer\\s+)?[^\"\\s,}]{6,}");
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(?:sk|pk|rk)-[A-Za-z0-9_-]{12,}");

    private Secrets() {}

    /** {@code text} with {@code key} (if any) and every key-looking token replaced by {@value #MASK}. */
    static @Nullable String redact(@Nullable String text, @Nullable String key) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        if (key != null && key.length() >= 4) {
            s = s.replace(key, MASK);
        }
        s = BEARER.matcher(s).replaceAll("$1$2" + MASK);
        s = NAMED.matcher(s).replaceAll("$1" + MASK);
        s = KEY_LIKE.matcher(s).replaceAll(MASK);
        return s;
    }
}
