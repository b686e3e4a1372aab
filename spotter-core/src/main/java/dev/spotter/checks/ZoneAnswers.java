package dev.spotter.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The zone and split calculation types of {@link PaceAnswerChecker}: heart-rate zones by % of HRmax, by
 * heart-rate reserve and by lactate-threshold heart rate, Friel pace zones, and negative splits. Each stated zone
 * is recomputed with {@link TrainingZones}; the prose must state every checked bound, and zones built on an
 * age-formula HRmax must say it is an estimate (about ±10–12 bpm) with RPE or the talk test as the check
 * ({@code hr_caveat}).
 */
final class ZoneAnswers {
    private static final Pattern ESTIMATE = Pattern.compile("estimat|approximat|rough|ballpark|±|\\+/-|give or take");
    private static final Pattern EFFORT_CHECK = Pattern.compile(
            "\\brpe\\b|talk test|perceived exertion|how (hard )?it feels|conversational|full sentences");

    private ZoneAnswers() {}

    static void check(String type, JsonNode in, JsonNode out, String prose, CheckResult.Builder b) {
        List<TrainingZones.Zone> want;
        boolean pace = type.equals("training_paces");
        switch (type) {
            case "hr_zones_max", "hr_zones_hrr" -> {
                String method = text(in, "hr_max_method");
                Double measured = in.path("hr_max_measured").isNumber()
                        ? in.path("hr_max_measured").asDouble()
                        : null;
                double age = method.equals("measured") && !in.has("age") ? 0 : PaceAnswerChecker.num(in, "age");
                double max = TrainingZones.hrMax(method, age, measured);
                compareBpm(b, "result.hr_max", PaceAnswerChecker.num(out, "hr_max"), TrainingZones.bpm(max), false);
                want = type.equals("hr_zones_max")
                        ? TrainingZones.percentOfMax(max)
                        : TrainingZones.heartRateReserve(max, PaceAnswerChecker.num(in, "hr_rest"));
                if (!method.equals("measured")) {
                    String p = prose.toLowerCase(Locale.ROOT);
                    if (!ESTIMATE.matcher(p).find() || !EFFORT_CHECK.matcher(p).find()) {
                        b.add(
                                "hr_caveat",
                                "zones from an age formula: the answer must say HRmax is an estimate (about ±10-12"
                                        + " bpm) and give RPE or the talk test as the check");
                    }
                }
            }
            case "hr_zones_lthr" -> want = TrainingZones.lactateThreshold(PaceAnswerChecker.num(in, "lthr"));
            default -> {
                PaceAnswerChecker.dist(in, "pace_unit");
                want = TrainingZones.paceZones(PaceAnswerChecker.num(in, "threshold_pace_seconds"));
            }
        }
        JsonNode zones = out.path("zones");
        if (!zones.isArray() || zones.isEmpty()) {
            b.add(
                    "calc_fields",
                    "result.zones must be a non-empty array of {zone, "
                            + (pace ? "slow_seconds, fast_seconds" : "low_bpm, high_bpm") + "}");
            return;
        }
        Map<String, TrainingZones.Zone> byName = new HashMap<>();
        want.forEach(z -> byName.put(z.zone(), z));
        String lowField = pace ? "slow_seconds" : "low_bpm";
        String highField = pace ? "fast_seconds" : "high_bpm";
        boolean fives = !pace && allMultiplesOfFive(zones, lowField, highField);
        for (JsonNode z : zones) {
            String name = z.path("zone").asText("").replaceFirst("(?i)^z(one)?\\s*", "");
            TrainingZones.Zone w = byName.get(name.toLowerCase(Locale.ROOT));
            if (w == null) {
                b.add(
                        "calc_fields",
                        "unknown zone '" + z.path("zone").asText("") + "' (zones " + byName.keySet() + ")");
                continue;
            }
            bound(b, "zone " + name + " " + lowField, z.get(lowField), w.low(), pace, fives, prose);
            bound(b, "zone " + name + " " + highField, z.get(highField), w.high(), pace, fives, prose);
        }
    }

    static void negativeSplits(JsonNode in, JsonNode out, String prose, CheckResult.Builder b) {
        double distance = PaceAnswerChecker.num(in, "distance");
        var unit = PaceAnswerChecker.dist(in, "distance_unit");
        var paceUnit = PaceAnswerChecker.dist(in, "pace_unit");
        double[] halves = PaceCalculator.negativeSplit(
                PaceAnswerChecker.num(in, "time_seconds"), PaceAnswerChecker.num(in, "difference_seconds"));
        double halfDistance = distance / 2;
        PaceAnswerChecker.compareTime(
                b, "result.first_half_seconds", PaceAnswerChecker.num(out, "first_half_seconds"), halves[0]);
        PaceAnswerChecker.compareTime(
                b, "result.second_half_seconds", PaceAnswerChecker.num(out, "second_half_seconds"), halves[1]);
        PaceAnswerChecker.compareTime(
                b,
                "result.first_half_pace_seconds",
                PaceAnswerChecker.num(out, "first_half_pace_seconds"),
                PaceCalculator.requiredPace(halfDistance, unit, halves[0], paceUnit));
        PaceAnswerChecker.compareTime(
                b,
                "result.second_half_pace_seconds",
                PaceAnswerChecker.num(out, "second_half_pace_seconds"),
                PaceCalculator.requiredPace(halfDistance, unit, halves[1], paceUnit));
        PaceAnswerChecker.proseClock(b, prose, PaceAnswerChecker.num(out, "first_half_seconds"));
        PaceAnswerChecker.proseClock(b, prose, PaceAnswerChecker.num(out, "second_half_seconds"));
    }

    private static void bound(
            CheckResult.Builder b,
            String field,
            @Nullable JsonNode got,
            @Nullable Double want,
            boolean pace,
            boolean fives,
            String prose) {
        boolean stated = got != null && !got.isNull();
        if (want == null) {
            if (stated) {
                b.add("calc_wrong", field + " is open-ended in this model and must be null or absent");
            }
            return;
        }
        if (got == null || !got.isNumber()) { // absent, null or not a number
            b.add("calc_fields", field + " must be a number");
            return;
        }
        if (pace) {
            PaceAnswerChecker.compareTime(b, "result." + field, got.asDouble(), want);
            PaceAnswerChecker.proseClock(b, prose, got.asDouble());
        } else {
            compareBpm(b, "result." + field, got.asDouble(), want, fives);
            long n = Math.round(got.asDouble());
            if (!Pattern.compile("(?<!\\d)" + n + "(?!\\d)").matcher(prose).find()) {
                b.add("prose_mismatch", "the answer text does not state " + field + " (" + n + " bpm)");
            }
        }
    }

    private static void compareBpm(CheckResult.Builder b, String field, double got, double want, boolean fives) {
        double tolerance = fives ? 2 : 1;
        if (Math.abs(got - want) > tolerance + 1e-9) {
            b.add(
                    "calc_wrong",
                    String.format(Locale.ROOT, "%s is %.0f bpm, the calculator gives %.0f bpm", field, got, want));
        }
    }

    private static boolean allMultiplesOfFive(JsonNode zones, String low, String high) {
        for (JsonNode z : zones) {
            for (String f : new String[] {low, high}) {
                JsonNode v = z.get(f);
                if (v != null && v.isNumber() && Math.round(v.asDouble()) % 5 != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String text(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("calculation field '" + field + "' must be text");
        }
        return v.asText().toLowerCase(Locale.ROOT);
    }
}
