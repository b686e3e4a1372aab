package dev.spotter.checks;

import java.util.Locale;

/**
 * Deterministic running arithmetic used to verify pace/distance answers.
 *
 * <p>Units: 1 mi = 1609.344 m exactly (international mile), 1 km = 1000 m. Paces are seconds per mile or per km,
 * speeds miles or kilometres per hour, times seconds. Race-time estimates use Riegel's model
 * {@code T2 = T1 · (D2 / D1)^k} with k = 1.06 by default (Riegel 1981, "Athletic records and human endurance");
 * it is an estimate for trained runners over roughly 1.5 km to marathon distances, not a law.
 */
public final class PaceCalculator {
    public static final double METERS_PER_MILE = 1609.344;
    public static final double METERS_PER_KM = 1000.0;
    public static final double RIEGEL_EXPONENT = 1.06;

    private PaceCalculator() {}

    /** A distance unit with its exact length in metres. */
    public enum DistanceUnit {
        MI(METERS_PER_MILE),
        KM(METERS_PER_KM),
        M(1.0);

        private final double meters;

        DistanceUnit(double meters) {
            this.meters = meters;
        }

        public double meters() {
            return meters;
        }

        public static DistanceUnit parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "mi", "mile", "miles" -> MI;
                case "km", "kilometer", "kilometre", "kilometers", "kilometres" -> KM;
                case "m", "meter", "metre", "meters", "metres" -> M;
                default -> throw new IllegalArgumentException("unknown distance unit '" + s + "' (mi, km, m)");
            };
        }
    }

    /** Speed units: miles or kilometres per hour. */
    public enum SpeedUnit {
        MPH(METERS_PER_MILE),
        KMH(METERS_PER_KM);

        private final double metersPerUnit;

        SpeedUnit(double metersPerUnit) {
            this.metersPerUnit = metersPerUnit;
        }

        public static SpeedUnit parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "mph" -> MPH;
                case "kmh", "km/h", "kph" -> KMH;
                default -> throw new IllegalArgumentException("unknown speed unit '" + s + "' (mph, kmh)");
            };
        }
    }

    public static double toMeters(double value, DistanceUnit unit) {
        return value * unit.meters();
    }

    public static double convert(double value, DistanceUnit from, DistanceUnit to) {
        return value * from.meters() / to.meters();
    }

    /** Pace (s per paceUnit) → speed in speedUnit. 8:00 /mi → 7.5 mph. */
    public static double speed(double paceSeconds, DistanceUnit paceUnit, SpeedUnit speedUnit) {
        requirePositive(paceSeconds, "pace");
        double metersPerSecond = paceUnit.meters() / paceSeconds;
        return metersPerSecond * 3600.0 / speedUnit.metersPerUnit;
    }

    /** Speed → pace in seconds per paceUnit. 10 km/h → 360 s/km. */
    public static double pace(double speed, SpeedUnit speedUnit, DistanceUnit paceUnit) {
        requirePositive(speed, "speed");
        double metersPerSecond = speed * speedUnit.metersPerUnit / 3600.0;
        return paceUnit.meters() / metersPerSecond;
    }

    /** Time to cover a distance at an even pace. */
    public static double finishTime(double distance, DistanceUnit unit, double paceSeconds, DistanceUnit paceUnit) {
        return toMeters(distance, unit) / paceUnit.meters() * paceSeconds;
    }

    /** Even pace needed to cover a distance in a given time. */
    public static double requiredPace(double distance, DistanceUnit unit, double timeSeconds, DistanceUnit paceUnit) {
        requirePositive(distance, "distance");
        return timeSeconds / (toMeters(distance, unit) / paceUnit.meters());
    }

    /**
     * Cumulative split times at even pace: one entry per full split and, when the distance is not a multiple of
     * the split, a last entry at the finish (e.g. 5 km in 25:00 by mile: 8:03, 16:06, 24:08, 25:00).
     */
    public static double[] cumulativeSplits(
            double distance, DistanceUnit unit, double timeSeconds, double splitDistance, DistanceUnit splitUnit) {
        double total = toMeters(distance, unit);
        double split = toMeters(splitDistance, splitUnit);
        requirePositive(total, "distance");
        requirePositive(split, "split distance");
        int full = (int) Math.floor(total / split + 1e-9);
        boolean partial = total - full * split > 1e-6;
        double[] out = new double[full + (partial ? 1 : 0)];
        for (int i = 0; i < full; i++) {
            out[i] = timeSeconds * (i + 1) * split / total;
        }
        if (partial) {
            out[full] = timeSeconds;
        }
        return out;
    }

    /**
     * Negative split: the two half times when the second half is {@code differenceSeconds} faster than the first
     * ({first, second} = {(T + d) / 2, (T − d) / 2}); 0 &lt; d &lt; T.
     */
    public static double[] negativeSplit(double timeSeconds, double differenceSeconds) {
        requirePositive(timeSeconds, "time");
        if (!(differenceSeconds > 0) || differenceSeconds >= timeSeconds) {
            throw new IllegalArgumentException(
                    "a negative split needs 0 < difference_seconds < time_seconds (second half faster), was "
                            + differenceSeconds);
        }
        return new double[] {(timeSeconds + differenceSeconds) / 2, (timeSeconds - differenceSeconds) / 2};
    }

    /** Riegel: T2 = T1 · (D2/D1)^exponent. */
    public static double riegel(double t1Seconds, double d1Meters, double d2Meters, double exponent) {
        requirePositive(t1Seconds, "time");
        requirePositive(d1Meters, "distance");
        requirePositive(d2Meters, "target distance");
        return t1Seconds * Math.pow(d2Meters / d1Meters, exponent);
    }

    /** Seconds as m:ss or h:mm:ss, rounded to the nearest second. */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** Parses m:ss or h:mm:ss (or plain seconds). */
    public static double parseClock(String s) {
        String[] parts = s.trim().split(":");
        double total = 0;
        for (String p : parts) {
            total = total * 60 + Double.parseDouble(p);
        }
        return total;
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be > 0, was " + v);
        }
    }
}
