package dev.spotter.kb;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JSONL file of rejected records, one object per reject: {@code source}, {@code line} or {@code row},
 * {@code id} when known, {@code reason}, and the original {@code record} text when there is one.
 * The file is created at the first reject; when nothing is rejected, a file left by an earlier run under the same
 * name is deleted, so a quarantine file on disk always belongs to the latest run.
 */
final class Quarantine implements Closeable {
    private final Path file;
    private final String source;
    private BufferedWriter out;
    private long count;

    Quarantine(Path file, String source) {
        this.file = file;
        this.source = source;
    }

    void add(String where, long number, String id, String reason, String record) throws IOException {
        if (out == null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        try (JsonGenerator g = Canonical.MAPPER.getFactory().createGenerator(new NonClosing(out))) {
            g.writeStartObject();
            g.writeStringField("source", source);
            g.writeNumberField(where, number);
            if (id != null) {
                g.writeStringField("id", id);
            }
            g.writeStringField("reason", reason);
            if (record != null) {
                g.writeStringField("record", record);
            }
            g.writeEndObject();
        }
        out.write('\n');
        count++;
    }

    long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        } else {
            Files.deleteIfExists(file);
        }
    }

    /** Lets a JsonGenerator flush into the shared writer without closing it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(java.io.Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
