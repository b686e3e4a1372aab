package dev.spotter.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleKbTest {
    @TempDir
    Path dir;

    static List<KbChunk> sample() throws Exception {
        List<KbChunk> out = new ArrayList<>();
        try (SampleKb.Temp t = SampleKb.temporary()) {
            KbReader.Stats s = new KbReader(t.db(), null).read(null, new KbReader.Sink() {
                @Override
                public void accept(KbChunk chunk) {
                    out.add(chunk);
                }

                @Override
                public void reject(long row, String id, String reason) {
                    throw new AssertionError("sample row " + row + " rejected: " + reason);
                }
            });
            assertThat(s).isEqualTo(new KbReader.Stats(23, 23, 0));
        }
        return out;
    }

    @Test
    void holdsTheBriefsTwentyThreeChunksPerCategory() throws Exception {
        Map<String, Integer> perCategory = new TreeMap<>();
        for (KbChunk c : sample()) {
            perCategory.merge(c.category(), 1, Integer::sum);
            assertThat(c.content().split("\\s+").length).as(c.title()).isBetween(250, 600);
            assertThat(ChunkJsonl.isCanonicalUuid(c.id())).as(c.id()).isTrue();
            assertThat(c.metadata()).contains("\"source\":\"spotter-sample\"");
        }
        assertThat(perCategory)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "mvq",
                        7,
                        "experience_classification",
                        4,
                        "decision_trees",
                        4,
                        "equipment_substitutions",
                        3,
                        "injury_modifications",
                        3,
                        "customization_examples",
                        2));
    }

    @Test
    void injuryChunksCarryRedFlagsAndReferral() throws Exception {
        for (KbChunk c : sample()) {
            if ("injury_modifications".equals(c.category())) {
                assertThat(c.content())
                        .as(c.title())
                        .containsIgnoringCase("not a diagnosis")
                        .containsPattern("(?i)see a (clinician|doctor)")
                        .contains("3 out of 10");
            }
        }
    }

    @Test
    void bundledExampleFileIsTheExportOfTheSample() throws Exception {
        Path out = dir.resolve("chunks.jsonl");
        try (SampleKb.Temp t = SampleKb.temporary()) {
            KbExport.toFile(new KbReader(t.db(), null), null, out, dir.resolve("q.jsonl"));
        }
        Path example = Path.of("examples/kb/chunks.jsonl");
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .as(
                        "examples/kb/chunks.jsonl is stale: regenerate with `spotter kb export -o examples/kb/chunks.jsonl`")
                .isEqualTo(Files.readString(example, StandardCharsets.UTF_8));
        assertThat(dir.resolve("q.jsonl")).doesNotExist();
    }

    @Test
    void sqliteRoundTripThroughImporterIsByteForByte() throws Exception {
        Path db = dir.resolve("copy.db");
        KbDatabase copy = KbDatabase.sqlite(db);
        var s = new KbImporter(copy, null)
                .createTable(KbImporter.IdType.AUTO)
                .importFile(Path.of("examples/kb/chunks.jsonl"), dir.resolve("q.jsonl"));
        assertThat(s).isEqualTo(new KbImporter.Stats(23, 23, 0));
        Path out = dir.resolve("again.jsonl");
        KbExport.toFile(new KbReader(copy, null), "mvq", out, dir.resolve("q2.jsonl"));
        List<String> mvq = Files.readAllLines(Path.of("examples/kb/chunks.jsonl")).stream()
                .filter(l -> l.contains("\"category\":\"mvq\""))
                .toList();
        assertThat(Files.readAllLines(out)).hasSize(7).containsExactlyElementsOf(mvq);
    }

    @Test
    void statementSplitterRespectsQuotesAndComments() {
        assertThat(SampleKb.statements("-- c;\nINSERT INTO t VALUES ('a;b', 'it''s -- not a comment');\nSELECT 1;"))
                .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s -- not a comment')", "SELECT 1");
    }
}
