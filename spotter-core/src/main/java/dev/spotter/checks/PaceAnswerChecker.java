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
 * distances ±max(0.05, 0.5%). Input/result fields per type are listed in the schema's description and
 * {@code docs/areas/generate.md}.
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
                default -> b.add("calc_fields", "unknown calculation type " + type);
            }
        } catch (IllegalArgumentException e) {
            b.add("calc_fields", e.getMessage());
        }
        return new Recomputation(type, fields, b.build());
    }

    private static double num(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("calculation field '" + field + "' must be a number");
        }
        return v.asDouble();
    }

    private static DistanceUnit dist(JsonNode obj, String field) {
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

    private static void compareTime(CheckResult.Builder b, List<Field> fields, String field, double got, double want) {
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

    private static void compareValue(CheckResult.Builder b, List<Field> fields, String field, double got, double want) {
        boolean ok = Math.abs(got - want) <= Math.max(0.05, Math.abs(want) * 0.005);
        fields.add(new Field(field, got, want, false, ok));
        if (!ok) {
            b.add("calc_wrong", String.format(Locale.ROOT, "%s is %.3f, the calculator gives %.3f", field, got, want));
        }
    }

    private static void proseClock(CheckResult.Builder b, String prose, double seconds) {
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
