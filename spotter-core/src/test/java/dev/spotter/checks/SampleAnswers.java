package dev.spotter.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Valid answers for the bundled schemas, for tests and the fake LLM server (other areas may reuse them, e.g. to
 * fake a fine-tuned model in evaluation tests). Each method returns a fresh mutable node so a test can break one
 * field.
 */
public final class SampleAnswers {
    private static final ObjectMapper M = new ObjectMapper();

    private SampleAnswers() {}

    /** A valid injury analysis of the given assessment type: injury, doms, red_flag or unclear. */
    public static ObjectNode injury(String type) {
        ObjectNode a = M.createObjectNode();
        a.put("assessment_type", type);
        a.put(
                "summary",
                switch (type) {
                    case "doms" ->
                        "Diffuse, symmetric soreness 24-48 h after a new high-volume session: a textbook case of DOMS, not an injury.";
                    case "red_flag" ->
                        "Back pain with numbness in the groin and new bladder changes can signal nerve compression: stop and get seen today.";
                    case "unclear" ->
                        "Knee pain after squats with no clear mechanism; several causes fit, more information is needed.";
                    default ->
                        "Sharp anterior shoulder pain on pressing, worse overhead: most consistent with a rotator cuff tendinopathy.";
                });
        ArrayNode chain = a.putArray("reasoning_chain");
        for (int i = 1; i <= 3; i++) {
            chain.addObject()
                    .put("step", i)
                    .put("observation", "Observation number " + i + " from the report")
                    .put("inference", "What observation " + i + " suggests about the tissue involved");
        }
        boolean unclear = type.equals("unclear");
        a.putObject("confidence")
                .put("level", unclear ? "low" : "moderate")
                .put("score", unclear ? 0.4 : 0.7)
                .put("justification", "Pattern matches the typical presentation, but no physical exam was possible.");
        ArrayNode dd = a.putArray("differential_diagnoses");
        switch (type) {
            case "doms" -> {
                diff(dd, "Delayed onset muscle soreness (DOMS)", 0.8);
                diff(dd, "Muscle strain", 0.1);
            }
            case "red_flag" -> {
                diff(dd, "Cauda equina syndrome", 0.4);
                diff(dd, "Lumbar disc herniation with radiculopathy", 0.4);
            }
            case "unclear" -> {
                diff(dd, "Patellofemoral pain syndrome", 0.35);
                diff(dd, "Patellar tendinopathy", 0.3);
                diff(dd, "Meniscus irritation", 0.15);
            }
            default -> {
                diff(dd, "Rotator cuff tendinopathy", 0.6);
                diff(dd, "Subacromial impingement", 0.25);
            }
        }
        ArrayNode mods = a.putArray("exercise_modifications");
        switch (type) {
            case "red_flag" ->
                mods.addObject()
                        .put("exercise", "All training")
                        .put("action", "stop")
                        .put("load_percent", 0)
                        .put("sets", 0)
                        .put("reps", "0")
                        .put("rationale", "Nothing should load the spine until a clinician has assessed you.");
            case "doms" ->
                mods.addObject()
                        .put("exercise", "Squat")
                        .put("action", "continue")
                        .put("load_percent", 70)
                        .put("sets", 3)
                        .put("reps", "8-10")
                        .put("rationale", "Light movement speeds recovery from soreness.");
            default -> {
                mods.addObject()
                        .put("exercise", "Barbell bench press")
                        .put("action", "reduce")
                        .put("load_percent", 60)
                        .put("sets", 3)
                        .put("reps", "8-10")
                        .put("rationale", "Keep pain at or below 3/10 while the tendon settles.");
                mods.addObject()
                        .put("exercise", "Overhead press")
                        .put("action", "substitute")
                        .put("substitute", "Landmine press")
                        .put("load_percent", 50)
                        .put("sets", 3)
                        .put("reps", "10-12")
                        .put("rationale", "Avoids the painful overhead position.");
            }
        }
        a.putObject("load_management")
                .put("volume_reduction_percent", type.equals("doms") ? 20 : 40)
                .put("intensity_reduction_percent", type.equals("doms") ? 10 : 30)
                .put("frequency", "Same number of sessions, upper body twice a week")
                .put("duration_weeks", 2);
        ArrayNode tl = a.putArray("recovery_timeline");
        for (String cp : new String[] {"day_3", "day_7", "week_2", "week_4"}) {
            tl.addObject()
                    .put("checkpoint", cp)
                    .put("expected_progress", "Pain lower than at the start")
                    .put("if_not_improved", "Reduce load another 20% and reassess");
        }
        ObjectNode esc = a.putObject("escalation");
        esc.put(
                "see_clinician",
                switch (type) {
                    case "red_flag" -> "emergency";
                    case "doms" -> "if_not_improving";
                    default -> "if_not_improving";
                });
        esc.put("clinician_type", "sports physiotherapist");
        esc.putArray("triggers").add("Night pain that wakes you").add("Numbness, tingling or weakness");
        if (unclear) {
            a.putArray("follow_up_questions")
                    .add("Did the pain start during a specific rep?")
                    .add("Is there swelling?");
        }
        return a;
    }

    private static void diff(ArrayNode dd, String name, double p) {
        ObjectNode d = dd.addObject().put("condition", name).put("probability", p);
        d.putArray("supporting_evidence").add("onset and location fit");
    }

    /** A correct finish-time calculation: distance at pace, with the prose stating the result. */
    public static ObjectNode paceFinishTime(double distance, String unit, double paceSeconds, String paceUnit) {
        double t = PaceCalculator.finishTime(
                distance,
                PaceCalculator.DistanceUnit.parse(unit),
                paceSeconds,
                PaceCalculator.DistanceUnit.parse(paceUnit));
        ObjectNode a = M.createObjectNode();
        a.put(
                "answer",
                String.format(
                        Locale.ROOT,
                        "At %s per %s, %s %s takes %s. Keep the first mile controlled.",
                        PaceCalculator.clock(paceSeconds),
                        paceUnit,
                        trim(distance),
                        unit,
                        PaceCalculator.clock(t)));
        ObjectNode c = a.putObject("calculation").put("type", "finish_time");
        c.putObject("inputs")
                .put("distance", distance)
                .put("distance_unit", unit)
                .put("pace_seconds", paceSeconds)
                .put("pace_unit", paceUnit);
        c.putObject("result").put("time_seconds", Math.round(t));
        return a;
    }

    /** A correct Riegel race prediction. */
    public static ObjectNode paceRacePrediction(double d1, String u1, double t1, double d2, String u2) {
        double t = PaceCalculator.riegel(
                t1,
                PaceCalculator.toMeters(d1, PaceCalculator.DistanceUnit.parse(u1)),
                PaceCalculator.toMeters(d2, PaceCalculator.DistanceUnit.parse(u2)),
                PaceCalculator.RIEGEL_EXPONENT);
        ObjectNode a = M.createObjectNode();
        a.put(
                "answer",
                String.format(
                        Locale.ROOT,
                        "Using Riegel's formula, a %s in %s predicts about %s for %s %s.",
                        trim(d1) + " " + u1,
                        PaceCalculator.clock(t1),
                        PaceCalculator.clock(t),
                        trim(d2),
                        u2));
        ObjectNode c = a.putObject("calculation").put("type", "race_prediction");
        c.putObject("inputs")
                .put("distance", d1)
                .put("distance_unit", u1)
                .put("time_seconds", t1)
                .put("target_distance", d2)
                .put("target_unit", u2)
                .put("exponent", 1.06);
        c.putObject("result").put("time_seconds", Math.round(t));
        return a;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
