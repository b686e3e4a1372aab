package dev.spotter.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void oneShotWriteCreatesDirectoriesAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a/b/out.json");
        AtomicFile.write(f, "{\"x\":1}\n");
        assertThat(f).hasContent("{\"x\":1}");
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.json");
        }
        AtomicFile.write(f, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
    }

    @Test
    void nothingIsVisibleBeforeCommitAndAnAbandonedWriteLeavesThePreviousFile() throws IOException {
        Path f = dir.resolve("q.jsonl");
        Files.writeString(f, "old\n");
        try (AtomicFile w = AtomicFile.open(f)) {
            w.line("new 1").line("new 2");
            w.writer().flush();
            assertThat(f).hasContent("old"); // the new lines are only in the temporary file
            assertThat(names()).hasSize(2).anyMatch(n -> n.startsWith(".q.jsonl.") && n.endsWith(".tmp"));
            // no commit: a failed command
        }
        assertThat(f).hasContent("old");
        assertThat(names()).containsExactly("q.jsonl");

        try (AtomicFile w = AtomicFile.open(f)) {
            w.line("new 1").line("new 2");
            w.commit();
        }
        assertThat(Files.readAllLines(f)).containsExactly("new 1", "new 2");
        assertThat(names()).containsExactly("q.jsonl");
    }

    @Test
    void anAbandonedFirstWriteLeavesNoFile() throws IOException {
        Path f = dir.resolve("never.jsonl");
        try (AtomicFile w = AtomicFile.open(f)) {
            w.stream().write("partial".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(f).doesNotExist();
        assertThat(names()).isEmpty();
    }

    @Test
    void streamsLargeOutputThroughTheBufferExactly() throws IOException {
        Path f = dir.resolve("big.bin");
        byte[] chunk = new byte[100_000];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) i;
        }
        try (AtomicFile w = AtomicFile.open(f)) {
            for (int i = 0; i < 5; i++) {
                w.stream().write(chunk, 0, chunk.length);
                w.stream().write(7);
                w.stream().write(chunk, 10, 20);
            }
            w.commit();
        }
        byte[] got = Files.readAllBytes(f);
        assertThat(got).hasSize(5 * (100_000 + 1 + 20));
        assertThat(got[100_000]).isEqualTo((byte) 7);
        assertThat(got[100_001]).isEqualTo((byte) 10);
    }

    @Test
    void aCallerClosingTheWriterDoesNotEndTheFile() throws IOException {
        Path f = dir.resolve("w.txt");
        try (AtomicFile w = AtomicFile.open(f)) {
            try (var writer = w.writer()) {
                writer.write("text");
            }
            w.line(" more");
            w.commit();
        }
        assertThat(f).hasContent("text more");
    }

    @Test
    void bytesAndTextCannotBeMixedAndACommittedFileIsClosed() throws IOException {
        try (AtomicFile w = AtomicFile.open(dir.resolve("m"))) {
            w.stream().write(1);
            assertThatThrownBy(w::writer).isInstanceOf(IllegalStateException.class);
            w.commit();
            assertThatThrownBy(w::commit).hasMessageContaining("already committed");
        }
    }

    @Test
    void errorsNameTheTargetAndTheReasonNeverTheTemporaryFile() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a directory");
        Path under = blocker.resolve("q.jsonl");
        assertThatThrownBy(() -> AtomicFile.write(under, "x"))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + under + ": " + blocker + " is not a directory");

        Path busy = dir.resolve("busy");
        Files.createDirectories(busy.resolve("inside"));
        assertThatThrownBy(() -> AtomicFile.write(busy, "x"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write " + busy + ": ")
                .hasMessageNotContaining(".tmp")
                .hasMessageNotContaining("Exception");
        assertThat(names()).containsExactly("blocker", "busy"); // the temporary file was removed
    }

    @Test
    void ioErrorsAreWordsWithoutPaths() {
        assertThat(IoErrors.reason(new AccessDeniedException("/x/.q.jsonl.123.tmp")))
                .isEqualTo("permission denied");
        assertThat(IoErrors.reason(new NoSuchFileException("/x/y"))).isEqualTo("no such file or directory");
        assertThat(IoErrors.reason(new FileSystemException("/x/.q.tmp", null, "No space left on device")))
                .isEqualTo("no space left on device");
        assertThat(IoErrors.reason(new IOException())).isEqualTo("I/O error");
    }

    @Test
    void removeStaleDeletesOnlyTheTemporaryFilesOfThatTarget() throws IOException {
        Path f = dir.resolve("data.jsonl");
        for (String n : List.of(
                ".data.jsonl.12345.tmp", // killed writer of data.jsonl
                ".data.jsonl.backup.tmp", // not ours: not a number
                ".data.jsonl.provenance.jsonl.1.tmp", // another file's, not a number either
                ".other.jsonl.12345.tmp",
                "data.jsonl")) {
            Files.writeString(dir.resolve(n), n);
        }
        AtomicFile.removeStale(f);
        assertThat(names())
                .containsExactly(
                        ".data.jsonl.backup.tmp",
                        ".data.jsonl.provenance.jsonl.1.tmp",
                        ".other.jsonl.12345.tmp",
                        "data.jsonl");
        AtomicFile.removeStale(dir.resolve("missing/dir/x.jsonl")); // nothing to do, no error
    }

    @Test
    void aNewFileGetsOrdinaryPermissionsNotPrivateOnes() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Set<PosixFilePermission> expected;
        try {
            expected = Files.getPosixFilePermissions(plain);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system
        }
        Path f = dir.resolve("atomic");
        AtomicFile.write(f, "x");
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(expected);
    }
}
