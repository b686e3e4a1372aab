package dev.spotter.checks;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code escalation.see_clinician} of an injury analysis, most urgent first (the order matters: "at least as
 * urgent as" compares {@link #ordinal()}).
 */
public enum Urgency {
    EMERGENCY,
    WITHIN_24_HOURS,
    WITHIN_1_WEEK,
    IF_NOT_IMPROVING,
    NOT_NEEDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for a wire name, or null when it is not one (an unreadable value is never treated as urgent). */
    public static @Nullable Urgency parse(String s) {
        for (Urgency u : values()) {
            if (u.wireName().equals(s)) {
                return u;
            }
        }
        return null;
    }

    /** True when this is as urgent as {@code other} or more. */
    public boolean atLeast(Urgency other) {
        return ordinal() <= other.ordinal();
    }
}
