package dev.spotter.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Valid answers for the bundled schemas and the clinical rules, for tests and the fake LLM server (other areas
 * reuse them, e.g. to fake a fine-tuned model in evaluation tests). Each method returns a fresh mutable node so a
 * test can break one field. The escalation triggers list a sign for every region of the bundled plans, so a
 * sample passes the region safety net whatever the scenario's region.
 */
public final class SampleAnswers {
    private static final ObjectMapper M = new ObjectMapper();

    private SampleAnswers() {}

    /** A valid injury analysis of the given assessment type: injury, doms, red_flag (cauda equina) or unclear. */
    public static ObjectNode injury(String type) {
        return switch (type) {
            case "red_flag" -> redFlag("cauda_equina");
            case "doms" -> doms();
            case "unclear" -> unclear();
            default -> plainInjury();
        };
    }

    private static ObjectNode plainInjury() {
        ObjectNode a = base(
                "injury",
                "Sharp anterior shoulder pain on pressing, worse overhead: most consistent with a rotator cuff tendinopathy.");
        a.putObject("confidence")
                .put("level", "moderate")
                .put("score", 0.6)
                .put(
                        "justification",
                        "Pattern matches the typical presentation, but this is from your description only, without an"
                                + " examination.");
        ArrayNode dd = a.putArray("differential_diagnoses");
        diff(dd, "Rotator cuff tendinopathy", 0.6);
        diff(dd, "Subacromial impingement", 0.25);
        ArrayNode mods = a.putArray("exercise_modifications");
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
        loads(a, 40, 30, "Same number of sessions, upper body twice a week", 2, null);
        timeline(a, "Pain lower than at the start", "Reduce load another 20% and reassess");
        escalation(a, "if_not_improving", "sports physiotherapist");
        return a;
    }

    /** A valid DOMS answer (classic picture, rhabdomyolysis triggers listed). */
    public static ObjectNode doms() {
        ObjectNode a = base(
                "doms",
                "Diffuse, symmetric soreness 24-48 h after a new high-volume session: a textbook case of DOMS, not an injury.");
        a.putObject("confidence")
                .put("level", "high")
                .put("score", 0.85)
                .put("justification", "Timing, symmetry and diffuse location all fit delayed-onset muscle soreness.");
        ArrayNode dd = a.putArray("differential_diagnoses");
        diff(dd, "Delayed onset muscle soreness (DOMS)", 0.8);
        ObjectNode strain = diff(dd, "Muscle strain", 0.1);
        strain.putArray("against_evidence").add("no sudden onset, no pinpoint pain, both sides");
        a.putArray("exercise_modifications")
                .addObject()
                .put("exercise", "Squat")
                .put("action", "continue")
                .put("load_percent", 70)
                .put("sets", 3)
                .put("reps", "8-10")
                .put("rationale", "Light movement speeds recovery from soreness.");
        loads(a, 20, 10, "Same number of sessions", 1, null);
        timeline(a, "Soreness mostly gone", "Check in with a physiotherapist if it is getting worse");
        escalation(a, "if_not_improving", "sports physiotherapist");
        return a;
    }

    /** A valid unclear answer (first answer of a conversation or an ambiguous single turn). */
    public static ObjectNode unclear() {
        ObjectNode a = base(
                "unclear",
                "Knee pain after squats with no clear mechanism; several causes fit, more information is needed.");
        a.putObject("confidence")
                .put("level", "low")
                .put("score", 0.4)
                .put(
                        "justification",
                        "From your description only, without an examination; the exact location and what provokes"
                                + " it would change this.");
        ArrayNode dd = a.putArray("differential_diagnoses");
        diff(dd, "Patellofemoral pain syndrome", 0.35);
        diff(dd, "Patellar tendinopathy", 0.3);
        diff(dd, "Meniscus irritation", 0.2);
        a.putArray("exercise_modifications")
                .addObject()
                .put("exercise", "Back squat")
                .put("action", "reduce")
                .put("load_percent", 60)
                .put("sets", 3)
                .put("reps", "6-8")
                .put("rationale", "A lighter squat keeps you training while the picture becomes clearer.");
        loads(a, 30, 20, "Same number of sessions", 2, null);
        timeline(a, "Pain lower than at the start", "Book an examination with a physiotherapist");
        escalation(a, "if_not_improving", "sports physiotherapist");
        a.putArray("follow_up_questions")
                .add("Did the pain start during a specific rep?")
                .add("Is there swelling, locking or does the knee give way?")
                .add("Do you have numbness, or pain at one spot on the bone?");
        return a;
    }

