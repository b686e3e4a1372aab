package dev.spotter.format;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.spotter.kernel.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Writes {@link QuarantineRecord}s as JSONL, one object per line. The validator's rejected lines are kept
 * verbatim: {@code {"file","line","reason","detail","raw"}} when the line is valid UTF-8, else {@code "raw_base64"}
 * (the exact bytes, without the line terminator). An over-long line is never buffered whole: its bytes are
 * streamed through a Base64 encoder straight into the file, with its length in {@code "bytes"}. Other packages
 * write their records with {@link #write}. A file is written atomically ({@link AtomicFile}): it appears, whole,
 * when the writer is closed. Not thread-safe; one writer per output.
 */
public final class QuarantineWriter implements Closeable {
    private static final JsonStringEncoder ENC = JsonStringEncoder.getInstance();

    private final OutputStream out; // null = discard
    private final AtomicFile file; // null = not a file of ours
    private long written;
    private boolean closed;

    private QuarantineWriter(OutputStream out, AtomicFile file) {
        this.out = out;
        this.file = file;
    }

    /** Replaces {@code file} when closed; until then the previous file (or none) stays. */
    public static QuarantineWriter to(Path file) throws IOException {
        AtomicFile f = AtomicFile.open(file);
        return new QuarantineWriter(f.stream(), f);
    }

    /** Writes to {@code out}; {@link #close()} closes it. */
    public static QuarantineWriter to(OutputStream out) {
        return new QuarantineWriter(new BufferedOutputStream(out, 1 << 16), null);
    }

    /** Counts rejects but keeps nothing (when no quarantine file was asked for). */
    public static QuarantineWriter discarding() {
        return new QuarantineWriter(null, null);
    }

    /** Writes one record. */
    public void write(QuarantineRecord r) throws IOException {
        written++;
        if (out == null) {
            return;
        }
        head(r.id(), r.source(), r.file(), r.line(), r.reason(), r.detail());
        if (!r.context().isEmpty()) {
            write(",\"context\":{");
            boolean first = true;
            for (Map.Entry<String, Object> e : r.context().entrySet()) {
                write((first ? "\"" : ",\"") + quote(e.getKey()) + "\":");
                Object v = e.getValue();
                write(v instanceof String t ? "\"" + quote(t) + "\"" : String.valueOf(v));
                first = false;
            }
            write("}");
        }
        if (r.raw() != null) {
            write(",\"raw\":\"" + quote(r.raw()) + "\"");
        } else if (r.rawBase64() != null) {
            write(",\"raw_base64\":\"" + r.rawBase64() + "\"");
        }
        if (r.bytes() >= 0) {
            write(",\"bytes\":" + r.bytes());
        }
        write("}\n");
    }

    /** Records written so far. */
    public long written() {
        return written;
    }

    void reject(String file, long line, RejectReason reason, String detail, byte[] raw, int len, String rawText) {
        written++;
        if (out == null) {
            return;
        }
        try {
            head(null, null, file, line, reason.code(), detail);
            if (rawText != null) {
                write(",\"raw\":\"");
                write(new String(ENC.quoteAsString(rawText)));
            } else {
                write(",\"raw_base64\":\"");
                out.write(Base64.getEncoder().encode(java.util.Arrays.copyOf(raw, len)));
            }
            write("\"}\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quarantine: " + e.getMessage(), e);
        }
    }

    /** Quarantines an over-long line by streaming it from the reader (never holding it whole). */
    void rejectTooLong(String file, long line, LineReader reader, int maxLineBytes) throws IOException {
        written++;
        OutputStream sink;
        if (out == null) {
            sink = OutputStream.nullOutputStream();
        } else {
            head(null, null, file, line, RejectReason.LINE_TOO_LONG.code(), "longer than " + maxLineBytes + " bytes");
            write(",\"raw_base64\":\"");
            sink = Base64.getEncoder().wrap(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int n) throws IOException {
                    out.write(b, off, n);
                }

                @Override
                public void close() {
                    // keep the quarantine stream open: the encoder's close only flushes its last quantum
                }
            });
        }
        long n = reader.drainTooLong(sink);
        if (out != null) {
            sink.close(); // writes the final Base64 padding
            write("\",\"bytes\":" + n + "}\n");
        }
    }

    /** {@code {"id","source","file","line","reason","detail"} (the absent ones left out), not closed. */
    private void head(String id, String source, String file, long line, String reason, String detail)
            throws IOException {
        StringBuilder b = new StringBuilder(128);
        String sep = "{";
        if (id != null) {
            b.append(sep).append("\"id\":\"").append(quote(id)).append('"');
            sep = ",";
        }
        if (source != null) {
            b.append(sep).append("\"source\":\"").append(quote(source)).append('"');
            sep = ",";
        }
        if (file != null) {
            b.append(sep).append("\"file\":\"").append(quote(file)).append('"');
            sep = ",";
        }
        if (line > 0) {
            b.append(sep).append("\"line\":").append(line);
            sep = ",";
        }
        b.append(sep).append("\"reason\":\"").append(quote(reason)).append("\",\"detail\":\"");
        b.append(quote(detail == null ? "" : detail)).append('"');
        write(b.toString());
    }

    private static String quote(String s) {
        return new String(ENC.quoteAsString(s));
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Flushes; a file is then moved into place (see {@link #to(Path)}). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (file != null) {
            file.commit();
        } else if (out != null) {
            out.close();
        }
    }
}
