package dev.spotter;

import org.jspecify.annotations.Nullable;

/**
 * Input whose content Spotter cannot use as a whole: an empty file where examples are required, a file that is
 * not UTF-8 (the message gives the byte offset), not JSON Lines at all. A single bad record is never this: it goes
 * to the quarantine with a reason code and the run goes on.
 */
public final class InputDataException extends SpotterException {
    private static final long serialVersionUID = 1L;

    public InputDataException(String message) {
        super(message, null, null);
    }

    public InputDataException(String message, @Nullable Throwable cause) {
        super(message, null, cause);
    }
}