    /** A valid red-flag answer for a flag of {@code clinical-rules.yaml}. */
    public static ObjectNode redFlag(String id) {
        ClinicalRules.RedFlag f = ClinicalRules.get().redFlag(id).orElseThrow();
        boolean emergency = f.urgency() == Urgency.EMERGENCY;
        String first = emergency
                ? "Call your emergency number (999 in the UK, 112 in the EU, 911 in the US) or go to the emergency"
                        + " department now."
                : "See a doctor today, at urgent care or an urgent GP appointment.";
        ObjectNode a = base(
                "red_flag",
                first + " From a message I cannot rule out " + f.name() + "; only an examination and tests can.");
        a.putObject("confidence")
                .put("level", "moderate")
                .put("score", 0.5)
                .put(
                        "justification",
                        "From your description only, " + f.name() + " cannot be ruled out without an examination and"
                                + " tests; the need to be seen is not in doubt.");
        ArrayNode dd = a.putArray("differential_diagnoses");
        diff(dd, capitalise(f.serious().getFirst()) + " (" + f.name() + ")", 0.5);
        diff(dd, "A less serious explanation, only once this is excluded", 0.35);
        ArrayNode mods = a.putArray("exercise_modifications");
        stop(
                mods,
                f.scope() == ClinicalRules.Scope.WHOLE_BODY
                        ? "All training and exercise"
                        : "Training of the affected area");
        if (f.scope() == ClinicalRules.Scope.LOCAL) {
            stop(mods, "Any other training session before the assessment");
        }
        loads(a, 100, 100, "none until cleared", 0, "Only once a clinician has assessed you and cleared you to train.");
        timeline(
                a,
                "You have been assessed and are following the clinician's plan",
                "Contact the clinician or emergency services");
        ObjectNode esc = escalation(a, f.urgency().wireName(), f.clinician());
        esc.put("scope", f.scope().wireName()).put("red_flag_id", f.id());
        ArrayNode steps = esc.putArray("immediate_actions").add(capitalise(f.immediateSteps()) + ".");
        if (f.noDrive()) {
            steps.add("Do not drive yourself.");
        }
        return a;
    }

    /** A valid examine-first answer for a trigger that does not route to a red flag. */
    public static ObjectNode examineFirst(String id) {
        ClinicalRules.ExamineFirst ef = ClinicalRules.get().examineFirst(id).orElseThrow();
        ObjectNode a = base(
                "injury",
                "This needs to be examined before you load it again; until then, protect it and keep the rest of your"
                        + " training going.");
        a.putObject("confidence")
                .put("level", "moderate")
                .put("score", 0.5)
                .put("justification", "From your description only, without an examination; imaging may be needed.");
        ArrayNode dd = a.putArray("differential_diagnoses");
        String structural = ef.structural().isEmpty()
                ? "structural injury"
                : ef.structural().getFirst();
        diff(dd, capitalise(structural) + " (suspected)", 0.45);
        diff(dd, "A milder strain or irritation", 0.35);
        ArrayNode mods = a.putArray("exercise_modifications");
        stop(mods, "All loading of the affected area");
        mods.addObject()
                .put("exercise", "Gentle range of motion")
                .put("action", "substitute")
                .put("substitute", "gentle pain-free range-of-motion work")
                .put("load_percent", 0)
                .put("sets", 2)
                .put("reps", "10")
                .put("rationale", "Keeps it moving, pain-free only, nothing loaded.");
        loads(a, 60, 60, "Unaffected areas as usual", 1, "Only after it has been examined.");
        timeline(a, "Examined by now; following the examining clinician's plan", "Ask the clinician for a review");
        escalation(a, ef.urgency().wireName(), "sports medicine physician");
        return a;
    }

    private static ObjectNode base(String type, String summary) {
        ObjectNode a = M.createObjectNode();
        a.put("assessment_type", type);
        a.put("summary", summary);
        ArrayNode chain = a.putArray("reasoning_chain");
        for (int i = 1; i <= 3; i++) {
            chain.addObject()
                    .put("step", i)
                    .put("observation", "Observation number " + i + " from the report")
                    .put("inference", "What observation " + i + " suggests about the tissue involved");
        }
        return a;
    }

    private static void loads(
            ObjectNode a, int volume, int intensity, String frequency, int weeks, @Nullable String ret) {
        ObjectNode l = a.putObject("load_management")
                .put("volume_reduction_percent", volume)
                .put("intensity_reduction_percent", intensity)
                .put("frequency", frequency)
                .put("duration_weeks", weeks);
        if (ret != null) {
            l.put("return_criteria", ret);
        }
    }

