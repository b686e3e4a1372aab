package dev.spotter.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;

/** Small JSONL helpers for the build's own files (trusted input: Spotter wrote them). */
final class Jsonl {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Jsonl() {}

    /** A line writer that counts lines; '\n' endings, UTF-8. */
    static final class Out implements Closeable {
        private final Writer w;
        private final Path path;
        private long lines;

        Out(Path path) {
            this.path = path;
            try {
                Files.createDirectories(path.toAbsolutePath().getParent());
                this.w = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
            }
        }

        void line(String s) {
            try {
                w.write(s);
                w.write('\n');
                lines++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
            }
        }

        void json(JsonNode n) {
            line(n.toString());
        }

        long lines() {
            return lines;
        }

        @Override
        public void close() {
            try {
                w.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** Calls sink with each line of the file (no terminators). */
    static void lines(Path p, Consumer<String> sink) {
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String s;
            while ((s = r.readLine()) != null) {
                sink.accept(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode parse(String line) {
        try {
            return (ObjectNode) MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt build file line: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of a file's bytes, hex. */
    static String sha256(Path p) {
        MessageDigest md = Text.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) != -1) {
                // digesting
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
