package dev.spotter;

import dev.spotter.kernel.IoErrors;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file or directory that cannot be read or written. The message always names the path and says why in words
 * ({@code cannot write /data/q.jsonl: permission denied}), whatever the JDK's exception says.
 */
public final class FileException extends SpotterException {
    private static final long serialVersionUID = 1L;

    private final String path;

    private FileException(String path, String message, @Nullable Throwable cause) {
        super(message, null, cause);
        this.path = path;
    }

    /** The path as the caller gave it. */
    public String path() {
        return path;
    }

    /**
     * Fails with "cannot read PATH: REASON" ({@link IoErrors#unreadableFile}) unless {@code path} is a regular file
     * that can be read: the one check every command makes before it reads an input.
     */
    public static void requireReadableFile(Path path) {
        String why = IoErrors.unreadableFile(path);
        if (why != null) {
            throw of(path, "cannot read", why);
        }
    }

    /** "cannot read PATH: REASON" from an I/O failure while reading {@code path}. */
    public static FileException reading(Path path, IOException e) {
        return of("read", path.toString(), e);
    }

    /** "cannot write PATH: REASON" from an I/O failure while writing {@code path}. */
    public static FileException writing(Path path, IOException e) {
        return of("write", path.toString(), e);
    }

    /** A failure with a reason already in words, e.g. {@code FileException.of(p, "cannot read", "is a directory")}. */
    public static FileException of(Path path, String action, String reason) {
        return new FileException(path.toString(), action + " " + path + ": " + reason, null);
    }

    /**
     * An I/O failure whose path is known only to the exception: its message when it already says "cannot ...
     * PATH: reason" (the kernel's writers do), else "cannot access PATH: reason".
     */
    public static FileException of(IOException e) {
        String file = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? fs.getFile() : "";
        String m = e.getMessage();
        String message = m != null && m.startsWith("cannot ")
                ? m
                : file.isEmpty()
                        ? "I/O error: " + IoErrors.reason(e)
                        : "cannot access " + file + ": " + IoErrors.reason(e);
        return new FileException(file, message, e);
    }

    private static FileException of(String verb, String path, IOException e) {
        String m = e.getMessage();
        if (m != null && m.startsWith("cannot ") && m.contains(path)) {
            return new FileException(path, m, e); // already "cannot write PATH: reason" (kernel.AtomicFile)
        }
        return new FileException(path, "cannot " + verb + " " + path + ": " + IoErrors.reason(e), e);
    }
}
