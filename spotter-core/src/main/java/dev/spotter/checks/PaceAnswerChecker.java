package dev.spotter.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.spotter.checks.PaceCalculator.DistanceUnit;
import dev.spotter.checks.PaceCalculator.SpeedUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Verifies a pace/distance calculation answer ({@code pace-calculation.schema.json}): recomputes
 * {@code calculation.result} from {@code calculation.inputs} with {@link PaceCalculator} and rejects wrong
 * arithmetic. The prose must state the main result as the answer computes it (a clock time for times and paces,
 * one decimal for speeds), so the text a runner reads is the number that was checked.
 *
 * <p>Tolerances reflect rounding in a human answer, not model slack: times and paces ±max(1.5 s, 0.3%), speeds and
 * distances ±max(0.05, 0.5%), heart rates ±1 bpm (±2 when every stated bound is a multiple of 5). Input/result
 * fields per type are listed in the schema's description and {@code docs/areas/generate.md}; heart-rate zones,
 * training paces and negative splits are checked by {@link ZoneAnswers}.
 */
public final class PaceAnswerChecker {
    private final Schema schema;

    private PaceAnswerChecker(Schema schema) {
        this.schema = schema;
    }

    public static PaceAnswerChecker create() {
        return new PaceAnswerChecker(Schemas.load("pace-calculation.schema.json"));
    }

    public CheckResult check(String answerJson) {
        Schemas.Parsed parsed = Schemas.parseObject(answerJson);
        return parsed.node() == null ? parsed.failure() : check(parsed.node());
    }

    /**
     * As {@link #check(String)}, and the answer is the calculation the slot asked for: {@code calc_type} equals the
     * slot's {@code calc_type} attribute, and a slot's {@code units} (miles / kilometres) appear among the
     * calculation's units (heart-rate zone types have none).
     */
    public CheckResult check(String answerJson, java.util.Map<String, String> slot) {
        Schemas.Parsed parsed = Schemas.parseObject(answerJson);
        if (parsed.node() == null) {
            return parsed.failure();
        }
        CheckResult r = check(parsed.node());
        if (r.violations().stream().anyMatch(v -> v.code().equals("schema"))) {
            return r;
        }
        CheckResult.Builder b = new CheckResult.Builder();
        JsonNode calc = parsed.node().path("calculation");
        String type = calc.path("type").asText();
        String wantType = slot.get("calc_type");
        if (wantType != null && !wantType.equals(type)) {
            b.add("calc_type", "the slot asks for a " + wantType + " calculation, the answer is " + type);
        }
        String units = slot.get("units");
        if (units != null && !type.startsWith("hr_zones")) {
            java.util.Set<String> used = new java.util.HashSet<>();
            for (JsonNode part : new JsonNode[] {calc.path("inputs"), calc.path("result")}) {
                part.properties().forEach(e -> {
                    if (e.getValue().isTextual()
                            && (e.getKey().endsWith("unit")
                                    || e.getKey().equals("from")
                                    || e.getKey().equals("to"))) {
                        used.add(e.getValue().asText().toLowerCase(Locale.ROOT));
                    }
                });
            }
            boolean miles = units.toLowerCase(Locale.ROOT).startsWith("mi");
            boolean ok =
                    miles ? used.contains("mi") || used.contains("mph") : used.contains("km") || used.contains("kmh");
            if (!ok) {
                b.add("calc_units", "the runner uses " + units + " but the calculation's units are " + used);
            }
        }
        return r.and(b.build());
    }

    public CheckResult check(JsonNode answer) {
        return recompute(answer).result();
    }

    /**
     * One number of the answer next to the calculator's: {@code seconds} for times and paces (shown as a clock), else
     * a speed, distance or converted value.
     */
    public record Field(String name, double model, double spotter, boolean seconds, boolean ok) {}

