package dev.spotter.generate;

import dev.spotter.ConfigurationException;
import java.util.Locale;

/** What the assistant turns of a category must contain, and therefore which checks apply. */
public enum OutputKind {
    /** Assistant content is one injury-analysis JSON object (checks: schema + semantic rules). */
    INJURY_ANALYSIS,
    /** Assistant content is coaching prose (checks: length, refusals, leaks). */
    COACH_ANSWER,
    /** Assistant content is a pace-calculation JSON object (checks: schema + calculator). */
    PACE_CALCULATION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputKind parse(String s) {
        for (OutputKind k : values()) {
            if (k.wireName().equals(s)) {
                return k;
            }
        }
        throw new ConfigurationException(
                "unknown output kind '" + s + "' (injury_analysis, coach_answer, pace_calculation)");
    }

    /** True when the assistant content is a JSON object (serialised compactly into the training example). */
    public boolean isJson() {
        return this != COACH_ANSWER;
    }
}
