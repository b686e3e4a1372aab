package dev.spotter.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bundled sample rejects exactly the lines examples/data/README.md documents, with the documented reasons. */
class SampleDataTest {
    static final Path SAMPLE = Path.of("examples/data/voice_sample.jsonl");
    static final Path README = Path.of("examples/data/README.md");

    /** line number → reason code, from the README table rows "| 13 | `blank_line` | ... |". */
    static Map<Long, String> documentedRejects() throws IOException {
        Map<Long, String> m = new TreeMap<>();
        Pattern row = Pattern.compile("^\\| (\\d+) \\| `([a-z_0-9]+)` \\|");
        for (String l : Files.readAllLines(README)) {
            Matcher x = row.matcher(l);
            if (x.find()) {
                m.put(Long.parseLong(x.group(1)), x.group(2));
            }
        }
        return m;
    }

    @Test
    void rejectsExactlyTheDocumentedLines() throws IOException {
        Map<Long, String> expected = documentedRejects();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(RejectReason.values().length - 1);
        // every reason except line_too_long is demonstrated once
        assertThat(expected.values())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(RejectReason.values())
                        .filter(r -> r != RejectReason.LINE_TOO_LONG)
                        .map(RejectReason::code)
                        .toList());

        ChatValidator v = ChatValidator.builder()
                .tokenCounter(FakeTokens.INSTANCE)
                .maxErrors(100)
                .build();
        List<AcceptedLine> accepted = new ArrayList<>();
        java.io.ByteArrayOutputStream q = new java.io.ByteArrayOutputStream();
        ValidationSummary s;
        try (QuarantineWriter qw = QuarantineWriter.to(q)) {
            s = v.validate(SAMPLE, accepted::add, qw);
        }
        Map<Long, String> actual = new TreeMap<>();
        ObjectMapper om = new ObjectMapper();
        for (String l : q.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            JsonNode n = om.readTree(l);
            actual.put(n.get("line").asLong(), n.get("reason").asText());
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(s.read()).isEqualTo(s.accepted() + s.rejected());
        // lines end at '\n' only (Files.readAllLines would also split at the raw CR of line 324)
        byte[] bytes = Files.readAllBytes(SAMPLE);
        long newlines = 0;
        for (byte b : bytes) {
            newlines += b == '\n' ? 1 : 0;
        }
        assertThat(s.read()).isEqualTo(newlines);
        assertThat(s.accepted()).isEqualTo(299); // 300 generated, the first one carries the BOM
        assertThat(accepted)
                .allSatisfy(a -> assertThat(a.example().messages().size()).isIn(3, 5));
    }
}
