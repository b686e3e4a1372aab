package dev.spotter.assemble;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the PII scrub produced ({@code summary.json} {@code "pii"}).
 *
 * @param enabled        whether the project scrubs at all
 * @param records        examples read
 * @param recordsChanged examples with at least one replacement
 * @param replacements   placeholder (e.g. {@code [EMAIL]}) to replacements made, every kind in scrubber order
 * @param roles          the roles whose messages are scrubbed
 */
public record ScrubStats(
        boolean enabled, long records, long recordsChanged, Map<String, Long> replacements, List<String> roles)
        implements StepStats {

    public ScrubStats {
        replacements = Collections.unmodifiableMap(new LinkedHashMap<>(replacements));
        roles = List.copyOf(roles);
    }

    @Override
    public String detail() {
        String found = replacements.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "%,d records, %,d changed: %s",
                records,
                recordsChanged,
                found.isEmpty() ? "nothing found" : found);
    }
}
