package dev.spotter;

import org.jspecify.annotations.Nullable;

/**
 * The knowledge-base source failed: a bad connection URL, a refused login, a missing table or column, row-level
 * security hiding every row, a REST API error. The message is redacted: it never contains the database password
 * or an API key.
 */
public final class DataSourceException extends SpotterException {
    private static final long serialVersionUID = 1L;

    public DataSourceException(String message) {
        super(message, null, null);
    }

    public DataSourceException(String message, @Nullable Throwable cause) {
        super(message, null, cause);
    }
}
