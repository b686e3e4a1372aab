package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One provenance schema, snake_case, for generation and the build; older camelCase sidecars keep loading. */
class ProvenanceTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static Provenance.Generated generated(String requestId, Double cost) throws IOException {
        return new Provenance.Generated(
                "injury",
                3,
                "acute_3_a1",
                M.readTree("{\"experience\":\"beginner\"}"),
                "ab".repeat(32),
                "openai",
                "gpt-4o-mini",
                requestId,
                "live",
                812L,
                301L,
                cost,
                "2025-11-07",
                "2025-11-07T10:00:00Z",
                "20251107T100000Z-1a2b");
    }

    @Test
    void generationLinesKeepTheirKeysOrderAndNulls() throws IOException {
        String line = new Provenance(7, "acute", null, generated(null, null)).toJsonLine();
        // the order and spelling generate/OutputFiles has always written, request_id and cost_usd null included
        assertThat(line)
                .isEqualTo(
                        "{\"line\":7,\"plan\":\"injury\",\"category\":\"acute\",\"slot\":3,\"custom_id\":\"acute_3_a1\","
                                + "\"attributes\":{\"experience\":\"beginner\"},\"prompt_sha256\":\"" + "ab".repeat(32)
                                + "\","
                                + "\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"request_id\":null,\"mode\":\"live\","
                                + "\"run_id\":\"20251107T100000Z-1a2b\","
                                + "\"input_tokens\":812,\"output_tokens\":301,\"cost_usd\":null,\"price_as_of\":\"2025-11-07\","
                                + "\"created_at\":\"2025-11-07T10:00:00Z\"}");
        Provenance back =
                Provenance.parse(new Provenance(7, "acute", null, generated("req-1", 3.0105E-4)).toJsonLine());
        assertThat(back).isEqualTo(new Provenance(7, "acute", null, generated("req-1", 3.0105E-4)));
    }

    @Test
    void buildLinesAreSnakeCaseAndTheOldCamelCaseOnesStillLoad() throws IOException {
        ObjectNode pii = M.createObjectNode().put("email", 1);
        Provenance p = new Provenance(
                1,
                "voice_parsing",
                new Provenance.Built("voice:data/v.jsonl:3", "voice", "data/v.jsonl", 3L, 161, pii),
                null);
        assertThat(p.toJsonLine())
                .isEqualTo(
                        "{\"line\":1,\"id\":\"voice:data/v.jsonl:3\",\"source\":\"voice\",\"category\":\"voice_parsing\","
                                + "\"file\":\"data/v.jsonl\",\"source_line\":3,\"tokens\":161,\"pii\":{\"email\":1}}");
        // the build's sidecar as written before the one schema (/work/baseline: provenance/train.jsonl)
        Provenance old = Provenance.parse("{\"line\":1,\"id\":\"voice:data/v.jsonl:3\",\"source\":\"voice\","
                + "\"category\":\"voice_parsing\",\"file\":\"data/v.jsonl\",\"sourceLine\":3,\"tokens\":161,"
                + "\"pii\":{\"email\":1}}");
        assertThat(old).isEqualTo(p);
        assertThat(Provenance.parse("{\"line\":2,\"customId\":\"c\",\"promptSha256\":\"h\",\"inputTokens\":5,"
                                + "\"costUsd\":0.5,\"priceAsOf\":\"d\",\"createdAt\":\"t\",\"requestId\":\"r\"}")
                        .generated())
                .isEqualTo(new Provenance.Generated(
                        null, null, "c", null, "h", null, null, "r", null, 5L, null, 0.5, "d", "t", null));
        assertThat(Provenance.snake("source_line")).isEqualTo("source_line");
        assertThatThrownBy(() -> Provenance.parse("[]")).hasMessageContaining("not a JSON object");
    }

    @Test
    void theHandWrittenSampleSidecarsLoad() throws IOException {
        List<String> kb =
                Files.readAllLines(Path.of("examples/assemble/kb/kb_qa.provenance.jsonl"), StandardCharsets.UTF_8);
        Provenance first = Provenance.parse(kb.get(0));
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.category()).isEqualTo("mvq");
        assertThat(first.generated().attributes().path("source_id").asText()).startsWith("5b010001");
        assertThat(first.built()).isNull();
        for (String l : Files.readAllLines(
                Path.of("examples/assemble/generated/injury_analysis.provenance.jsonl"), StandardCharsets.UTF_8)) {
            assertThat(Provenance.parse(l).generated().plan()).isEqualTo("injury");
        }
    }
}
