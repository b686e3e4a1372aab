package dev.spotter.train;

import java.util.Locale;

/** Together fine-tune job states (platforms.md). Unknown strings map to {@link #UNKNOWN}, never fail. */
public enum JobStatus {
    PENDING,
    QUEUED,
    RUNNING,
    COMPRESSING,
    UPLOADING,
    CANCEL_REQUESTED,
    CANCELLED,
    ERROR,
    USER_ERROR,
    COMPLETED,
    UNKNOWN;

    public static JobStatus parse(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** No further change is possible: stop polling. */
    public boolean terminal() {
        return this == COMPLETED || this == CANCELLED || this == ERROR || this == USER_ERROR;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
