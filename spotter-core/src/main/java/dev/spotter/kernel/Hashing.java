package dev.spotter.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, the one spelling every content hash in Spotter uses (prompt hashes, file names of
 * uploads, step-cache keys). Files are streamed in 64 KiB blocks: memory does not depend on the file's size.
 */
public final class Hashing {
    private static final HexFormat HEX = HexFormat.of();

    private Hashing() {}

    /** A fresh SHA-256 digest, for hashing a stream of parts. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    /** Hex SHA-256 of {@code text} encoded as UTF-8. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of a file's bytes, streamed. */
    public static String sha256Hex(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + IoErrors.reason(e), e);
        }
        return hex(md.digest());
    }

    /** Lower-case hex of a digest. */
    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }
}
