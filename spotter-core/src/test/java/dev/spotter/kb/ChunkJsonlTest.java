package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChunkJsonlTest {
    @Test
    void writesCanonicalFormWithFixedKeyOrderAndExplicitNulls() {
        KbChunk c = ChunkJsonl.parse("{\"created_at\":\"2025-11-07T10:00:00+01:00\",\"content\":\"a\\nb\","
                + "\"metadata\":{\"z\":1e2,\"a\":[1.50,{\"y\":true,\"b\":null}]},\"id\":42}");
        assertThat(ChunkJsonl.toLine(c))
                .isEqualTo(
                        "{\"id\":42,\"category\":null,\"title\":null,\"content\":\"a\\nb\","
                                + "\"metadata\":{\"a\":[1.50,{\"b\":null,\"y\":true}],\"z\":100},\"created_at\":\"2025-11-07T09:00:00Z\"}");
        assertThat(ChunkJsonl.parse(ChunkJsonl.toLine(c))).isEqualTo(c);
    }

    @Test
    void keepsStringIdsAsStringsAndNumbersAsNumbers() {
        assertThat(ChunkJsonl.toLine(ChunkJsonl.parse("{\"id\":\"42\",\"content\":\"x\"}")))
                .startsWith("{\"id\":\"42\"");
        assertThat(ChunkJsonl.toLine(ChunkJsonl.parse("{\"id\":-7,\"content\":\"x\"}")))
                .startsWith("{\"id\":-7,");
    }

    @Test
    void rejectsWhatCannotRoundTripWithAReason() {
        assertThatThrownBy(() -> ChunkJsonl.parse("{\"id\":1,\"content\":\"a\\u0000\"}"))
                .hasMessage("content contains NUL (U+0000) at char 1; PostgreSQL text cannot store it");
        assertThatThrownBy(() -> ChunkJsonl.parse("{\"id\":1,\"content\":\"x\",\"metadata\":{\"\\u0000k\":1}}"))
                .hasMessageContaining("metadata key contains NUL");
        assertThatThrownBy(() -> ChunkJsonl.parse("{\"id\":1,\"content\":\"\\udc00\"}"))
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> ChunkJsonl.parse("{\"id\":99999999999999999999,\"content\":\"x\"}"))
                .hasMessageContaining("does not fit a bigint");
        assertThatThrownBy(() -> ChunkJsonl.parse("{\"id\":1.5,\"content\":\"x\"}"))
                .hasMessageContaining("id must be an integer or a non-empty string");
        assertThatThrownBy(() -> ChunkJsonl.parse(
                        "{\"id\":1,\"content\":\"x\",\"created_at\":\"2025-11-07T09:00:00.0000001Z\"}"))
                .hasMessageContaining("sub-microsecond");
        assertThatThrownBy(() -> ChunkJsonl.parse("{\"id\":1,\"content\":\"x\",\"title\":5}"))
                .hasMessage("title must be a string or null, was number");
        assertThatThrownBy(() -> ChunkJsonl.parse("{\"id\":1,\"content\":\"x\"} {}"))
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> ChunkJsonl.parse("[1]")).hasMessage("line is not a JSON object");
        assertThatThrownBy(() -> ChunkJsonl.parse("{\"content\":\"x\"}")).hasMessage("id is missing");
    }

    @Test
    void acceptsPostgresAndSqliteTimestampSpellings() {
        assertThat(Canonical.timestamp("2025-11-07 09:00:00+00")).isEqualTo("2025-11-07T09:00:00Z");
        assertThat(Canonical.timestamp("2025-11-07 11:00:00.25+02:00")).isEqualTo("2025-11-07T09:00:00.250Z");
        assertThat(Canonical.timestamp("2025-11-07 09:00:00")).isEqualTo("2025-11-07T09:00:00Z");
        assertThat(Canonical.timestamp("2025-11-07T09:00:00.000001Z")).isEqualTo("2025-11-07T09:00:00.000001Z");
    }
}
