package dev.spotter.format;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes rejected lines, verbatim, as JSONL: one object per rejected line,
 * {@code {"file","line","reason","detail","raw"}} when the line is valid UTF-8, else {@code "raw_base64"}
 * (the exact bytes, without the line terminator). An over-long line is never buffered whole: its bytes are
 * streamed through a Base64 encoder straight into the file, with its length in {@code "bytes"}.
 * Not thread-safe; one writer per output.
 */
public final class QuarantineWriter implements Closeable {
    private static final JsonStringEncoder ENC = JsonStringEncoder.getInstance();

    private final OutputStream out; // null = discard
    private long written;

    private QuarantineWriter(OutputStream out) {
        this.out = out;
    }

    /** Creates (or truncates) {@code file}. */
    public static QuarantineWriter to(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new QuarantineWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Writes to {@code out}; {@link #close()} closes it. */
    public static QuarantineWriter to(OutputStream out) {
        return new QuarantineWriter(new BufferedOutputStream(out, 1 << 16));
    }

    /** Counts rejects but keeps nothing (when no quarantine file was asked for). */
    public static QuarantineWriter discarding() {
        return new QuarantineWriter(null);
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
            head(file, line, reason, detail);
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
            head(file, line, RejectReason.LINE_TOO_LONG, "longer than " + maxLineBytes + " bytes");
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

    private void head(String file, long line, RejectReason reason, String detail) throws IOException {
        write("{\"file\":\"");
        write(new String(ENC.quoteAsString(file)));
        write("\",\"line\":" + line + ",\"reason\":\"" + reason.code() + "\",\"detail\":\"");
        write(new String(ENC.quoteAsString(detail == null ? "" : detail)));
        write("\"");
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
