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
        CliRun.Result validate = CliRun.run("validate", "--json", "--max-errors", "50", SAMPLE);
        CliRun.Result audit = CliRun.run("audit-voice", "--json", "--max-errors", "50", SAMPLE);
        JsonNode v = m.readTree(validate.out());
        JsonNode a = m.readTree(audit.out());
        assertThat(a.path("lines_read").asLong())
                .isEqualTo(v.path("read").asLong())
                .isEqualTo(325);
        // the lines audit-voice leaves out are validate's, with validate's line numbers: the last one is 325
        // (unpaired_surrogate, right after the raw CR of line 324), where grep -n finds it
        assertThat(a.path("validation").path("errors")).isEqualTo(v.path("errors"));
        assertThat(a.path("validation").path("errors").toString())
                .contains(SAMPLE + ":325: unpaired_surrogate")
                .doesNotContain(SAMPLE + ":326");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    /** Trial finding F03: provenance gives the tokens of the shipped (scrubbed) line, as stats counts them. */
    @Test
    void provenanceTokensAreThoseOfTheShippedScrubbedLines() throws Exception {
        java.nio.file.Path out = dir.resolve("sample");
        CliRun.Result build = CliRun.run("build", "--project", "examples/spotter.yaml", "--out", out.toString());
        assertThat(build.code()).as(build.out() + build.err()).isZero();
        ObjectMapper m = new ObjectMapper();
        long provenance = 0;
        long scrubbed = 0;
        for (String line : java.nio.file.Files.readAllLines(out.resolve("provenance/train.jsonl"))) {
            JsonNode p = m.readTree(line);
            provenance += p.path("tokens").asLong();
            scrubbed += p.has("pii") ? 1 : 0;
        }
        assertThat(scrubbed).as("the sample has scrubbed records").isPositive();
        CliRun.Result stats = CliRun.run(
                "stats", "--json", out.resolve("messages/train.jsonl").toString());
        assertThat(provenance)
                .isEqualTo(m.readTree(stats.out())
                        .path("total_tokens")
                        .path("total")
                        .asLong());
    }
}
