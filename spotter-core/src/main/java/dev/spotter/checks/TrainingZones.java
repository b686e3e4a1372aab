package dev.spotter.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Heart-rate and pace training zones (requirements 7.3), used to verify zone answers.
 *
 * <p>HRmax estimates: {@code fox} 220 − age; {@code tanaka} 208 − 0.7 × age (Tanaka, Monahan &amp; Seals 2001);
 * {@code gulati} 206 − 0.88 × age (Gulati et al. 2010, women); {@code measured} the stated maximum. All are
 * population averages with an individual error of about ±10–12 bpm (1 SD), which is why zone answers built on
 * them must say so and give RPE or the talk test as the check.
 *
 * <p>Zone models (bound = fraction × reference, rounded half up to whole bpm; a zone's lower bound is inclusive):
 * <ul>
 *   <li>{@code pct_hrmax}: Z1 50–60 %, Z2 60–70 %, Z3 70–80 %, Z4 80–90 %, Z5 90–100 % of HRmax;</li>
 *   <li>{@code hrr} (Karvonen 1957): HR = rest + f × (HRmax − rest), same fractions;</li>
 *   <li>{@code lthr} (Friel, running): Z1 &lt; 85 %, Z2 85–89 %, Z3 90–94 %, Z4 95–99 %, Z5a 100–102 %, Z5b
 *       103–106 %, Z5c &gt; 106 % of lactate-threshold heart rate;</li>
 *   <li>pace zones (Friel, running, % of functional threshold pace as time per distance, so a larger % is
 *       slower): Z1 slower than 129 %, Z2 114–129 %, Z3 106–113 %, Z4 99–105 %, Z5a 97–100 %, Z5b 90–96 %, Z5c
 *       faster than 90 %.</li>
 * </ul>
 * Open-ended zones have one bound (null for the other).
 */
final class TrainingZones {
    private TrainingZones() {}

    /** One zone: its name ("1".."5", "5a".."5c") and bounds (bpm, or seconds per distance unit); null = open. */
    public record Zone(
            String zone, @Nullable Double low, @Nullable Double high) {}

    private static final String[] FIVE = {"1", "2", "3", "4", "5"};
    private static final double[][] FIVE_FRACTIONS = {{0.5, 0.6}, {0.6, 0.7}, {0.7, 0.8}, {0.8, 0.9}, {0.9, 1.0}};
    private static final String[] FRIEL = {"1", "2", "3", "4", "5a", "5b", "5c"};
    private static final Double[][] LTHR_FRACTIONS = {
        {null, 0.85}, {0.85, 0.89}, {0.90, 0.94}, {0.95, 0.99}, {1.00, 1.02}, {1.03, 1.06}, {1.06, null}
    };
    /** {slow, fast} fractions of threshold pace (time per distance). */
    private static final Double[][] PACE_FRACTIONS = {
        {null, 1.29}, {1.29, 1.14}, {1.13, 1.06}, {1.05, 0.99}, {1.00, 0.97}, {0.96, 0.90}, {0.90, null}
    };

    /** Estimated or measured maximum heart rate (not rounded). */
    public static double hrMax(String method, double age, @Nullable Double measured) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "fox" -> 220 - age;
            case "tanaka" -> 208 - 0.7 * age;
            case "gulati" -> 206 - 0.88 * age;
            case "measured" -> {
                if (measured == null || !(measured > 0)) {
                    throw new IllegalArgumentException("hr_max_method measured needs hr_max_measured");
                }
                yield measured;
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown hr_max_method '" + method + "' (fox, tanaka, gulati, measured)");
        };
    }

    /** Five zones as % of HRmax. */
    public static List<Zone> percentOfMax(double hrMax) {
        positive(hrMax, "hr_max");
        List<Zone> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(new Zone(FIVE[i], bpm(FIVE_FRACTIONS[i][0] * hrMax), bpm(FIVE_FRACTIONS[i][1] * hrMax)));
        }
        return out;
    }

    /** Five zones by heart-rate reserve (Karvonen). */
    public static List<Zone> heartRateReserve(double hrMax, double hrRest) {
        positive(hrRest, "hr_rest");
        if (hrRest >= hrMax) {
            throw new IllegalArgumentException("hr_rest must be below hr_max");
        }
        double reserve = hrMax - hrRest;
        List<Zone> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(new Zone(
                    FIVE[i],
                    bpm(hrRest + FIVE_FRACTIONS[i][0] * reserve),
                    bpm(hrRest + FIVE_FRACTIONS[i][1] * reserve)));
        }
        return out;
    }

    /** Friel's seven running zones as % of lactate-threshold heart rate. */
    public static List<Zone> lactateThreshold(double lthr) {
        positive(lthr, "lthr");
        List<Zone> out = new ArrayList<>();
        for (int i = 0; i < FRIEL.length; i++) {
            Double lo = LTHR_FRACTIONS[i][0];
            Double hi = LTHR_FRACTIONS[i][1];
            out.add(new Zone(FRIEL[i], lo == null ? null : bpm(lo * lthr), hi == null ? null : bpm(hi * lthr)));
        }
        return out;
    }

    /**
     * Friel's seven running pace zones from functional threshold pace (seconds per unit). {@code low} is the slow
     * bound, {@code high} the fast bound (seconds, not rounded).
     */
    public static List<Zone> paceZones(double thresholdPaceSeconds) {
        positive(thresholdPaceSeconds, "threshold_pace_seconds");
        List<Zone> out = new ArrayList<>();
        for (int i = 0; i < FRIEL.length; i++) {
            Double slow = PACE_FRACTIONS[i][0];
            Double fast = PACE_FRACTIONS[i][1];
            out.add(new Zone(
                    FRIEL[i],
                    slow == null ? null : slow * thresholdPaceSeconds,
                    fast == null ? null : fast * thresholdPaceSeconds));
        }
        return out;
    }

    /** Rounds half up to whole beats per minute. */
    static double bpm(double v) {
        return Math.floor(v + 0.5);
    }

    private static void positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be > 0, was " + v);
        }
    }
}
