package dev.spotter.checks;

import dev.spotter.checks.ClinicalRules.Context;
import dev.spotter.checks.ClinicalRules.ExamineFirst;
import dev.spotter.checks.ClinicalRules.Lookalike;
import dev.spotter.checks.ClinicalRules.RedFlag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generation side of the clinical rule set: plans that declare {@code facts: clinical} get these placeholders
 * filled from {@code clinical-rules.yaml} for each slot, so the prompt asks for exactly what the checker
 * enforces (one rule set). Every brief is written from the slot's attributes ({@code red_flag},
 * {@code examine_first}, {@code lookalike}, {@code context}, {@code picture}, {@code body_region}/{@code tendon}).
 *
 * <ul>
 *   <li>{@code {{red_flag_brief}}}: the flag's presentation, signs, urgency, scope, clinician, immediate steps,
 *       what the answer must and must not say (RF-R1..R13); "no red flag" text when none;</li>
 *   <li>{@code {{examine_first_brief}}}: the trigger and the protective-only rules, or the list of triggers the
 *       story must avoid;</li>
 *   <li>{@code {{lookalike_brief}}}: how a "looks like DOMS" conversation develops and ends;</li>
 *   <li>{@code {{context_brief}}}: what the context changes, and what not to say;</li>
 *   <li>{@code {{classic_brief}}}: whether the picture is classic (higher confidence allowed) or not;</li>
 *   <li>{@code {{safety_net_brief}}}: the region's red-flag signs one of which escalation.triggers must list.</li>
 * </ul>
 */
public final class ClinicalFacts {
    /** The name a plan gives in {@code facts:} to use these placeholders. */
    public static final String NAME = "clinical";

    private static final Set<String> PLACEHOLDERS = Set.of(
            "red_flag_brief",
            "examine_first_brief",
            "lookalike_brief",
            "context_brief",
            "classic_brief",
            "safety_net_brief");

    private ClinicalFacts() {}

    public static Set<String> placeholders() {
        return PLACEHOLDERS;
    }

    /** SHA-256 of the rule file (changes the prompt hash of plans using these facts). */
    public static String fingerprint() {
        return ClinicalRules.get().fingerprint();
    }

    /**
     * Checks a category's attribute values against the rule set: red_flag, examine_first and lookalike values
     * are known ids (or none), contexts and regions are known. Throws with the value named.
     */
    public static void validate(Map<String, List<String>> attributes, String where) {
        ClinicalRules r = ClinicalRules.get();
        check(attributes, "red_flag", v -> r.redFlag(v).isPresent(), where, "red flag id");
        check(attributes, "examine_first", v -> r.examineFirst(v).isPresent(), where, "examine-first trigger id");
        check(attributes, "lookalike", v -> r.lookalike(v).isPresent(), where, "look-alike id");
        check(attributes, "context", v -> r.context(v).isPresent(), where, "context");
        check(attributes, "body_region", v -> r.region(v).isPresent(), where, "region with a safety net");
        check(attributes, "tendon", v -> r.region(v).isPresent(), where, "region with a safety net");
    }

    private static void check(
            Map<String, List<String>> attributes,
            String name,
            java.util.function.Predicate<String> known,
            String where,
            String what) {
        for (String v : attributes.getOrDefault(name, List.of())) {
            if (!v.equalsIgnoreCase("none") && !known.test(v)) {
                throw new IllegalArgumentException(
                        where + ": " + name + " value '" + v + "' is not a " + what + " of clinical-rules.yaml");
            }
        }
    }

    /** The placeholder texts for one slot. */
    public static Map<String, String> derive(Map<String, String> attributes) {
        Scenario s = Scenario.of(Set.of(), attributes);
        ClinicalRules r = ClinicalRules.get();
        Map<String, String> out = new LinkedHashMap<>();
        out.put(
                "red_flag_brief",
                s.redFlagId()
                        .flatMap(r::redFlag)
                        .map(ClinicalFacts::redFlagBrief)
                        .orElse(NO_RED_FLAG));
        out.put("examine_first_brief", examineFirstBrief(s.attribute("examine_first")));
        out.put(
                "lookalike_brief",
                s.attribute("lookalike")
                        .flatMap(r::lookalike)
                        .map(ClinicalFacts::lookalikeBrief)
                        .orElse(""));
        out.put(
                "context_brief",
                s.attribute("context")
                        .flatMap(r::context)
                        .map(ClinicalFacts::contextBrief)
                        .orElse(""));
        out.put("classic_brief", classicBrief(s));
        out.put(
                "safety_net_brief",
                s.region()
                        .flatMap(reg -> r.region(reg)
                                .map(n -> "escalation.triggers list at least one red-flag sign for this"
                                        + " area with its urgency in words, from: " + n.signs() + "."))
                        .orElse(""));
        return out;
    }

