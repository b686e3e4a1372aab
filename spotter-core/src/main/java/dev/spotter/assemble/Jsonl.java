package dev.spotter.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.kernel.AtomicFile;
import dev.spotter.kernel.Hashing;
import dev.spotter.kernel.IoErrors;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Small JSONL helpers for the build's own files (trusted input: Spotter wrote them). */
final class Jsonl {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Jsonl() {}

    /**
     * One output file of a step, written atomically ({@link AtomicFile}): lines go to a temporary file that
     * replaces the target only on {@link #commit()}; {@link #close()} without a commit abandons it, so a step that
     * fails leaves the previous file (or none). Temporary files a killed build left behind are removed first.
     * Counts lines; '\n' endings, UTF-8. Errors are {@link UncheckedIOException}s (steps write from lambdas) whose
     * message names the target and the reason.
     */
    static final class Out implements Closeable {
        private final AtomicFile file;
        private long lines;

        Out(Path path) {
            try {
                AtomicFile.removeStale(path);
                this.file = AtomicFile.open(path);
            } catch (IOException e) {
                throw unchecked("write", path, e);
            }
        }

        void line(String s) {
            try {
                file.line(s);
                lines++;
            } catch (IOException e) {
                throw unchecked("write", file.target(), e);
            }
        }

        void json(JsonNode n) {
            line(n.toString());
        }

        /** Raw bytes instead of lines (not both): for a {@link dev.spotter.format.QuarantineWriter} or a copy. */
        OutputStream stream() {
            return file.stream();
        }

        long lines() {
            return lines;
        }

        /** Makes the file visible under its name (see {@link AtomicFile#commit()}). */
        void commit() {
            try {
                file.commit();
            } catch (IOException e) {
                throw unchecked("write", file.target(), e);
            }
        }

        /** Abandons the file unless it was committed. */
        @Override
        public void close() {
            file.close();
        }
    }

    /** Writes {@code bytes} to {@code path} atomically. */
    static void write(Path path, byte[] bytes) {
        try {
            AtomicFile.write(path, bytes);
        } catch (IOException e) {
            throw unchecked("write", path, e);
        }
    }

    /** Hex SHA-256 of a file's bytes ({@link Hashing}). */
    static String sha256(Path p) {
        try {
            return Hashing.sha256Hex(p);
        } catch (IOException e) {
            throw unchecked("read", p, e);
        }
    }

    /**
     * {@code e} unchecked. The kernel's messages already name the file and the reason ({@code cannot write x:
     * permission denied}); any other gets them added: {@code cannot <action> <p>: <reason>}.
     */
    static UncheckedIOException unchecked(String action, Path p, IOException e) {
        String m = e.getMessage();
        return new UncheckedIOException(
                m != null && m.startsWith("cannot ") ? m : "cannot " + action + " " + p + ": " + IoErrors.reason(e), e);
    }

    /** Calls sink with each line of the file (no terminators). */
    static void lines(Path p, Consumer<String> sink) {
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String s;
            while ((s = r.readLine()) != null) {
                sink.accept(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + dev.spotter.kernel.IoErrors.reason(e), e);
        }
    }

    static ObjectNode parse(String line) {
        try {
            return (ObjectNode) MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt build file line: " + e.getMessage(), e);
        }
    }
}
