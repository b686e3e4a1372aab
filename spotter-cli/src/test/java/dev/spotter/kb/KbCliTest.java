package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kb commands end to end on the bundled sample (no database server needed). */
class KbCliTest {
    @TempDir
    Path dir;

    @Test
    void exportOfTheSampleByCategory() throws Exception {
        Path out = dir.resolve("inj.jsonl");
        var r = dev.spotter.cli.CliRun.run("kb", "export", "--category", "injury_modifications", "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("read 23, exported 3, rejected 0, other categories 20 from the bundled sample");
        assertThat(Files.readAllLines(out))
                .hasSize(3)
                .allMatch(l -> l.contains("\"category\":\"injury_modifications\""));
    }

    @Test
    void quotaShowsTheBriefsTotal() {
        var r = dev.spotter.cli.CliRun.run("kb", "quota");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("23 chunks, 159 examples to generate");
    }

    @Test
    void coverageExitsOneWhenChunksAreShortAndWritesReport() throws Exception {
        var p = GroundingCheckerTest.pairs().get(0);
        Path ex = dir.resolve("gen.jsonl");
        var line = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(KbCoverageTest.example(p.question(), p.answer()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) line).put("kb_chunk_id", p.chunk());
        Files.write(ex, List.of(line.toString()));
        Path report = dir.resolve("cov.json");
        var r = dev.spotter.cli.CliRun.run(
                "kb",
                "coverage",
                ex.toString(),
                "--report",
                report.toString(),
                "-o",
                dir.resolve("g.jsonl").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("examples read 1, accepted 1, rejected 0").contains("UNDER_MIN");
        assertThat(Files.readString(report)).contains("\"accepted\" : 1");
        var bad = dev.spotter.cli.CliRun.run(
                "kb", "coverage", dir.resolve("missing.jsonl").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("spotter: cannot read");
    }

    @Test
    void importWithoutUrlIsAUsageError() throws Exception {
        Path in = dir.resolve("x.jsonl");
        Files.writeString(in, "{}\n");
        var r = dev.spotter.cli.CliRun.run("kb", "import", in.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("kb import needs --db-url or $SPOTTER_KB_URL");
    }
}