    private static final String NO_RED_FLAG = "No red flag: the story contains none of the warning signs that need a"
            + " clinician now or today (no saddle numbness or bladder change, no chest pain or breathlessness on"
            + " exertion, no one-sided calf swelling, no dark urine, no head-injury signs, no fever with a hot joint,"
            + " no deformity, no inability to bear weight).";

    static String redFlagBrief(RedFlag f) {
        boolean wholeBody = f.scope() == ClinicalRules.Scope.WHOLE_BODY;
        StringBuilder sb = new StringBuilder();
        sb.append("Red flag: ")
                .append(f.name())
                .append(" (id ")
                .append(f.id())
                .append("). Presentation: ")
                .append(f.presentation())
                .append(". The user message contains at least one of these signs in the")
                .append(" user's own words (the user may downplay it): ")
                .append(f.signs())
                .append('.');
        if (!f.upgrade().isEmpty()) {
            sb.append(" The story contains none of the signs that would make it an emergency (")
                    .append(f.upgrade())
                    .append(").");
        }
        sb.append("\nThe answer: assessment_type \"red_flag\"; escalation.red_flag_id \"")
                .append(f.id())
                .append("\"; escalation.see_clinician \"")
                .append(f.urgency().wireName())
                .append("\" (")
                .append(urgencyWords(f.urgency()))
                .append("); escalation.scope \"")
                .append(f.scope().wireName())
                .append("\"; escalation.clinician_type \"")
                .append(f.clinician())
                .append("\"; escalation.immediate_actions: ")
                .append(f.immediateSteps());
        if (f.noDrive()) {
            sb.append("; do not drive yourself");
        }
        sb.append(".\n- The FIRST sentence of the summary says what to do and how fast, with words such as ")
                .append(
                        f.urgency() == Urgency.EMERGENCY
                                ? "\"call your local emergency number (999 in the UK, 112 in the EU, 911 in the US) or go to"
                                        + " the emergency department now\""
                                : "\"see a doctor today\", \"urgent care\" or \"an urgent GP appointment\"")
                .append(". The summary then says plainly that ")
                .append(f.name())
                .append(" cannot be ruled out from a message and what examination or test can rule it out. The")
                .append(" summary and the reasoning give no probabilities, percentages, odds, \"1 in N\", \"rare\" or")
                .append(" \"unlikely\"; a benign explanation may be named only after the instruction, never as a")
                .append(" reason to wait.");
        if (f.noDrive()) {
            sb.append(" The summary or immediate_actions say \"do not drive yourself\".");
        }
        sb.append("\n- exercise_modifications: EVERY item is action \"stop\", load_percent 0, sets 0, reps \"0\".");
        if (wholeBody) {
            sb.append(" One item is named \"All training and exercise\": stop all exercise of every kind (no light")
                    .append(" cardio, no upper-body-only session, no mobility flow, no active recovery) until a doctor")
                    .append(" has assessed and cleared them; ordinary daily activity is fine.");
        } else {
            sb.append(" No training session at all before the assessment. After it, and only if the clinician")
                    .append(" agrees: ")
                    .append(f.allowedAfter().isEmpty() ? "what the clinician allows" : f.allowedAfter())
                    .append("; never the affected area.");
        }
        sb.append("\n- load_management: volume_reduction_percent 100, intensity_reduction_percent 100, frequency")
                .append(" \"none until cleared\", duration_weeks 0, return_criteria: training restarts only once a")
                .append(" clinician has assessed and cleared them.")
                .append("\n- recovery_timeline (day_3, day_7, week_2 or later): about being assessed and following the")
                .append(
                        " clinician's plan, with no loads, percentages, sets or reps; every if_not_improved points back")
                .append(" to the clinician or emergency services.")
                .append("\n- differential_diagnoses: the serious condition FIRST (named as ")
                .append(f.serious().getFirst())
                .append(") with probability at least 0.30; no other explanation above 0.50; the rest in descending")
                .append(" order; total 0.80-0.95.")
                .append("\n- confidence: low or moderate, score at most 0.60; the justification says the assessment is")
                .append(" from the description only and what cannot be ruled out without an examination or test.");
        if (!f.upgrade().isEmpty()) {
            sb.append("\n- escalation.triggers name the signs that mean calling the emergency number (")
                    .append(f.upgrade())
                    .append(").");
        }
        sb.append("\n- follow_up_questions, if any, are \"tell the doctor ...\" or safety questions (\"is someone with")
                .append(" you?\"); never ask the user to test the injury (hop, heel raise, try a set, press on it).")
                .append("\n- No medicines. Never say: ")
                .append(String.join("; ", f.mustNot()))
                .append(
                        "; nor reassurance such as \"probably nothing\", \"just a strain\", \"wait and see\", \"sleep on")
                .append(" it\". Put \"do not\" or \"no\" directly before each thing to avoid (\"no massage, no foam")
                .append(" rolling, no stretching\").");
        return sb.toString();
    }

