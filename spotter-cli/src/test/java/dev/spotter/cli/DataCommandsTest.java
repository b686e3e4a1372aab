package dev.spotter.cli;

import static dev.spotter.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, convert, stats and cost through the real CLI and the real Llama 3 tokenizer, on the bundled sample. */
class DataCommandsTest {
    private static final ObjectMapper OM = new ObjectMapper();
    private static final String SAMPLE = "examples/data/voice_sample.jsonl";

    @TempDir
    Path dir;

    @Test
    void validateTheSampleExitsOneAndQuarantinesTheDocumentedLines() throws IOException {
        Path q = dir.resolve("q.jsonl");
        CliRun.Result r = run("validate", SAMPLE, "--quarantine", q.toString(), "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.REJECTS);
        JsonNode s = OM.readTree(r.out());
        assertThat(s.get("read").asLong())
                .isEqualTo(s.get("accepted").asLong() + s.get("rejected").asLong());
        assertThat(s.get("accepted").asLong()).isEqualTo(299);
        assertThat(s.get("rejected").asLong()).isEqualTo(26);
        assertThat(s.get("reasons").get("over_token_limit").asLong()).isEqualTo(1);
        assertThat(s.get("reasons").get("special_token_in_content").asLong()).isEqualTo(1);
        assertThat(Files.readAllLines(q)).hasSize(26);

        CliRun.Result text = run("validate", SAMPLE, "--max-errors", "3");
        assertThat(text.out())
                .contains("read 325, accepted 299, rejected 26")
                .contains("first 3 errors:")
                .contains(SAMPLE + ":1: bom");
    }

    @Test
    void validateExitCodes() throws IOException {
        Path good = dir.resolve("good.jsonl");
        Files.writeString(
                good,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"squat 315 for 5\"},"
                        + "{\"role\":\"assistant\",\"content\":\"{}\"}]}\n");
        assertThat(run("validate", good.toString()).code()).isEqualTo(ExitCodes.OK);
        CliRun.Result missing = run("validate", dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(missing.err()).contains("spotter: cannot read").contains("nope.jsonl: no such file");
        assertThat(run("validate").code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(run("validate").err()).contains("Missing required parameter: 'FILE'");
        CliRun.Result reasons = run("validate", "--list-reasons");
        assertThat(reasons.code()).isZero();
        assertThat(reasons.out().lines().count()).isEqualTo(dev.spotter.format.RejectReason.values().length);
        assertThat(reasons.out()).contains("special_token_in_content");
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        CliRun.Result e = run("validate", good.toString(), empty.toString(), "--json");
        assertThat(e.code()).isEqualTo(ExitCodes.REJECTS);
        assertThat(OM.readTree(e.out()).get("empty_files").get(0).asText()).isEqualTo(empty.toString());
        assertThat(OM.readTree(e.out()).get("read").asLong()).isEqualTo(1);
        assertThat(run("validate", good.toString(), "--token-limit", "0").code())
                .isEqualTo(ExitCodes.USAGE_OR_IO);
        // The limit applies to the rendered conversation counted by the real tokenizer: BOS, the system header with
        // its two date lines, both turns and their special tokens come to 44 tokens for this example.
        assertThat(run("validate", good.toString(), "--token-limit", "44").code())
                .isEqualTo(ExitCodes.OK);
        assertThat(run("validate", good.toString(), "--token-limit", "43").code())
                .isEqualTo(ExitCodes.REJECTS);
        assertThat(run("validate", good.toString(), "--token-limit", "43", "--bos", "exclude")
                        .code())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void stdinInAndStdoutOut() throws IOException {
        java.io.InputStream oldIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(Path.of(SAMPLE))));
            CliRun.Result v = run("validate", "-", "--json");
            assertThat(v.code()).isEqualTo(ExitCodes.REJECTS);
            assertThat(OM.readTree(v.out()).get("errors").get(0).asText())
                    .isEqualTo("-:1: bom (remove the byte order mark (EF BB BF))");
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(Path.of(SAMPLE))));
            CliRun.Result c = run("convert", "-", "--to", "messages", "-o", "-");
            // data on stdout, summary on stderr
            assertThat(c.out().lines().count()).isEqualTo(299);
            assertThat(c.out().lines().allMatch(l -> l.startsWith("{\"messages\":[")))
                    .isTrue();
            assertThat(c.err()).contains("read 325, accepted 299, rejected 26");
        } finally {
            System.setIn(oldIn);
        }
    }

    @Test
    void convertEachFormatAndReValidate() throws IOException {
        for (String fmt : List.of("messages", "llama3-text", "prompt-completion")) {
            Path out = dir.resolve(fmt + ".jsonl");
            Path q = dir.resolve(fmt + ".q.jsonl");
            CliRun.Result r =
                    run("convert", SAMPLE, "--to", fmt, "-o", out.toString(), "--quarantine", q.toString(), "--json");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.REJECTS);
            JsonNode s = OM.readTree(r.out());
            assertThat(s.get("written").asLong()).isEqualTo(299);
            assertThat(Files.readAllLines(out)).hasSize(299);
            assertThat(Files.readAllLines(q)).hasSize(26);
            assertThat(Files.exists(dir.resolve(fmt + ".jsonl.tmp"))).isFalse();
        }
        // messages output is itself valid chat data
        assertThat(run("validate", dir.resolve("messages.jsonl").toString()).code())
                .isEqualTo(ExitCodes.OK);
        String text = Files.readAllLines(dir.resolve("llama3-text.jsonl")).get(0);
        assertThat(OM.readTree(text).get("text").asText()).startsWith("<|begin_of_text|><|start_header_id|>system");
    }

    @Test
    void convertOptions() throws IOException {
        Path out = dir.resolve("o.jsonl");
        CliRun.Result r = run(
                "convert",
                SAMPLE,
                "--to",
                "llama3-text",
                "-o",
                out.toString(),
                "--bos",
                "exclude",
                "--date",
                "01 Jan 2026");
        assertThat(r.out()).contains("wrote 299 llama3-text examples");
        String t = OM.readTree(Files.readAllLines(out).get(0)).get("text").asText();
        assertThat(t).startsWith("<|start_header_id|>system").contains("Today Date: 01 Jan 2026\n");
        assertThat(run("convert", SAMPLE, "--to", "llama3-text", "-o", out.toString(), "--train-on", "last")
                        .code())
                .isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(run("convert", SAMPLE, "--to", "alpaca", "-o", out.toString())
                        .err())
                .contains("unknown format");
        assertThat(run("convert", SAMPLE, "--to", "messages", "-o", out.toString(), "--date", "1/1/2026")
                        .err())
                .contains("date must look like");
        CliRun.Result last = run("convert", SAMPLE, "--to", "messages", "-o", out.toString(), "--train-on", "last");
        assertThat(last.code()).isEqualTo(ExitCodes.REJECTS);
        JsonNode multi = Files.readAllLines(out).stream()
                .map(l -> {
                    try {
                        return OM.readTree(l).get("messages");
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                })
                .filter(m -> m.size() == 5)
                .findFirst()
                .orElseThrow();
        assertThat(multi.get(2).get("weight").asInt()).isZero();
        assertThat(multi.get(4).get("weight").asInt()).isEqualTo(1);
    }

    @Test
    void statsReportsTokenDistributions() throws IOException {
        CliRun.Result r = run("stats", SAMPLE, "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode s = OM.readTree(r.out());
        // stats analyses what validate accepts (CLI trial F11): the over-limit line is left out and counted
        assertThat(s.get("examples").asLong()).isEqualTo(299);
        assertThat(s.get("over_limit").asLong()).isEqualTo(1);
        assertThat(s.get("validation").get("rejected").asLong()).isEqualTo(26);
        JsonNode tot = s.get("total_tokens");
        assertThat(tot.get("min").asInt()).isLessThanOrEqualTo(tot.get("p10").asInt());
        assertThat(tot.get("p10").asInt()).isLessThanOrEqualTo(tot.get("median").asInt());
        assertThat(tot.get("median").asInt()).isLessThanOrEqualTo(tot.get("p90").asInt());
        assertThat(tot.get("p90").asInt()).isLessThanOrEqualTo(tot.get("max").asInt());
        assertThat(s.get("assistant_tokens").get("min").asInt()).isPositive();
        assertThat(s.get("missing_system").asLong()).isZero();
        assertThat(run("stats", SAMPLE).out()).contains("tokens per example").contains("assistant tokens (trained)");
    }

    @Test
    void costReproducesTheBriefAndPricesAFile() throws IOException {
        CliRun.Result plan =
                run("cost", "--examples", "6265", "--avg-tokens", "1200", "--epochs", "3", "--price-per-1k", "0.0008");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("22,554,000 billed tokens").contains("18.04 USD");
        JsonNode j = OM.readTree(run("cost", "--examples", "6265", "--avg-tokens", "1200", "--json")
                .out());
        assertThat(j.get("epochs").asInt()).isEqualTo(3);
        assertThat(j.get("billed_tokens").asLong()).isEqualTo(22_554_000L);
        assertThat(j.get("cost").decimalValue()).isEqualByComparingTo("18.0432");
        JsonNode f = OM.readTree(run("cost", SAMPLE, "--json").out());
        // cost prices what validate accepts (CLI trial F11): the over-limit line is left out, not billed at the cap
        assertThat(f.get("examples").asLong()).isEqualTo(299);
        assertThat(f.get("capped_examples").asLong()).isZero();
        assertThat(f.get("invalid_lines").asLong()).isEqualTo(26);
        assertThat(f.get("billed_tokens").asLong())
                .isEqualTo(f.get("tokens_per_epoch").asLong() * f.get("epochs").asInt());
        assertThat(run("cost", SAMPLE, "--examples", "3").code()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(run("cost", "--examples", "3", "--avg-tokens", "5", "--provider", "nope")
                        .err())
                .contains("known providers: brief");
        assertThat(run("cost", "--list-prices").out()).contains("brief: 0.0008 USD per 1K tokens, as of 2025-11-07");
    }
}
