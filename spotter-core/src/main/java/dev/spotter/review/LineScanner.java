package dev.spotter.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Splits a file into lines on {@code \n} (a {@code \r} before it is part of the terminator) and reports each
 * line's byte offset, length, SHA-256 and, up to {@code keepBytes}, its bytes. Longer lines are hashed as they
 * stream and not kept, so memory is one 64 KiB buffer plus at most {@code keepBytes}. Not thread-safe.
 */
final class LineScanner implements AutoCloseable {
    /** One line: {@code bytes} is null when the line was longer than {@code keepBytes}. */
    record Line(long number, long offset, int length, String sha256, byte @Nullable [] bytes) {}

    private final FileChannel ch;
    private final int keepBytes;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private final MessageDigest md = Sha256.digest();
    private byte[] line = new byte[1 << 12];
    private long pos; // file offset of buf's next byte
    private long number;
    private boolean eof;

    LineScanner(Path file, int keepBytes) throws IOException {
        this.ch = FileChannel.open(file, StandardOpenOption.READ);
        this.keepBytes = keepBytes;
        buf.flip();
    }

    /** The next line, or null at the end. A last line without a newline is still a line; an empty file has none. */
    @Nullable
    Line next() throws IOException {
        long start = pos;
        long len = 0; // bytes of the line so far, a held-back '\r' not included
        boolean heldCr = false; // the segment so far ended in '\r': terminator if '\n' follows, content otherwise
        boolean any = false;
        md.reset();
        kept = 0;
        keeping = true;
        byte[] a = buf.array();
        while (true) {
            if (!buf.hasRemaining() && !fill()) {
                break;
            }
            any = true;
            int p = buf.position();
            int lim = buf.limit();
            int nl = p;
            while (nl < lim && a[nl] != '\n') {
                nl++;
            }
            int segEnd = nl;
            if (heldCr && segEnd > p) { // the held '\r' is followed by content
                append(CR, 0, 1);
                len++;
                heldCr = false;
            }
            if (segEnd > p && a[segEnd - 1] == '\r') {
                heldCr = true;
                segEnd--;
            }
            append(a, p, segEnd - p);
            len += segEnd - p;
            buf.position(nl < lim ? nl + 1 : lim);
            pos += (nl < lim ? nl + 1 : lim) - p;
            if (nl < lim) {
                number++;
                return finish(start, len);
            }
        }
        if (!any) {
            return null;
        }
        number++;
        return finish(start, len); // a final '\r' at EOF is dropped, as the build's reader does
    }

    private static final byte[] CR = {'\r'};
    private int kept;
    private boolean keeping;

    private void append(byte[] src, int off, int n) {
        if (n == 0) {
            return;
        }
        md.update(src, off, n);
        if (!keeping) {
            return;
        }
        if (kept + n > keepBytes) {
            keeping = false;
            return;
        }
        if (kept + n > line.length) {
            line = Arrays.copyOf(line, Math.min(keepBytes, Math.max(kept + n, line.length * 2)));
        }
        System.arraycopy(src, off, line, kept, n);
        kept += n;
    }

    private Line finish(long start, long len) {
        if (len > Integer.MAX_VALUE) {
            throw new IllegalStateException("line " + number + " is longer than 2 GiB");
        }
        return new Line(
                number,
                start,
                (int) len,
                HexFormat.of().formatHex(md.digest()),
                keeping ? Arrays.copyOf(line, kept) : null);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        buf.clear();
        int n = ch.read(buf);
        buf.flip();
        if (n <= 0) {
            eof = true;
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