    private static void timeline(ObjectNode a, String expected, String ifNot) {
        ArrayNode tl = a.putArray("recovery_timeline");
        for (String cp : new String[] {"day_3", "day_7", "week_2", "week_4"}) {
            tl.addObject()
                    .put("checkpoint", cp)
                    .put("expected_progress", expected)
                    .put("if_not_improved", ifNot);
        }
    }

    private static ObjectNode escalation(ObjectNode a, String see, String clinician) {
        ObjectNode esc = a.putObject("escalation");
        esc.put("see_clinician", see);
        esc.put("clinician_type", clinician);
        esc.putArray("triggers")
                .add("Numbness between the legs, a bladder or bowel change, weakness in both legs or a foot drop:"
                        + " emergency department now")
                .add("Chest pressure or breathlessness, pain spreading to the arm or jaw, dizziness or double vision:"
                        + " call your emergency number")
                .add("Swelling within 2 hours of a pop, locking or giving way, or being unable to take 4 steps: get it"
                        + " examined within a week")
                .add("Fever with a hot swollen joint, groin pain on hopping or a limp, or one spot on the bone that"
                        + " hurts: see a doctor within 24 hours")
                .add("Dark cola-coloured urine, marked swelling, or being unable to straighten or bend the limb:"
                        + " emergency department now")
                .add("Vomiting, confusion or a worsening headache after a knock to the head: emergency department now");
        return esc;
    }

    private static void stop(ArrayNode mods, String what) {
        mods.addObject()
                .put("exercise", what)
                .put("action", "stop")
                .put("load_percent", 0)
                .put("sets", 0)
                .put("reps", "0")
                .put("rationale", "Nothing is loaded until a clinician has assessed you.");
    }

