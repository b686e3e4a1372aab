package dev.spotter.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.Environment;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ConvertFormat;
import dev.spotter.format.Provenance;
import dev.spotter.format.QuarantineRecord;
import dev.spotter.format.QuarantineWriter;
import dev.spotter.project.ProjectLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's files on disk: written atomically, the quarantine as the one record, provenance in the one schema. */
class BuildFilesTest {
    @TempDir
    Path dir;

    private static BuildPipeline.Builder builder(Path yaml, Path out) {
        return BuildPipeline.builder(ProjectLoader.load(yaml, Environment.empty()))
                .outDir(out);
    }

    /** Every file of the build's output directory and its state directory, with its bytes. */
    private static Map<Path, byte[]> snapshot(Path out) throws Exception {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Path root : List.of(out, DatasetLayout.defaultStateDir(out))) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(out.relativize(p), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    @Test
    void aBuildThatFailsWhileWritingLeavesThePreviousFilesAndNoTemporaryOnes() throws Exception {
        Path yaml = BuildFixture.write(dir);
        Path out = dir.resolve("out");
        builder(yaml, out).build().run();
        Map<Path, byte[]> before = snapshot(out);

        // another split re-runs split and write; the writer breaks after a few lines of train.jsonl
        Files.writeString(yaml, Files.readString(yaml).replace("validation: 0.2", "validation: 0.25"));
        FormatWriter messages = FormatWriter.of(ConvertFormat.MESSAGES);
        int[] written = {0};
        FormatWriter breaking = new FormatWriter() {
            @Override
            public String name() {
                return messages.name();
            }

            @Override
            public String line(ChatExample example) {
                if (++written[0] > 5) {
                    throw new IllegalStateException("writer broke");
                }
                return messages.line(example);
            }
        };
        assertThatThrownBy(() ->
                        builder(yaml, out).writers(List.of(breaking)).build().run())
                .hasMessage("writer broke");

        // the write step's outputs are the previous ones, byte for byte (the split's own files are new: it finished)
        Map<Path, byte[]> after = snapshot(out);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet()); // no temporary file left anywhere
        for (String f : List.of(
                "messages/train.jsonl",
                "messages/validation.jsonl",
                "provenance/train.jsonl",
                "provenance/validation.jsonl",
                "../out.state/quarantine.jsonl",
                "../out.state/dedup-log.jsonl",
                "../out.state/leakage-log.jsonl",
                "summary.json",
                "README.md",
                "report.html",
                "../out.state/state.json")) {
            assertThat(new String(after.get(Path.of(f)), StandardCharsets.UTF_8))
                    .as(f)
                    .isEqualTo(new String(before.get(Path.of(f)), StandardCharsets.UTF_8));
        }

        // the state was not saved, so the next build redoes the steps the failed one left undone
        BuildResult again = builder(yaml, out).build().run();
        assertThat(again.ran()).contains("split", "write", "report");
        assertThat(again.accountingOk()).isTrue();
    }

    @Test
    void aFolderWithFilesNoBuildWritesIsRefusedBeforeAnythingIsWrittenOrDeleted() throws Exception {
        Path yaml = BuildFixture.write(dir);
        // a user's own folder: a file that shares a name with the old quarantine, and one beside the upload files
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine.resolve("messages"));
        Files.writeString(mine.resolve("quarantine.jsonl"), "my notes\n");
        Files.writeString(mine.resolve("messages/mydata.jsonl"), "mine\n");
        assertThatThrownBy(() -> builder(yaml, mine).build().run())
                .isInstanceOf(dev.spotter.FileException.class)
                .hasMessageContaining("will not build into " + mine)
                .hasMessageContaining("not empty and holds no earlier Spotter build")
                .hasMessageContaining("messages/mydata.jsonl, quarantine.jsonl");
        assertThat(Files.readString(mine.resolve("quarantine.jsonl"))).isEqualTo("my notes\n");
        assertThat(mine.resolve("messages/train.jsonl")).doesNotExist();
        assertThat(DatasetLayout.defaultStateDir(mine)).doesNotExist();

        // an earlier build's folder: a stray file beside the upload files would ship, so the rebuild refuses
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve(".git")); // a Hub clone's dot entries are not the dataset's
        Files.writeString(out.resolve(".gitattributes"), "*.jsonl filter=lfs\n");
        builder(yaml, out).build().run();
        Files.writeString(out.resolve("messages/mydata.jsonl"), "mine\n");
        assertThatThrownBy(() -> builder(yaml, out).build().run())
                .hasMessageContaining("holds files no build writes (messages/mydata.jsonl)");
        Files.delete(out.resolve("messages/mydata.jsonl"));

        // what builds before the state directory left in the folder is still cleaned up
        Files.writeString(out.resolve("quarantine.jsonl"), "{\"raw\":\"old build\"}\n");
        builder(yaml, out).build().run();
        assertThat(out.resolve("quarantine.jsonl")).doesNotExist();
        assertThat(out.resolve(".gitattributes")).exists();
    }

    @Test
    void provenanceLinesAreTheSnakeCaseSchemaInItsKeyOrder() throws Exception {
        BuildResult r =
                builder(BuildFixture.write(dir), dir.resolve("out")).build().run();
        List<String> lines = new ArrayList<>();
        for (String split : DatasetLayout.SPLITS) {
            lines.addAll(Files.readAllLines(r.layout().provenance(split)));
        }
        assertThat(lines).isNotEmpty();
        boolean pii = false;
        for (String line : lines) {
            JsonNode n = Jsonl.MAPPER.readTree(line);
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            List<String> expected =
                    new ArrayList<>(List.of("line", "id", "source", "category", "file", "source_line", "tokens"));
            if (n.has("pii")) {
                expected.add("pii");
                pii = true;
            }
            assertThat(keys).as(line).isEqualTo(expected);
            // and it reads back through the one reader, which is what accounting, eval and export use
            Provenance p = Provenance.parse(line);
            assertThat(p.built().id())
                    .isEqualTo(p.built().source() + ":" + p.built().file() + ":"
                            + p.built().sourceLine());
            assertThat(p.built().tokens()).isPositive();
            assertThat(p.generated()).isNull();
            assertThat(p.toJsonLine()).isEqualTo(line);
        }
        assertThat(pii).as("the fixture has scrubbed examples").isTrue();
    }

    @Test
    void quarantineLinesAreTheOneQuarantineRecord() throws Exception {
        BuildResult r =
                builder(BuildFixture.write(dir), dir.resolve("out")).build().run();
        List<String> lines = Files.readAllLines(r.layout().quarantine());
        assertThat(lines).hasSize(BuildFixture.BROKEN);
        for (String line : lines) {
            QuarantineRecord q = QuarantineRecord.parse(line);
            assertThat(q.id()).isEqualTo(q.source() + ":" + q.file() + ":" + q.line());
            assertThat(q.reason()).matches("[a-z][a-z0-9_]*");
            assertThat(q.detail()).isNotEmpty();
            assertThat(q.raw()).isNotNull();
            assertThat(q.context()).isEmpty();
            // written again by the one writer, byte for byte
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            try (QuarantineWriter w = QuarantineWriter.to(again)) {
                w.write(q);
            }
            assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(line + "\n");
        }
    }
}
