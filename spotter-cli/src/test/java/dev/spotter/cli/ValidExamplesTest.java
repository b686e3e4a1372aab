package dev.spotter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * CLI trial finding F11: {@code stats}, {@code cost} and {@code audit-voice} analyse exactly the examples
 * {@code validate} accepts (one definition, {@code format/ChatValidator}) and say how many lines they left out and
 * why. The sample has 325 lines, 299 valid; line 286 is a 45,646-token example over the limit, lines 234
 * (consecutive_same_role) and 325 (unpaired_surrogate) carry voice labels.
 */
class ValidExamplesTest {
    private static final String SAMPLE = "examples/data/voice_sample.jsonl";
    private static final ObjectMapper M = new ObjectMapper();

    private static long validateAccepted() throws Exception {
        CliRun.Result v = CliRun.run("validate", "--json", SAMPLE);
        long accepted = M.readTree(v.out()).path("accepted").asLong();
        assertThat(accepted).isEqualTo(299);
        return accepted;
    }

    @Test
    void statsDescribesTheValidExamplesAndSaysWhatItLeftOut() throws Exception {
        long accepted = validateAccepted();
        JsonNode s = M.readTree(CliRun.run("stats", "--json", SAMPLE).out());
        assertThat(s.path("examples").asLong()).isEqualTo(accepted);
        assertThat(s.path("validation").path("rejected").asLong()).isEqualTo(26);
        assertThat(s.path("total_tokens").path("max").asLong())
                .as("the 45,646-token line 286 is not a valid example")
                .isLessThanOrEqualTo(24_576);
        assertThat(s.path("total_tokens").path("mean").asDouble()).isLessThan(200);
        CliRun.Result text = CliRun.run("stats", SAMPLE);
        assertThat(text.code()).isZero();
        assertThat(text.out())
                .contains(
                        SAMPLE + ": 299 valid examples (325 lines read; 26 invalid lines left out"
                                + " (invalid_utf8 1, bom 1, blank_line 1 and 23 more reasons): run spotter validate for details)")
                .contains("examples over 24,576 tokens:        1 (left out as over_token_limit)");
    }

    @Test
    void costPricesTheValidExamplesAndSaysWhatItLeftOut() throws Exception {
        long accepted = validateAccepted();
        CliRun.Result json = CliRun.run("cost", "--json", SAMPLE);
        JsonNode c = M.readTree(json.out());
        assertThat(c.path("examples").asLong()).isEqualTo(accepted);
        assertThat(c.path("invalid_lines").asLong()).isEqualTo(26);
        JsonNode stats = M.readTree(CliRun.run("stats", "--json", SAMPLE).out());
        assertThat(c.path("tokens_per_epoch").asLong())
                .as("cost and stats count the same examples")
                .isEqualTo(stats.path("total_tokens").path("total").asLong());
        CliRun.Result text = CliRun.run("cost", SAMPLE);
        assertThat(text.code()).isZero();
        assertThat(text.out())
                .contains("299 examples")
                .contains("note: 26 invalid lines left out (")
                .contains("run spotter validate for details");
    }

    @Test
    void auditVoiceAuditsOnlyTheLinesValidateAccepts() throws Exception {
        long accepted = validateAccepted();
        CliRun.Result run = CliRun.run("audit-voice", "--json", SAMPLE);
        JsonNode a = M.readTree(run.out());
        assertThat(a.path("lines_read").asLong()).isEqualTo(325);
        assertThat(a.path("invalid_lines").asLong()).isEqualTo(26);
        long skipped = 0;
        for (JsonNode n : a.path("skipped")) {
            skipped += n.asLong();
        }
        assertThat(a.path("lines_audited").asLong() + skipped).isEqualTo(accepted);
        assertThat(a.path("disagreements").findValuesAsText("where"))
                .as("lines validate rejects are not audited")
                .doesNotContain(SAMPLE + ":234", SAMPLE + ":286", SAMPLE + ":325")
                // the three documented wrong labels are still found
                .contains(SAMPLE + ":44", SAMPLE + ":45", SAMPLE + ":46");
        CliRun.Result text = CliRun.run("audit-voice", SAMPLE);
        assertThat(text.out())
                .contains("26 invalid lines left out (invalid_utf8 1, bom 1, blank_line 1 and 23 more reasons): run"
                        + " spotter validate for details");
        // why, reason by reason: the codes validate gives
        assertThat(a.path("validation")
                        .path("reasons")
                        .path("consecutive_same_role")
                        .asLong())
                .isEqualTo(1);
        assertThat(a.path("validation")
                        .path("reasons")
                        .path("unpaired_surrogate")
                        .asLong())
                .isEqualTo(1);
    }
}
