package dev.spotter.checks;

import dev.spotter.checks.ClinicalRules.Context;
import dev.spotter.checks.ClinicalRules.ExamineFirst;
import dev.spotter.checks.ClinicalRules.Lookalike;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules that depend on the scenario (plan category and slot), applied to the final answer of a conversation:
 * "get it examined first" (requirements 2.1, EF-R1 to EF-R8), DOMS (4.1), ambiguous reports (3.2, 8.8), DOMS
 * look-alikes (4.1), contexts (5.1) and the region safety net (1.6). See docs/areas/generate.md for the table of
 * codes.
 */
final class ScenarioRules {
    private static final Pattern PAIN_ALLOWANCE = Pattern.compile(
            "(up to|below|under|at most|no more than|less than|not above|not exceed(ing)?|<=?|≤)\\s*(a |about |around )?[1-5]\\s*(/|out of)\\s*10");
    private static final Pattern RETURN_AFTER_EXAM =
            Pattern.compile("examin|assess|scan|x-?ray|clear|imaging|mri|ultrasound|seen by|review");
    private static final Pattern WORST_CASE_DX = Pattern.compile(
            "stress fracture|stress reaction|bone stress|\\btear\\b|rupture|instabilit|dislocat|sublux");
    private static final List<String> DOMS_REGION_NETS = List.of("chest", "calves", "adductors");

    private ScenarioRules() {}

    // ------------------------------------------------------------------ examine first (2.1)

    static void examineFirst(Analysis a, ExamineFirst ef, CheckResult.Builder b) {
        ClinicalRules rules = ClinicalRules.get();
        if (!(a.type.equals("injury") || a.type.equals("unclear"))) {
            b.add(
                    "ef_assessment",
                    "examine-first case (" + ef.id() + ") must be assessed injury or unclear, was " + a.type);
        }
        if (a.see == null || !a.see.atLeast(ef.urgency()) || a.clinicianType.isBlank()) {
            b.add(
                    "ef_urgency",
                    ef.id() + " needs see_clinician " + ef.urgency().wireName()
                            + " or sooner with a clinician_type, was "
                            + (a.see == null ? "unreadable" : a.see.wireName()));
        }
        for (Analysis.Modification m : a.modifications) {
            if (m.action().equals("stop")) {
                continue;
            }
            String what = m.exercise() + " " + m.substitute();
            Optional<String> loads =
                    ef.stop().stream().filter(p -> Phrases.contains(what, p)).findFirst();
            boolean protective =
                    m.load() == 0 && Phrases.normalise(m.rationale()).contains("pain free");
            if (loads.isPresent() && !protective) {
                b.add(
                        "ef_loads_region",
                        "examine-first case: \"" + m.exercise() + "\" loads the affected area (" + loads.get()
                                + ") and must be stop with load 0 and 0 sets until examined");
            }
        }
        Pattern numbers = rules.regex("load_number_regex");
        for (Analysis.Checkpoint c : a.timeline) {
            if (numbers.matcher(Phrases.lower(c.expected() + " " + c.ifNot())).find()) {
                b.add(
                        "ef_timeline",
                        c.checkpoint() + ": no progression plan before the examination (no %, kg, sets or reps in the"
                                + " timeline)");
            }
        }
        double weeks = a.load.path("duration_weeks").asDouble();
        String ret = Phrases.lower(a.load.path("return_criteria").asText(""));
        if (weeks > 1 || !RETURN_AFTER_EXAM.matcher(ret).find()) {
            b.add(
                    "ef_load_management",
                    "examine-first case: load_management.duration_weeks at most 1 and return_criteria about being"
                            + " examined or cleared");
        }
        var pain = PAIN_ALLOWANCE.matcher(Phrases.lower(a.advice()));
        if (pain.find()) {
            b.add(
                    "ef_pain_allowance",
                    "examine-first case: no \"pain up to 3/10 is acceptable\" rule for a suspected tear, bone or"
                            + " nerve problem (\"" + pain.group() + "\")");
        }
        if (!ef.structural().isEmpty()) {
            boolean listed = a.differentials.stream()
                    .anyMatch(d -> d.probability() >= 0.25
                            && ef.structural().stream()
                                    .anyMatch(s ->
                                            Phrases.normalise(d.condition()).contains(Phrases.normalise(s))));
            if (!listed) {
                b.add(
                        "ef_structural",
                        "examine-first case: the serious structural cause (" + String.join(" / ", ef.structural())
                                + ") must be a differential with probability >= 0.25");
            }
        }
    }

    // ------------------------------------------------------------------ DOMS (4.1)

