package dev.spotter.eval;

import java.util.Locale;

/** The task an evaluation example belongs to; each has its own scorer. */
enum Task {
    VOICE,
    PACE,
    INJURY,
    COACH,
    KB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