    private static String examineFirstBrief(Optional<String> id) {
        ClinicalRules r = ClinicalRules.get();
        if (id.isEmpty()) {
            return "No \"get it examined first\" trigger: the story contains none of a pop with swelling within 2"
                    + " hours, locking or giving way, a kneecap that slid out, snuffbox tenderness, a calf squeeze"
                    + " that does not move the foot, bruising or a changed muscle contour after a pop, one-spot bone"
                    + " tenderness, pain on hopping or night bone pain, missed periods or restrictive eating,"
                    + " numbness or weakness, or a fluoroquinolone antibiotic.";
        }
        ExamineFirst ef = r.examineFirst(id.get()).orElseThrow();
        if (!ef.routesTo().isEmpty()) {
            return "The story contains this sign: " + ef.trigger() + ". That sign already is a red flag, so this is a"
                    + " red-flag answer.\n"
                    + redFlagBrief(r.redFlag(ef.routesTo()).orElseThrow());
        }
        return "This story contains a \"get it examined first\" trigger (id " + ef.id() + "): " + ef.trigger()
                + ". The answer gives a referral and protective changes only, no re-loading plan:"
                + "\n- assessment_type \"injury\" or \"unclear\" (never doms); escalation.see_clinician \""
                + ef.urgency().wireName() + "\" (" + urgencyWords(ef.urgency()) + ") with clinician_type set."
                + "\n- Every exercise that loads the affected area is action \"stop\", load 0, sets 0, reps \"0\""
                + (ef.stop().isEmpty() ? "" : " (e.g. anything with " + String.join(", ", ef.stop()) + ")")
                + ". The only other items are protective (pain-free range of motion, gentle isometrics, walking"
                + " as needed, crutches if limping) with load_percent 0 and \"pain-free\" in the rationale, or"
                + " training that does not load the area: " + ef.allowed() + "."
                + "\n- No progression: the timeline says the area has been examined by day_3 / day_7 and later"
                + " entries follow the examining clinician's plan, with no %, kg, sets or reps; load_management"
                + " duration_weeks at most 1 and return_criteria about being examined; no \"pain up to 3/10 is"
                + " fine\" rule."
                + (ef.structural().isEmpty()
                        ? ""
                        : "\n- The serious structural cause (" + ef.structural().getFirst()
                                + ") is a differential with probability at least 0.25.")
                + "\n- Confidence moderate at most (score at most 0.65, top differential at most 0.60).";
    }

    private static String lookalikeBrief(Lookalike l) {
        ClinicalRules r = ClinicalRules.get();
        String end = r.redFlag(l.routesTo())
                .map(f -> "The last answer is a red-flag answer:\n" + redFlagBrief(f))
                .or(() -> r.examineFirst(l.routesTo())
                        .map(e -> "The last answer follows the examine-first rules:\n"
                                + examineFirstBrief(Optional.of(e.id()))))
                .orElse("The last answer is \"injury\" or \"unclear\", with moderate confidence at most.");
        return "This looks like DOMS but is not (look-alike id " + l.id() + "): " + l.looksLike() + ". The first"
                + " message asks whether it is just DOMS or soreness; a later message reveals: " + l.discriminators()
                + ". Once that is said, no answer settles on DOMS (assessment_type not doms, DOMS not the most"
                + " likely differential). " + end;
    }

    private static String contextBrief(Context c) {
        return "What this context changes: " + c.guidance() + ". The reasoning chain has a step about the context."
                + (c.raisesRisk()
                        ? " This context raises the risk: confidence moderate at most (score at most 0.70, top"
                                + " differential at most 0.65)."
                        : "")
                + (c.mustNot().isEmpty() ? "" : " Never say: " + String.join("; ", c.mustNot()) + ".");
    }

    private static String classicBrief(Scenario s) {
        ClinicalRules r = ClinicalRules.get();
        if (s.redFlagId().isPresent() || s.examineFirst().isPresent()) {
            return ""; // the red-flag or examine-first brief sets the confidence
        }
        Optional<String> pattern = s.classic() ? s.region().flatMap(r::classicPatternFor) : Optional.empty();
        if (pattern.isPresent()) {
            return "This is a CLASSIC picture (" + pattern.get().replace('_', ' ') + "): the story has every one of: "
                    + r.classicPattern(pattern.get()).orElse("") + "; and the onset or mechanism, exact location, what"
                    + " provokes and eases it and the time course. Confidence may be high (score at most 0.85, top"
                    + " differential at most 0.80).";
        }
        return "This is NOT a classic textbook picture (at least one key fact is missing or atypical): confidence"
                + " moderate at most (score 0.45-0.70, top differential at most 0.65).";
    }

    private static String urgencyWords(Urgency u) {
        return switch (u) {
            case EMERGENCY -> "call the local emergency number or go to the emergency department now; do not wait";
            case WITHIN_24_HOURS -> "be seen by a doctor today, or tomorrow at the latest";
            case WITHIN_1_WEEK -> "get it examined within the next few days, within a week at most, before loading it";
            case IF_NOT_IMPROVING -> "self-manage; see a clinician if a checkpoint is missed";
            case NOT_NEEDED -> "no clinician";
        };
    }
}
