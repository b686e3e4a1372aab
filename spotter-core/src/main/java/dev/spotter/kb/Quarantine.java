package dev.spotter.kb;

import dev.spotter.format.QuarantineRecord;
import dev.spotter.format.QuarantineWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The knowledge base's quarantine: {@link QuarantineRecord}s, one per rejected row or line, written by the one
 * {@link QuarantineWriter} (atomically, on close). The file is created at the first reject; when nothing is
 * rejected, a file left by an earlier run under the same name is deleted, so a quarantine file on disk always
 * belongs to the latest run.
 */
final class Quarantine implements Closeable {
    private final Path file;
    private final String input; // the file read, or null for a database table
    private final String source; // "knowledge_base" for a table, else null
    private QuarantineWriter out;
    private long count;

    /** Rejects of lines of the file {@code input}. */
    static Quarantine ofFile(Path quarantine, String input) {
        return new Quarantine(quarantine, input, null);
    }

    /** Rejects of rows of the knowledge-base table ({@code line} is the row number in read order). */
    static Quarantine ofTable(Path quarantine) {
        return new Quarantine(quarantine, null, "knowledge_base");
    }

    private Quarantine(Path file, String input, String source) {
        this.file = file;
        this.input = input;
        this.source = source;
    }

    /**
     * @param number 1-based line (or row) number
     * @param id     the chunk id when known
     * @param code   stable reason code ({@code invalid_chunk}, {@code not_grounded}, ...)
     * @param detail the reason in words
     * @param record the rejected text (abbreviated by the caller), or null
     */
    void add(long number, String id, String code, String detail, String record) throws IOException {
        if (out == null) {
            out = QuarantineWriter.to(file);
        }
        out.write(new QuarantineRecord(id, source, input, number, code, detail, Map.of(), record, null, -1));
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
}