    /**
     * The check with its working shown: every result field the calculator recomputed, the model's value beside
     * Spotter's, for the review page. {@code type} is empty when the answer does not pass the schema.
     */
    public record Recomputation(String type, List<Field> fields, CheckResult result) {
        public Recomputation {
            fields = List.copyOf(fields);
        }
    }

    /** As {@link #check(JsonNode)}, keeping each compared field. */
    public Recomputation recompute(String answerJson) {
        Schemas.Parsed parsed = Schemas.parseObject(answerJson);
        return parsed.node() == null ? new Recomputation("", List.of(), parsed.failure()) : recompute(parsed.node());
    }

    /** As {@link #check(JsonNode)}, keeping each compared field. */
    public Recomputation recompute(JsonNode answer) {
        CheckResult s = Schemas.validate(schema, answer);
        if (!s.ok()) {
            return new Recomputation("", List.of(), s);
        }
        List<Field> fields = new ArrayList<>();
        JsonNode calc = answer.path("calculation");
        JsonNode in = calc.path("inputs");
        JsonNode out = calc.path("result");
        String type = calc.path("type").asText();
        String prose = answer.path("answer").asText();
        CheckResult.Builder b = new CheckResult.Builder();
        try {
            switch (type) {
                case "pace_to_speed" -> {
                    double want = PaceCalculator.speed(
                            num(in, "pace_seconds"), dist(in, "pace_unit"), speed(out, "speed_unit"));
                    compareValue(b, fields, "result.speed", num(out, "speed"), want);
                    proseSpeed(b, prose, num(out, "speed"));
                }
                case "speed_to_pace" -> {
                    double want =
                            PaceCalculator.pace(num(in, "speed"), speed(in, "speed_unit"), dist(out, "pace_unit"));
                    compareTime(b, fields, "result.pace_seconds", num(out, "pace_seconds"), want);
                    proseClock(b, prose, num(out, "pace_seconds"));
                }
                case "finish_time" -> {
                    double want = PaceCalculator.finishTime(
                            num(in, "distance"),
                            dist(in, "distance_unit"),
                            num(in, "pace_seconds"),
                            dist(in, "pace_unit"));
                    compareTime(b, fields, "result.time_seconds", num(out, "time_seconds"), want);
                    proseClock(b, prose, num(out, "time_seconds"));
                }
                case "required_pace" -> {
                    double want = PaceCalculator.requiredPace(
                            num(in, "distance"),
                            dist(in, "distance_unit"),
                            num(in, "time_seconds"),
                            dist(out, "pace_unit"));
                    compareTime(b, fields, "result.pace_seconds", num(out, "pace_seconds"), want);
                    proseClock(b, prose, num(out, "pace_seconds"));
                }
                case "splits" -> {
                    double[] want = PaceCalculator.cumulativeSplits(
                            num(in, "distance"),
                            dist(in, "distance_unit"),
                            num(in, "time_seconds"),
                            num(in, "split_distance"),
                            dist(in, "split_unit"));
                    JsonNode got = out.path("cumulative_seconds");
                    if (!got.isArray()) {
                        b.add("calc_fields", "result.cumulative_seconds must be an array of numbers");
                    } else if (got.size() != want.length) {
                        b.add(
                                "calc_wrong",
                                "result.cumulative_seconds has " + got.size() + " splits, expected " + want.length);
                    } else {
                        for (int i = 0; i < want.length; i++) {
                            compareTime(
                                    b,
                                    fields,
                                    "result.cumulative_seconds[" + i + "]",
                                    got.get(i).asDouble(),
                                    want[i]);
                        }
                    }
                    double perSplit = want[0];
                    compareTime(b, fields, "result.split_seconds", num(out, "split_seconds"), perSplit);
                    proseClock(b, prose, num(out, "split_seconds"));
                }
                case "race_prediction" -> {
                    double k = in.has("exponent") ? num(in, "exponent") : PaceCalculator.RIEGEL_EXPONENT;
                    if (Math.abs(k - PaceCalculator.RIEGEL_EXPONENT) > 1e-9) {
                        b.add("calc_model", "race_prediction must use Riegel's exponent 1.06, was " + k);
                    }
                    double want = PaceCalculator.riegel(
                            num(in, "time_seconds"),
                            PaceCalculator.toMeters(num(in, "distance"), dist(in, "distance_unit")),
                            PaceCalculator.toMeters(num(in, "target_distance"), dist(in, "target_unit")),
                            k);
                    compareTime(b, fields, "result.time_seconds", num(out, "time_seconds"), want);
                    proseClock(b, prose, num(out, "time_seconds"));
                }
                case "unit_conversion" -> {
                    double want = PaceCalculator.convert(num(in, "value"), dist(in, "from"), dist(in, "to"));
                    compareValue(b, fields, "result.value", num(out, "value"), want);
                }
                case "hr_zones_max", "hr_zones_hrr", "hr_zones_lthr", "training_paces" ->
                    ZoneAnswers.check(type, in, out, prose, b);
                case "negative_splits" -> ZoneAnswers.negativeSplits(in, out, prose, b);
                default -> b.add("calc_fields", "unknown calculation type " + type);
            }
        } catch (IllegalArgumentException e) {
            b.add("calc_fields", String.valueOf(e.getMessage()));
        }
        return new Recomputation(type, fields, b.build());
    }

