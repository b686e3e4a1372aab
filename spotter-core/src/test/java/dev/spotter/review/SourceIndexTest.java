package dev.spotter.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceIndexTest {
    @TempDir
    Path dir;

    static String example(String user) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"" + user
                + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}";
    }

    @Test
    void hashIsSha256OfTheLineWithoutItsTerminatorWhateverTheLineEnding() throws Exception {
        String a = example("first");
        String b = example("second\\r");
        Path f = dir.resolve("d.jsonl");
        Files.write(f, (a + "\r\n\n  \n" + b + "\r").getBytes(StandardCharsets.UTF_8));
        SourceIndex idx = SourceIndex.scan("s", f, null, "cat", 50);
        assertThat(idx.records()).hasSize(2); // blank lines are not records
        assertThat(idx.records().get(0).contentHash()).isEqualTo(Sha256.hex(a));
        assertThat(idx.records().get(0).line()).isEqualTo(1);
        assertThat(idx.records().get(1).line()).isEqualTo(4);
        assertThat(idx.records().get(1).contentHash()).isEqualTo(Sha256.hex(b));
        assertThat(idx.line(idx.records().get(1))).isEqualTo(b);
        assertThat(idx.records().get(0).excerpt()).isEqualTo("first");
        assertThat(idx.records().get(0).recordId()).isEqualTo("line:1");
        assertThat(idx.records().get(0).category()).isEqualTo("cat");
        assertThat(idx.recordAtLine(4)).isEqualTo(idx.records().get(1));
        assertThat(idx.recordAtLine(2)).isNull();
    }

    @Test
    void aCarriageReturnInsideALineIsContentEvenAcrossTheReadBuffer() throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("x".repeat((1 << 16) - 1)).append('\r').append("y");
        Path f = dir.resolve("cr.jsonl");
        Files.writeString(f, sb + "\n");
        SourceIndex idx = SourceIndex.scan("s", f, null, "", 50);
        assertThat(idx.records().getFirst().contentHash()).isEqualTo(Sha256.hex(sb.toString()));
        assertThat(idx.records().getFirst().length()).isEqualTo(sb.length());
    }

    @Test
    void runsFormOneBatchEachAndTheRestIsCutIntoBatchSize() throws Exception {
        Path f = dir.resolve("g.jsonl");
        Path p = dir.resolve("g.provenance.jsonl");
        StringBuilder data = new StringBuilder();
        StringBuilder prov = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            data.append(example("q" + i)).append('\n');
            String run = i <= 2 ? ",\"run_id\":\"r1\"" : i == 7 ? ",\"run_id\":\"r2\"" : "";
            prov.append("{\"line\":")
                    .append(i)
                    .append(",\"category\":\"c")
                    .append(i % 2)
                    .append("\",\"custom_id\":\"c_")
                    .append(i)
                    .append("_a1\"")
                    .append(run)
                    .append("}\n");
        }
        Files.writeString(f, data);
        Files.writeString(p, prov);
        SourceIndex idx = SourceIndex.scan("s", f, p, "", 3);
        assertThat(idx.batches())
                .extracting(SourceIndex.Batch::id)
                .containsExactly("run-r1", "lines-3-5", "lines-6-6", "run-r2");
        assertThat(idx.batch("run-r1").records())
                .extracting(SourceIndex.Record::recordId)
                .containsExactly("c_1_a1", "c_2_a1");
        assertThat(idx.records().get(2).batchId()).isEqualTo("lines-3-5");
        assertThat(idx.records().get(0).category()).isEqualTo("c1");
        assertThat(idx.provenance(idx.records().get(6))).contains("\"run_id\":\"r2\"");
        assertThat(idx.warnings()).isEmpty();
    }

    @Test
    void aShortOrBrokenSidecarIsAWarningAndTheRecordsHaveNoProvenance() throws Exception {
        Path f = dir.resolve("g.jsonl");
        Path p = dir.resolve("g.provenance.jsonl");
        Files.write(f, List.of(example("a"), example("b"), example("c")));
        Files.write(p, List.of("{not json", "{\"category\":\"x\"}"));
        SourceIndex idx = SourceIndex.scan("s", f, p, "dflt", 50);
        assertThat(idx.records()).extracting(SourceIndex.Record::category).containsExactly("dflt", "x", "dflt");
        assertThat(idx.warnings()).hasSize(2);
        assertThat(idx.warnings().get(0)).contains("g.provenance.jsonl:1").contains("not a JSON object");
        assertThat(idx.warnings().get(1)).contains("fewer lines").contains("from line 3");
        assertThat(idx.provenance(idx.records().get(2))).isNull();
    }

    @Test
    void membershipHashIgnoresOrderButNotContent() throws Exception {
        Path f1 = dir.resolve("a.jsonl");
        Path f2 = dir.resolve("b.jsonl");
        Files.write(f1, List.of(example("a"), example("b")));
        Files.write(f2, List.of(example("b"), example("a")));
        String h1 = SourceIndex.scan("s", f1, null, "", 50).batches().getFirst().membersHash();
        String h2 = SourceIndex.scan("s", f2, null, "", 50).batches().getFirst().membersHash();
        assertThat(h1).isEqualTo(h2);
        Files.write(f2, List.of(example("b"), example("a!")));
        assertThat(SourceIndex.scan("s", f2, null, "", 50).batches().getFirst().membersHash())
                .isNotEqualTo(h1);
    }
}
