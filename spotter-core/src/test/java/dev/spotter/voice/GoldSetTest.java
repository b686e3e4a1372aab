package dev.spotter.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Per-field accuracy on the hand-written gold sets. gold-dev was written before and while tuning the parser;
 * gold-holdout was written after the parser was frozen and never tuned against (see docs/areas/voice.md).
 */
class GoldSetTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final VoiceParser PARSER = VoiceParser.defaults();

    record Score(Map<String, int[]> fields, List<String> misses, int items) {}

    static Score score(String resource) throws IOException {
        Map<String, int[]> fields = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        int items = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(GoldSetTest.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                items++;
                JsonNode g = M.readTree(line);
                VoiceContext ctx = VoiceContext.NONE;
                if (g.hasNonNull("context")) {
                    ctx = VoiceContext.of(VoiceLabel.from(g.get("context"), PARSER.catalog())
                            .toContext(WeightUnit.LB)
                            .orElseThrow());
                }
                VoiceResult res = PARSER.parse(g.get("text").asText(), ctx);
                JsonNode got = M.readTree(res.toJson());
                JsonNode exp = g.get("expected");
                for (Iterator<String> it = exp.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    int[] c = fields.computeIfAbsent(f, k -> new int[2]);
                    c[1]++;
                    JsonNode a = exp.get(f);
                    JsonNode b = got.get(f);
                    boolean ok =
                            b != null && (a.isNumber() && b.isNumber() ? a.asDouble() == b.asDouble() : a.equals(b));
                    if (ok) {
                        c[0]++;
                    } else {
                        misses.add(g.get("source").asText() + " '"
                                + g.get("text").asText() + "' " + f + ": expected " + a + ", got " + b);
                    }
                }
                assertThat(res.confidence()).isBetween(0.0, 1.0);
            }
        }
        return new Score(fields, misses, items);
    }

    static String report(Score s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.items()).append(" utterances; ");
        s.fields()
                .forEach((f, c) -> sb.append(String.format("%s %.2f%% (%d/%d)  ", f, 100.0 * c[0] / c[1], c[0], c[1])));
        return sb.toString();
    }

    @Test
    void devSetIsFullyUnderstood() throws IOException {
        Score s = score("/dev/spotter/voice/gold-dev.jsonl");
        System.out.println("gold-dev: " + report(s));
        s.misses().forEach(m -> System.out.println("  miss " + m));
        assertThat(s.items()).isGreaterThanOrEqualTo(300);
        assertThat(s.misses()).isEmpty();
    }

    @Test
    void holdoutSetIsMostlyUnderstood() throws IOException {
        // Written after the parser was frozen and not tuned against: a floor, not a target; figures in the notes.
        Score s = score("/dev/spotter/voice/gold-holdout.jsonl");
        System.out.println("gold-holdout: " + report(s));
        s.misses().forEach(m -> System.out.println("  miss " + m));
        assertThat(s.items()).isGreaterThanOrEqualTo(50);
        s.fields().forEach((f, c) -> assertThat(100.0 * c[0] / c[1]).as(f).isGreaterThanOrEqualTo(85.0));
    }
}
