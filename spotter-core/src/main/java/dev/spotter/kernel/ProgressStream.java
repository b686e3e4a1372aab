package dev.spotter.kernel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An input stream that reports lines and bytes read to a {@link ProgressListener}: the progress of every JSONL
 * reader (validate, convert, stats, the build's ingest) without touching the reader. A line is a {@code '\n'}; a
 * last line without one counts when the stream is closed at its end. Reports at most every {@value #EVERY_BYTES}
 * bytes (one comparison per read call, one scan of the bytes read for newlines), and once more, finished, on close.
 * The counts run ahead of the reader by its buffer (64 KiB at most), which a progress line does not mind.
 */
public final class ProgressStream extends FilterInputStream {
    static final int EVERY_BYTES = 256 * 1024;

    private final String task;
    private final long size;
    private final ProgressListener listener;
    private long bytes;
    private long lines;
    private long nextReport = EVERY_BYTES;
    private int last = '\n';
    private boolean eof;
    private boolean closed;

    private ProgressStream(InputStream in, String task, long size, ProgressListener listener) {
        super(in);
        this.task = task;
        this.size = size;
        this.listener = listener;
    }

    /**
     * Wraps {@code in}; returns it unchanged when {@code listener} is {@link ProgressListener#NONE}.
     *
     * @param size the input's size in bytes, or {@code -1} if unknown (stdin)
     */
    public static InputStream wrap(InputStream in, String task, long size, ProgressListener listener) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(task, "task");
        return listener == ProgressListener.NONE ? in : new ProgressStream(in, task, size, listener);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            eof = true;
        } else {
            count(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            eof = true;
        } else if (n > 0) {
            count(buf, off, n);
        }
        return n;
    }

    private void count(byte[] buf, int off, int n) {
        for (int i = off; i < off + n; i++) {
            if (buf[i] == '\n') {
                lines++;
            }
        }
        last = buf[off + n - 1];
        bytes += n;
        if (bytes >= nextReport) {
            nextReport = bytes + EVERY_BYTES;
            listener.update(event(lines, false));
        }
    }

    private ProgressEvent event(long count, boolean finished) {
        return new ProgressEvent(task, "lines", count, -1, bytes, size, null, finished);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            long total = lines + (eof && last != '\n' ? 1 : 0);
            listener.update(event(total, true));
        }
        super.close();
    }
}
