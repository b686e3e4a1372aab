package dev.spotter.kernel;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An I/O failure in words, for one-line error messages such as {@code cannot write /x/q.jsonl: permission denied}.
 * The JDK's file exceptions carry the path as their message ({@code AccessDeniedException: /x/.q.jsonl.123.tmp}),
 * which says neither why nor which file the user asked for; this names the reason and leaves the path to the caller.
 */
public final class IoErrors {
    private IoErrors() {}

    /** The reason of {@code e} in lower-case words, without any path: "permission denied", "no space left on device". */
    public static String reason(IOException e) {
        if (e instanceof java.nio.charset.MalformedInputException
                || e instanceof java.nio.charset.UnmappableCharacterException) {
            return "not valid UTF-8"; // the JDK says "Input length = 1"
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a non-empty directory is in the way";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException fse) {
            String r = fse.getReason();
            if (r != null && !r.isBlank()) {
                return words(r);
            }
            return "file system error";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "I/O error";
        }
        return words(m);
    }

    /**
     * Why {@code p} cannot be opened for reading as a regular file, in words ("no such file or directory", "is a
     * directory", "not a directory" when a parent is a regular file, "permission denied"), or null when it can. A
     * check before a long run, so a typo fails at once; the open itself still reports what happens after it.
     */
    public static @Nullable String unreadableFile(Path p) {
        if (Files.isDirectory(p)) {
            return "is a directory";
        }
        if (!Files.exists(p)) {
            for (Path a = p.toAbsolutePath().getParent(); a != null; a = a.getParent()) {
                if (Files.exists(a)) {
                    return Files.isDirectory(a) ? "no such file or directory" : "not a directory";
                }
            }
            return "no such file or directory";
        }
        return Files.isReadable(p) ? null : "permission denied";
    }

    /** "No space left on device" -> "no space left on device"; an acronym such as "I/O" keeps its case. */
    private static String words(String s) {
        String t = s.strip();
        if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))) {
            return t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1);
        }
        return t;
    }
}
