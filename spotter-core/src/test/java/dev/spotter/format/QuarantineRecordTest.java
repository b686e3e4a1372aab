package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One quarantine record for every writer, and a reader that still loads the older shapes. */
class QuarantineRecordTest {
    private static String written(QuarantineRecord... records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (QuarantineWriter w = QuarantineWriter.to(bytes)) {
            for (QuarantineRecord r : records) {
                w.write(r);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachWriterShapeIsTheOneRecordWithItsOptionalPartsLeftOut() throws IOException {
        // the validator's
        assertThat(written(QuarantineRecord.ofLine("in.jsonl", 3, "invalid_json", "not valid JSON", "{x")))
                .isEqualTo(
                        "{\"file\":\"in.jsonl\",\"line\":3,\"reason\":\"invalid_json\",\"detail\":\"not valid JSON\","
                                + "\"raw\":\"{x\"}\n");
        // the build's: the same plus id and source, first (the order of today's build quarantine.jsonl)
        assertThat(written(QuarantineRecord.ofLine("data/v.jsonl", 13, "blank_line", "blank line", "")
                        .from("voice:data/v.jsonl:13", "voice")))
                .isEqualTo(
                        "{\"id\":\"voice:data/v.jsonl:13\",\"source\":\"voice\",\"file\":\"data/v.jsonl\",\"line\":13,"
                                + "\"reason\":\"blank_line\",\"detail\":\"blank line\",\"raw\":\"\"}\n");
        // generation's: no file position, the slot in context, and no raw when there was no body
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("category", "acute");
        where.put("slot", 4);
        where.put("attempt", 2);
        where.put("status", "error");
        assertThat(written(QuarantineRecord.of("acute_4_a2", "transient", "HTTP 503 \"busy\"", null)
                        .withContext(where)))
                .isEqualTo("{\"id\":\"acute_4_a2\",\"reason\":\"transient\",\"detail\":\"HTTP 503 \\\"busy\\\"\","
                        + "\"context\":{\"category\":\"acute\",\"slot\":4,\"attempt\":2,\"status\":\"error\"}}\n");
    }

    @Test
    void writtenRecordsReadBackEqual() throws IOException {
        QuarantineRecord r = new QuarantineRecord(
                "k1",
                "knowledge_base",
                null,
                7,
                "invalid_row",
                "metadata is not JSON",
                Map.of("table", "kb"),
                null,
                "AAEC",
                -1);
        assertThat(QuarantineRecord.parse(written(r).strip())).isEqualTo(r);
        QuarantineRecord line = QuarantineRecord.ofLine("a\"b.jsonl", 1, "bom", "byte-order mark", "\uFEFF{}");
        assertThat(QuarantineRecord.parse(written(line).strip())).isEqualTo(line);
    }

    @Test
    void olderShapesKeepLoading() {
        // generate/OutputFiles before the one record
        QuarantineRecord g = QuarantineRecord.parse("{\"custom_id\":\"acute_0_a1\",\"category\":\"acute\",\"slot\":0,"
                + "\"attempt\":1,\"status\":\"rejected\",\"reason_code\":\"schema\",\"reason\":\"missing field\","
                + "\"raw\":\"{}\"}");
        assertThat(g.id()).isEqualTo("acute_0_a1");
        assertThat(g.reason()).isEqualTo("schema");
        assertThat(g.detail()).isEqualTo("missing field");
        assertThat(g.raw()).isEqualTo("{}");
        assertThat(g.context())
                .containsExactly(
                        Map.entry("category", "acute"),
                        Map.entry("slot", 0L),
                        Map.entry("attempt", 1L),
                        Map.entry("status", "rejected"));
        // kb/Quarantine before the one record: the reason was a sentence, the text was "record", rows were "row"
        QuarantineRecord k = QuarantineRecord.parse("{\"source\":\"knowledge_base\",\"row\":5,\"id\":\"c9\","
                + "\"reason\":\"metadata is not JSON\",\"record\":\"{bad\"}");
        assertThat(k.line()).isEqualTo(5);
        assertThat(k.reason()).isEqualTo("rejected");
        assertThat(k.detail()).isEqualTo("metadata is not JSON");
        assertThat(k.raw()).isEqualTo("{bad");
        assertThat(k.source()).isEqualTo("knowledge_base");
        assertThatThrownBy(() -> QuarantineRecord.parse("{\"file\":\"x\"}")).hasMessageContaining("no reason");
        assertThatThrownBy(() -> QuarantineRecord.parse("[1]")).hasMessageContaining("not a JSON object");
    }
}
