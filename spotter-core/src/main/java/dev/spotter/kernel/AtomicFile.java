package dev.spotter.kernel;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The one way Spotter writes a file: the bytes go to a temporary file in the target's directory, are forced to
 * the disk ({@link FileChannel#force fsync}) and the temporary file is then renamed over the target in one atomic
 * step, after which the directory itself is forced where the platform allows it (Linux, macOS). A reader, a crash
 * or a {@code kill -9} therefore sees the previous file or the new one, never a torn or half-written one; a failed
 * command leaves the previous file (or none), and its temporary file is removed.
 *
 * <pre>{@code
 * try (AtomicFile f = AtomicFile.open(out)) {   // streaming form: memory does not grow with the file
 *     for (String line : lines) f.line(line);
 *     f.commit();                             // without commit, close() abandons: out is untouched
 * }
 * AtomicFile.write(report, html);            // one-shot form
 * }</pre>
 *
 * <p>Contract: parent directories are created. Text is UTF-8 and {@link #line} ends a line with {@code \n}.
 * Write through {@link #writer()} (or {@link #line}) or through {@link #stream()}, not both. Every error is an
 * {@link IOException} whose message names the target as the caller gave it (never the temporary file) and the reason in words, e.g.
 * {@code cannot write /x/q.jsonl: permission denied}. A new file gets the permissions any new file gets (the
 * umask applies; the temporary file is not created private). Temporary files are named
 * {@code .<target name>.<random>.tmp}; {@link #removeStale} deletes those a killed writer left behind. Not
 * thread-safe: one writer per instance.
 *
 * <p>Risk, and why the directory fsync: without it, a power loss right after the rename can on some file systems
 * bring back the old directory entry; the data itself was forced before the rename either way.
 */
public final class AtomicFile implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path target; // absolute
    private final Path shown; // as the caller gave it, for messages
    private final Path tmp;
    private final FileChannel channel;
    private final OutputStream stream;
    private @Nullable Writer writer;
    private boolean usedStream;
    private boolean committed;
    private boolean closed;

    private AtomicFile(Path target, Path shown, Path tmp, FileChannel channel) {
        this.target = target;
        this.shown = shown;
        this.tmp = tmp;
        this.channel = channel;
        this.stream = new ChannelOut();
    }

    /** Starts writing {@code target}; nothing is visible under its name until {@link #commit()}. */
    public static AtomicFile open(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new IOException("cannot write " + target + ": not a file path");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new WriteFailure("cannot write " + target + ": " + e.getFile() + " is not a directory", e);
        } catch (IOException e) {
            throw failure(target, e);
        }
        String name = abs.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new AtomicFile(abs, target, tmp, ch);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw failure(target, e);
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (AtomicFile f = open(target)) {
            f.stream().write(bytes);
            f.commit();
        }
    }

    /** Writes {@code text} to {@code target} atomically, as UTF-8. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Deletes the temporary files that a writer of {@code target} killed mid-write left in its directory. They are
     * never valid output; call this before writing {@code target} again, never while another process writes it.
     */
    public static void removeStale(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + abs.getFileName() + ".";
        try (var files = Files.newDirectoryStream(dir, f -> {
            String n = f.getFileName().toString();
            return n.startsWith(prefix)
                    && n.endsWith(".tmp")
                    && n.substring(prefix.length(), n.length() - 4).chars().allMatch(Character::isDigit);
        })) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The file this writer will replace, absolute. */
    public Path target() {
        return target;
    }

    /** Raw bytes; buffered. */
    public OutputStream stream() {
        if (writer != null) {
            throw new IllegalStateException("AtomicFile " + shown + ": text was written through writer()");
        }
        ensureOpen();
        usedStream = true;
        return stream;
    }

    /** UTF-8 text; buffered. */
    public Writer writer() {
        ensureOpen();
        if (writer == null) {
            if (usedStream) {
                throw new IllegalStateException("AtomicFile " + shown + ": bytes were written through stream()");
            }
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER) {
                @Override
                public void close() throws IOException {
                    flush(); // a caller closing the writer must not end the file: only commit() or close() do
                }
            };
        }
        return writer;
    }

    /** Writes {@code text} and a {@code \n}. */
    public AtomicFile line(CharSequence text) throws IOException {
        Writer w = writer();
        w.append(text);
        w.write('\n');
        return this;
    }

    /**
     * Flushes, forces the bytes to disk, renames the temporary file over the target and forces the directory. On
     * failure the temporary file is removed and the target is as it was.
     */
    public void commit() throws IOException {
        ensureOpen();
        try {
            if (writer != null) {
                writer.flush();
            }
            stream.flush();
            channel.force(true);
            channel.close();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // same directory, so this happens only on exotic file systems; a plain replace is the best left
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            abandon();
            throw e instanceof WriteFailure ? e : failure(shown, e);
        } finally {
            closed = true;
        }
        forceDirectory(target.getParent());
    }

    /** Abandons the file unless {@link #commit()} succeeded: the temporary file is deleted, the target untouched. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            abandon();
        }
    }

    private void abandon() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the temporary file is deleted next; its contents no longer matter
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: removeStale() clears it on the next run, and the caller's own error is what matters
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "AtomicFile " + shown + " is already " + (committed ? "committed" : "closed"));
        }
    }

    private static void forceDirectory(@Nullable Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported on this platform (Windows): the rename itself is still atomic
        }
    }

    private static IOException failure(Path target, IOException e) {
        return new WriteFailure("cannot write " + target + ": " + IoErrors.reason(e), e);
    }

    /** An IOException already phrased against the target. */
    private static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Buffered bytes into the channel; every failure is reported against the target, not the temporary file. */
    private final class ChannelOut extends OutputStream {
        private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);

        @Override
        public void write(int b) throws IOException {
            if (!buf.hasRemaining()) {
                drain();
            }
            buf.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len >= BUFFER) {
                drain();
                writeFully(ByteBuffer.wrap(b, off, len));
                return;
            }
            if (len > buf.remaining()) {
                drain();
            }
            buf.put(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            drain();
        }

        @Override
        public void close() throws IOException {
            flush(); // the channel is closed by commit() or close() of the AtomicFile
        }

        private void drain() throws IOException {
            buf.flip();
            writeFully(buf);
            buf.clear();
        }

        private void writeFully(ByteBuffer b) throws IOException {
            try {
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            } catch (IOException e) {
                throw failure(shown, e);
            }
        }
    }
}