    static double num(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("calculation field '" + field + "' must be a number");
        }
        return v.asDouble();
    }

    static DistanceUnit dist(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("calculation field '" + field + "' must be a unit (mi, km, m)");
        }
        return DistanceUnit.parse(v.asText());
    }

    private static SpeedUnit speed(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("calculation field '" + field + "' must be mph or kmh");
        }
        return SpeedUnit.parse(v.asText());
    }

    /** A time result within 1.5 s or 0.3 %; NaN (an unreadable number) fails. */
    static void compareTime(CheckResult.Builder b, String field, double got, double want) {
        compareTime(b, new ArrayList<>(), field, got, want);
    }

    static void compareTime(CheckResult.Builder b, List<Field> fields, String field, double got, double want) {
        boolean ok = Math.abs(got - want) <= Math.max(1.5, want * 0.003);
        fields.add(new Field(field, got, want, true, ok));
        if (!ok) {
            b.add(
                    "calc_wrong",
                    String.format(
                            Locale.ROOT,
                            "%s is %.1f s (%s), the calculator gives %.1f s (%s)",
                            field,
                            got,
                            PaceCalculator.clock(got),
                            want,
                            PaceCalculator.clock(want)));
        }
    }

    /** A value result within 0.05 or 0.5 %; NaN (an unreadable number) fails. */
    static void compareValue(CheckResult.Builder b, String field, double got, double want) {
        compareValue(b, new ArrayList<>(), field, got, want);
    }

    static void compareValue(CheckResult.Builder b, List<Field> fields, String field, double got, double want) {
        boolean ok = Math.abs(got - want) <= Math.max(0.05, Math.abs(want) * 0.005);
        fields.add(new Field(field, got, want, false, ok));
        if (!ok) {
            b.add("calc_wrong", String.format(Locale.ROOT, "%s is %.3f, the calculator gives %.3f", field, got, want));
        }
    }

    static void proseClock(CheckResult.Builder b, String prose, double seconds) {
        String exact = PaceCalculator.clock(seconds);
        String down = PaceCalculator.clock(Math.floor(seconds));
        String up = PaceCalculator.clock(Math.ceil(seconds));
        if (!(prose.contains(exact) || prose.contains(down) || prose.contains(up))) {
            b.add("prose_mismatch", "the answer text does not state the result " + exact);
        }
    }

    private static void proseSpeed(CheckResult.Builder b, String prose, double speed) {
        String one = String.format(Locale.ROOT, "%.1f", speed);
        String two = String.format(Locale.ROOT, "%.2f", speed);
        if (!(prose.contains(one) || prose.contains(two))) {
            b.add("prose_mismatch", "the answer text does not state the speed " + one);
        }
    }
}