    static void doms(Analysis a, Scenario s, CheckResult.Builder b) {
        if (!a.type.equals("doms")) {
            b.add("doms_treated_as_injury", "DOMS scenario answered as '" + a.type + "' instead of doms");
        }
        if (!Analysis.isDoms(a.topCondition())) {
            b.add(
                    "doms_top_differential",
                    "DOMS scenario: the most likely differential is '" + a.topCondition() + "', not DOMS");
        }
        if (a.see != Urgency.IF_NOT_IMPROVING) {
            b.add(
                    "doms_escalation",
                    "DOMS: see_clinician must be if_not_improving (never not_needed, never urgent), was "
                            + (a.see == null ? "unreadable" : a.see.wireName()));
        }
        if (a.modifications.stream().anyMatch(m -> m.action().equals("stop"))) {
            b.add("doms_stop", "DOMS scenario tells the user to stop an exercise");
        }
        double cut = a.load.path("volume_reduction_percent").asDouble();
        if (cut > 50) {
            b.add("doms_overreaction", "DOMS scenario cuts volume by " + RedFlagRules.fmt(cut) + "% (> 50%)");
        }
        for (Analysis.Differential d : a.differentials) {
            if (!Analysis.isDoms(d.condition()) && !d.hasAgainst()) {
                b.add(
                        "doms_against_evidence",
                        "DOMS answer: the alternative \"" + d.condition() + "\" needs against_evidence (why it is less"
                                + " likely)");
            }
        }
        String triggers = Phrases.lower(a.triggersText());
        boolean rhabdo = ClinicalRules.get().rhabdoTriggers().stream()
                .allMatch(p -> p.matcher(triggers).find());
        if (!rhabdo) {
            b.add(
                    "doms_rhabdo_triggers",
                    "DOMS answer: escalation.triggers must list the rhabdomyolysis signs as alternatives (dark urine;"
                            + " marked swelling; cannot straighten or bend the limb)");
        }
        s.region().filter(r -> DOMS_REGION_NETS.contains(ClinicalRules.key(r))).ifPresent(r -> safetyNet(a, r, b));
        for (String user : s.userMessages()) {
            lookalikeInStory(user).ifPresent(v -> b.add("doms_story_lookalike", v));
        }
    }

    /** The first DOMS look-alike discriminator in a user message (negation-aware), as a message. */
    static Optional<String> lookalikeInStory(String user) {
        ClinicalRules rules = ClinicalRules.get();
        for (Lookalike l : rules.lookalikes()) {
            for (Pattern p : l.storyRegex()) {
                Optional<String> hit = Phrases.findUnnegated(user, p, rules.negators());
                if (hit.isPresent()) {
                    return Optional.of("the DOMS story contains a look-alike sign of " + l.id() + " (\"" + hit.get()
                            + "\"): that is not DOMS");
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ ambiguous (3.2, 8.8)

    static void ambiguous(Analysis a, Scenario s, CheckResult.Builder b) {
        if (!a.type.equals("unclear")) {
            b.add("ambiguous_type", "ambiguous scenario must be assessed unclear, was " + a.type);
        }
        if (a.levelRank() > 0) {
            b.add("ambiguous_confidence", "ambiguous scenario answered with " + a.level + " confidence (must be low)");
        }
        List<Double> ps = a.differentials.stream()
                .map(Analysis.Differential::probability)
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        if (ps.size() < 3 || ps.get(1) < 0.15) {
            b.add(
                    "ambiguous_differential",
                    "ambiguous scenario needs at least 3 differentials with the second at >= 0.15, has " + ps);
        }
        if (a.followUps.size() < 3) {
            b.add(
                    "ambiguous_questions",
                    "ambiguous scenario must ask at least 3 follow-up questions, asks " + a.followUps.size());
        }
        s.region().flatMap(ClinicalRules.get()::region).ifPresent(r -> {
            if (!r.triggers().matcher(Phrases.lower(Analysis.join(a.followUps))).find()) {
                b.add(
                        "ambiguous_screen",
                        "at least one follow-up question screens for this region's red flags (e.g. lower back: numbness"
                                + " between the legs or a bladder change)");
            }
        });
    }

    /** Unclear answers with a bone-stress, tear or instability differential need at least within_1_week (3.6). */
    static void unclearFloor(Analysis a, CheckResult.Builder b) {
        boolean worst = a.differentials.stream()
                .anyMatch(
                        d -> WORST_CASE_DX.matcher(Phrases.lower(d.condition())).find());
        if (worst && (a.see == null || !a.see.atLeast(Urgency.WITHIN_1_WEEK))) {
            b.add(
                    "escalation_floor",
                    "an unclear answer with a bone-stress, tear or instability differential needs see_clinician"
                            + " within_1_week or sooner");
        }
    }

    // ------------------------------------------------------------------ look-alike (4.1)

    static void lookalike(Analysis a, Lookalike l, CheckResult.Builder b) {
        if (a.type.equals("doms") || Analysis.isDoms(a.topCondition())) {
            b.add(
                    "lookalike_dismissed",
                    l.id() + " looks like DOMS but is not: the answer must not settle on DOMS (" + l.discriminators()
                            + ")");
        }
    }

    // ------------------------------------------------------------------ context (5.1)

    static void context(Analysis a, Context c, CheckResult.Builder b) {
        if (!c.step().matcher(Phrases.lower(a.reasoning())).find()) {
            b.add("context_step", "the reasoning chain must have a step about the context (" + c.id() + ")");
        }
        ClinicalRules rules = ClinicalRules.get();
        Phrases.findUnnegated(a.advice(), c.mustNot(), rules.negators())
                .ifPresent(p -> b.add("context_must_not", c.id() + ": the answer says \"" + p + "\" (not negated)"));
    }

    // ------------------------------------------------------------------ safety net (1.6)

    static void safetyNet(Analysis a, String region, CheckResult.Builder b) {
        Optional<ClinicalRules.Region> r = ClinicalRules.get().region(region);
        if (r.isEmpty()) {
            b.add("safety_net_region", "no safety net is defined for region '" + region + "' in clinical-rules.yaml");
            return;
        }
        if (!r.get().triggers().matcher(Phrases.lower(a.triggersText())).find()) {
            b.add(
                    "safety_net",
                    "escalation.triggers must include a red-flag sign for " + region + " (one of: "
                            + r.get().triggers().pattern() + ")");
        }
    }
}
