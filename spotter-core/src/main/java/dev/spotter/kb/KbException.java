package dev.spotter.kb;

/**
 * An expected failure (bad URL, refused login, missing table or column, unreadable file) with a one-line message
 * that is safe to show: it never contains a password (see {@link KbDatabase#redact(String)}).
 */
public final class KbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KbException(String message) {
        super(message);
    }

    public KbException(String message, Throwable cause) {
        super(message, cause);
    }
}