    private static ObjectNode diff(ArrayNode dd, String name, double p) {
        ObjectNode d = dd.addObject().put("condition", name).put("probability", p);
        d.putArray("supporting_evidence").add("onset and location fit");
        return d;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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

    /**
     * A correct answer of any calculation type in the runner's units ("miles" or "kilometres"); the numbers come
     * from the calculators, the prose states them.
     */
    public static ObjectNode pace(String type, String units) {
        boolean mi = units.toLowerCase(Locale.ROOT).startsWith("mi");
        String u = mi ? "mi" : "km";
        ObjectNode a = M.createObjectNode();
        ObjectNode c = a.putObject("calculation").put("type", type);
        ObjectNode in = c.putObject("inputs");
        ObjectNode out = c.putObject("result");
        PaceCalculator.DistanceUnit du = PaceCalculator.DistanceUnit.parse(u);
        String prose;
        switch (type) {
            case "pace_to_speed" -> {
                double pace = mi ? 480 : 300;
                String su = mi ? "mph" : "kmh";
                double v = PaceCalculator.speed(pace, du, PaceCalculator.SpeedUnit.parse(su));
                in.put("pace_seconds", pace).put("pace_unit", u);
                out.put("speed", v).put("speed_unit", su);
                prose = String.format(
                        Locale.ROOT,
                        "Set the treadmill to %.1f %s for %s per %s.",
                        v,
                        su,
                        PaceCalculator.clock(pace),
                        u);
            }
            case "speed_to_pace" -> {
                double v = mi ? 10 : 12;
                String su = mi ? "mph" : "kmh";
                double pace = PaceCalculator.pace(v, PaceCalculator.SpeedUnit.parse(su), du);
                in.put("speed", v).put("speed_unit", su);
                out.put("pace_seconds", pace).put("pace_unit", u);
                prose = "That speed is " + PaceCalculator.clock(pace) + " per " + u + ".";
            }
            case "finish_time" -> {
                return paceFinishTime(mi ? 3 : 5, u, mi ? 480 : 300, u);
            }
            case "required_pace" -> {
                double d = mi ? 3 : 10;
                double t = mi ? 1440 : 3000;
                double pace = PaceCalculator.requiredPace(d, du, t, du);
                in.put("distance", d).put("distance_unit", u).put("time_seconds", t);
                out.put("pace_seconds", pace).put("pace_unit", u);
                prose = "You need " + PaceCalculator.clock(pace) + " per " + u + " to finish in "
                        + PaceCalculator.clock(t) + ".";
            }
            case "splits" -> {
                double d = mi ? 3 : 5;
                double t = mi ? 1440 : 1500;
                double[] cum = PaceCalculator.cumulativeSplits(d, du, t, 1, du);
                in.put("distance", d)
                        .put("distance_unit", u)
                        .put("time_seconds", t)
                        .put("split_distance", 1)
                        .put("split_unit", u);
                out.put("split_seconds", cum[0]);
                ArrayNode arr = out.putArray("cumulative_seconds");
                for (double x : cum) {
                    arr.add(x);
                }
                prose = "Even splits are " + PaceCalculator.clock(cum[0]) + " per " + u + ".";
            }
            case "race_prediction" -> {
                return mi ? paceRacePrediction(1, "mi", 420, 3, "mi") : paceRacePrediction(5, "km", 1500, 10, "km");
            }
            case "unit_conversion" -> {
                String from = mi ? "km" : "mi";
                double v = mi ? 10 : 26.2;
                double got = PaceCalculator.convert(v, PaceCalculator.DistanceUnit.parse(from), du);
                in.put("value", v).put("from", from).put("to", u);
                out.put("value", got);
                prose = String.format(Locale.ROOT, "%s %s is %.2f %s.", trim(v), from, got, u);
            }
            case "hr_zones_max", "hr_zones_hrr" -> {
                boolean hrr = type.equals("hr_zones_hrr");
                in.put("age", 40).put("hr_max_method", "fox");
                if (hrr) {
                    in.put("hr_rest", 60);
                }
                double max = TrainingZones.hrMax("fox", 40, null);
                out.put("hr_max", max);
                prose = zones(
                                out,
                                hrr ? TrainingZones.heartRateReserve(max, 60) : TrainingZones.percentOfMax(max),
                                false)
                        + " 220 minus your age is only an estimate of your maximum (often 10-12 bpm off), so check"
                        + " the effort with RPE and the talk test.";
            }
            case "hr_zones_lthr" -> {
                in.put("lthr", 165);
                prose = zones(out, TrainingZones.lactateThreshold(165), false);
            }
            case "training_paces" -> {
                double thr = mi ? 480 : 300;
                in.put("threshold_pace_seconds", thr).put("pace_unit", u);
                prose = zones(out, TrainingZones.paceZones(thr), true) + " (per " + u + ")";
            }
            case "negative_splits" -> {
                double d = mi ? 10 : 10;
                double t = mi ? 4800 : 3000;
                double diff = mi ? 120 : 60;
                double[] halves = PaceCalculator.negativeSplit(t, diff);
                in.put("distance", d)
                        .put("distance_unit", u)
                        .put("time_seconds", t)
                        .put("difference_seconds", diff)
                        .put("pace_unit", u);
                out.put("first_half_seconds", halves[0])
                        .put("second_half_seconds", halves[1])
                        .put("first_half_pace_seconds", PaceCalculator.requiredPace(d / 2, du, halves[0], du))
                        .put("second_half_pace_seconds", PaceCalculator.requiredPace(d / 2, du, halves[1], du));
                prose = "Run the first half in " + PaceCalculator.clock(halves[0]) + " and the second in "
                        + PaceCalculator.clock(halves[1]) + ".";
            }
            default -> throw new IllegalArgumentException("unknown calculation type " + type);
        }
        a.put("answer", prose + " Start the first minutes easy and let the effort build.");
        a.set("calculation", a.remove("calculation"));
        return a;
    }

    private static String zones(ObjectNode out, java.util.List<TrainingZones.Zone> zones, boolean pace) {
        ArrayNode arr = out.putArray("zones");
        StringBuilder sb = new StringBuilder("Your zones:");
        for (TrainingZones.Zone z : zones) {
            ObjectNode o = arr.addObject().put("zone", z.zone());
            String lo = pace ? "slow_seconds" : "low_bpm";
            String hi = pace ? "fast_seconds" : "high_bpm";
            if (z.low() != null) {
                o.put(lo, z.low());
            }
            if (z.high() != null) {
                o.put(hi, z.high());
            }
            sb.append(" zone ").append(z.zone()).append(' ');
            sb.append(z.low() == null ? "under" : show(z.low(), pace));
            sb.append(z.low() != null && z.high() != null ? "-" : " ");
            sb.append(z.high() == null ? "and over" : show(z.high(), pace));
            sb.append(pace ? ";" : " bpm;");
        }
        return sb.toString();
    }

    private static String show(double v, boolean pace) {
        return pace ? PaceCalculator.clock(v) : Long.toString(Math.round(v));
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
