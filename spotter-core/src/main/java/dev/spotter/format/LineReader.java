package dev.spotter.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code \n} (a {@code \r} before it is dropped) without ever holding more
 * than {@code maxLineBytes} of one line. Why bytes and not a {@code BufferedReader}: a reader decodes before we
 * can check UTF-8 validity and would buffer a 100 MB line whole.
 *
 * <p>A line longer than the maximum is reported with {@link #tooLong()}; its bytes are not kept. The caller may
 * {@link #drainTooLong(OutputStream)} them (prefix plus the rest, streamed) into a quarantine, else {@link #next()}
 * skips them. Memory: one read buffer (64 KiB) plus a line buffer that grows up to {@code maxLineBytes}.
 * Not thread-safe; does not close the stream.
 *
 * <p>Public so other packages that stream JSONL (e.g. {@code spotter tokens}) share one bounded splitter.
 */
public final class LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] readBuf = new byte[1 << 16];
    private int readPos;
    private int readLen;
    private boolean eof;

    private byte[] line = new byte[1 << 12];
    private int lineLen;
    private boolean tooLong;
    private boolean pendingDrain; // the rest of an over-long line is still unread
    private long lineNumber;
    private long tooLongBytes;

    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be >= 1, was " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Advances to the next line; false at end of input. A final line without newline is still a line. */
    public boolean next() throws IOException {
        if (pendingDrain) {
            drainTooLong(OutputStream.nullOutputStream());
        }
        lineLen = 0;
        tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (readPos == readLen && !fill()) {
                if (!sawAny) {
                    return false;
                }
                break; // last line, no newline
            }
            sawAny = true;
            int nl = indexOf(readBuf, readPos, readLen, (byte) '\n');
            int end = nl < 0 ? readLen : nl;
            int n = end - readPos;
            if (lineLen + n > maxLineBytes + 1) { // +1: a '\r' that will be stripped may sit past the limit
                int keep = maxLineBytes + 1 - lineLen;
                append(readBuf, readPos, keep);
                readPos += keep;
                tooLong = true;
                pendingDrain = true;
                tooLongBytes = lineLen;
                lineNumber++;
                return true;
            }
            append(readBuf, readPos, n);
            readPos = end;
            if (nl >= 0) {
                readPos++; // consume '\n'
                break;
            }
        }
        if (lineLen > 0 && line[lineLen - 1] == '\r') {
            lineLen--;
        }
        if (lineLen > maxLineBytes) { // only possible when the extra byte was not a '\r'
            tooLong = true;
            tooLongBytes = lineLen;
            pendingDrain = false;
        }
        lineNumber++;
        return true;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    public boolean tooLong() {
        return tooLong;
    }

    /** The current line's bytes, valid until {@link #next()}; only meaningful when not {@link #tooLong()}. */
    public byte[] bytes() {
        return line;
    }

    public int length() {
        return lineLen;
    }

    /**
     * Streams the whole current over-long line (buffered prefix, then the unread rest up to the newline, without
     * the line terminator) to {@code sink}. Returns the line's length in bytes. Call at most once per line.
     */
    public long drainTooLong(OutputStream sink) throws IOException {
        if (!tooLong) {
            throw new IllegalStateException("current line is not over-long");
        }
        sink.write(line, 0, lineLen);
        long total = tooLongBytes;
        boolean lastWasCr = false;
        while (pendingDrain) {
            if (readPos == readLen && !fill()) {
                break;
            }
            int nl = indexOf(readBuf, readPos, readLen, (byte) '\n');
            int end = nl < 0 ? readLen : nl;
            int n = end - readPos;
            if (n > 0) {
                // Hold back a trailing '\r' of this chunk: it is dropped if the newline follows it.
                if (lastWasCr) {
                    sink.write('\r');
                }
                lastWasCr = readBuf[end - 1] == '\r';
                sink.write(readBuf, readPos, lastWasCr ? n - 1 : n);
                total += n;
            }
            readPos = end;
            if (nl >= 0) {
                readPos++;
                pendingDrain = false;
            }
        }
        if (lastWasCr) {
            total--; // "\r\n" (or a final "\r" at EOF, as in next()): the '\r' is part of the terminator
        }
        pendingDrain = false;
        lineLen = 0;
        return total;
    }

    private void append(byte[] src, int off, int n) {
        if (lineLen + n > line.length) {
            int cap = (int) Math.min((long) maxLineBytes + 1, Math.max((long) line.length * 2, (long) lineLen + n));
            line = Arrays.copyOf(line, cap);
        }
        System.arraycopy(src, off, line, lineLen, n);
        lineLen += n;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(readBuf, 0, readBuf.length);
        while (n == 0) {
            n = in.read(readBuf, 0, readBuf.length);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        readPos = 0;
        readLen = n;
        return true;
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
