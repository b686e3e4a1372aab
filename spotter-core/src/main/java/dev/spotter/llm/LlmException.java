package dev.spotter.llm;

/**
 * A call that produced no usable response. {@link #kind()} tells the caller what to do next; the message never
 * contains the API key (response bodies are cut to 300 characters and keys are never sent back by providers).
 */
public final class LlmException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** 429/5xx/529/timeout/connection error, and the retries ran out. Safe to try again later. */
        TRANSIENT,
        /** 400/401/403/404 …: the request or the credentials are wrong; retrying will not help. */
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
    private final String rawBody;

    public LlmException(Kind kind, int status, String message, String rawBody, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.rawBody = rawBody;
    }

    public LlmException(Kind kind, String message) {
        this(kind, 0, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** The body received (only for {@link Kind#MALFORMED_RESPONSE} and provider errors), else {@code null}. */
    public String rawBody() {
        return rawBody;
    }
}
