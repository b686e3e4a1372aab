package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 6 (and trial finding F10): {@code audit-voice} and {@code validate} count the same lines of the same
 * file and name the same line numbers. The sample has a raw CR inside a line, which a {@code BufferedReader} split
 * into two lines (326 read, every later line number off by one).
 */
class CountingConsistencyTest {
    private static final String SAMPLE = "examples/data/voice_sample.jsonl";

    @Test
    void auditVoiceCountsTheLinesValidateCounts() throws Exception {
        ObjectMapper m = new ObjectMapper();
        CliRun.Result validate = CliRun.run("validate", "--json", SAMPLE);
        CliRun.Result audit = CliRun.run("audit-voice", "--json", SAMPLE);
        JsonNode v = m.readTree(validate.out());
        JsonNode a = m.readTree(audit.out());
        assertThat(a.path("lines_read").asLong())
                .isEqualTo(v.path("read").asLong())
                .isEqualTo(325);
        // the "bench 80 kilos" label disagreement is on line 325, where grep -n finds it
        assertThat(a.path("disagreements").findValuesAsText("where")).contains(SAMPLE + ":325");
        assertThat(a.path("disagreements").findValuesAsText("where")).doesNotContain(SAMPLE + ":326");
    }
}
