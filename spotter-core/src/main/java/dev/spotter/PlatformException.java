package dev.spotter;

import org.jspecify.annotations.Nullable;

/**
 * A fine-tuning platform call failed. The message is one line meant for a terminal ("Together: POST /fine-tunes ->
 * 400: invalid learning_rate", "Together: GET https://api.together.xyz/v1/files failed: connection refused"); it
 * names the host when no response arrived and never contains the API key or a request body.
 */
public final class PlatformException extends SpotterException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final boolean ambiguous;

    public PlatformException(String message, int status, boolean ambiguous) {
        this(message, status, ambiguous, null);
    }

    public PlatformException(String message, int status, boolean ambiguous, @Nullable Throwable cause) {
        super(message, null, cause);
        this.status = status;
        this.ambiguous = ambiguous;
    }

    /** HTTP status, or 0 when no response arrived (timeout, connection refused). */
    public int status() {
        return status;
    }

    /**
     * True when the server may have acted on the request although the client saw a failure (timeout, connection
     * lost, 5xx, or a 2xx with an unreadable body). A non-idempotent call must be reconciled before it is retried.
     */
    public boolean ambiguous() {
        return ambiguous;
    }

    /** Rate limited (429): the request was not processed, so it may be repeated after a pause. */
    public boolean rateLimited() {
        return status == 429;
    }
}
