package dev.spotter.llm;

import java.util.Locale;

/**
 * Why one HTTP attempt of a call failed in a way that is retried. {@link #unanswered()} causes read no response:
 * the provider may still have run (and billed) the request, so a budget charges them their worst case.
 */
public enum RetryCause {
    /** HTTP 429. */
    RATE_LIMITED,
    /** HTTP 529 (Anthropic) or 503. */
    OVERLOADED,
    /** Any other 5xx. */
    SERVER_ERROR,
    /** HTTP 408 or 409. */
    CONFLICT_OR_TIMEOUT_STATUS,
    /** No complete response within the request timeout. */
    TIMEOUT,
    /** The connection failed or was reset (possibly mid-body). */
    CONNECTION,
    /** No connection was made (refused, or the connect timed out): nothing was sent, so nothing can be billed. */
    NOT_CONNECTED;

    static RetryCause ofStatus(int status) {
        return switch (status) {
            case 429 -> RATE_LIMITED;
            case 503, 529 -> OVERLOADED;
            case 408, 409 -> CONFLICT_OR_TIMEOUT_STATUS;
            default -> SERVER_ERROR;
        };
    }

    /** True when no response was read: the provider may have billed the request. */
    public boolean unanswered() {
        return this == TIMEOUT || this == CONNECTION;
    }

    /** Lower-case name used in the state, the run summary and the progress line ({@code rate_limited}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
