package dev.spotter;

import org.jspecify.annotations.Nullable;

/**
 * An LLM provider call that produced no usable response. {@link #kind()} tells the caller what to do next. The
 * message and {@link #rawBody()} are redacted: an API key (or any {@code Authorization}-looking token) a gateway
 * echoes back never reaches a message, a log, the state or an output.
 */
public final class ProviderException extends SpotterException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** 429/5xx/529/timeout/connection error, and the retries ran out. Safe to try again later. */
        TRANSIENT,
        /** 400/401/403/404 ...: the request or the credentials are wrong; retrying will not help. */
        REJECTED_BY_PROVIDER,
        /** A 200 whose body is not the expected JSON (the call may have been billed). */
        MALFORMED_RESPONSE,
        /** Local problem: missing API key environment variable, bad configuration. */
        CONFIGURATION,
        /** The thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Kind kind;
    private final int status;
    private final @Nullable String rawBody;

    public ProviderException(
            Kind kind, int status, String message, @Nullable String rawBody, @Nullable Throwable cause) {
        super(message, null, cause);
        this.kind = kind;
        this.status = status;
        this.rawBody = rawBody;
    }

    public ProviderException(Kind kind, String message) {
        this(kind, 0, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** The (redacted) body received, for malformed responses and provider errors; else {@code null}. */
    public @Nullable String rawBody() {
        return rawBody;
    }
}
