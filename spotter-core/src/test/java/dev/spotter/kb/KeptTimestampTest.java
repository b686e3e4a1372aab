package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The one rule both readers (SQL text and REST JSON) apply to a timestamp field of a kept chunk. */
class KeptTimestampTest {
    @Test
    void infinityAndUnreadableValuesDropTheFieldAndAreCounted() {
        Map<String, Long> notes = new TreeMap<>();
        for (String inf : new String[] {"infinity", "-infinity", "+infinity", "  Infinity ", "-INFINITY"}) {
            assertThat(Canonical.keptTimestamp(inf, "created_at", notes))
                    .as(inf)
                    .isNull();
        }
        assertThat(Canonical.keptTimestamp("yesterday", "updated_at", notes)).isNull();
        assertThat(Canonical.keptTimestamp("2025-11-07 09:00:00.123+00", "created_at", notes))
                .isEqualTo("2025-11-07T09:00:00.123Z");
        assertThat(Canonical.keptTimestamp("2024-04-06T07:00:00+02:00", "created_at", notes))
                .isEqualTo("2024-04-06T05:00:00Z");
        assertThat(Canonical.keptTimestamp(null, "created_at", notes)).isNull(); // NULL is not a drop
        assertThat(notes)
                .containsExactly(
                        Map.entry("created_at 'infinity': field dropped, chunk kept", 5L),
                        Map.entry("updated_at not a representable timestamp: field dropped, chunk kept", 1L));
    }
}
