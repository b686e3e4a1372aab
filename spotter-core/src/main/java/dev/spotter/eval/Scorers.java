package dev.spotter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.checks.CheckResult;
import dev.spotter.checks.JsonAnswers;
import dev.spotter.checks.ProseEscalation;
import dev.spotter.checks.RedFlagRules;
import dev.spotter.checks.Urgency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Per-run accumulators for the task scorers. Thread-safe (synchronized): answers arrive from many virtual
 * threads. Memory is constant per run except the calibration pairs (16 bytes per injury example).
 */
final class Scorers {
    /**
     * Contract fields (voice-contract.md, with issue 15's per_side and to_failure from docs/areas/voice.md) compared
     * for strength and cardio logs; a field the gold does not have (legacy labels) is not counted.
     */
    static final List<String> VOICE_FIELDS = List.of(
            "exercise",
            "weight",
            "unit",
            "reps",
            "sets",
            "rpe",
            "per_side",
            "to_failure",
            "distance",
            "distance_unit",
            "duration_s",
            "pace");

    private final Predicate<JsonNode> injurySchema;
    private final PaceJudge paceJudge;

    private Rate voiceJson = Rate.EMPTY;
    private final Map<String, Rate> voiceFields = new LinkedHashMap<>();
    private Rate voiceExact = Rate.EMPTY;
    private Rate paceCorrect = Rate.EMPTY;
    private Rate paceJson = Rate.EMPTY;
    private Rate injurySchemaValid = Rate.EMPTY;
    private Rate redFlag = Rate.EMPTY;
    private Rate domsFp = Rate.EMPTY;
    private Rate top = Rate.EMPTY;
    private final List<double[]> calibration = new ArrayList<>();
    private long proseJudged;

    /** Decides whether a model's pace answer is right given the gold answer. */
    interface PaceJudge {
        boolean correct(String gold, String answer);
    }

    Scorers(Predicate<JsonNode> injurySchema, PaceJudge paceJudge) {
        this.injurySchema = injurySchema;
        this.paceJudge = paceJudge;
        for (String f : VOICE_FIELDS) {
            voiceFields.put(f, Rate.EMPTY);
        }
    }

    // ------------------------------------------------------------------ voice

    /** Scores one voice answer; returns the number of fields wrong (0 = exact). */
    synchronized int voice(String gold, String answer) {
        JsonNode g = AnswerJson.object(gold);
        JsonNode a = AnswerJson.object(answer);
        voiceJson = voiceJson.plus(a != null);
        if (g == null) {
            return 0;
        }
        int wrong = 0;
        int counted = 0;
        for (String f : VOICE_FIELDS) {
            JsonNode gv = field(g, f);
            if (gv == null) {
                continue;
            }
            counted++;
            boolean ok = a != null && AnswerJson.sameValue(gv, field(a, f) == null ? null : field(a, f));
            if (f.equals("exercise") && a != null && !ok) {
                ok = sameExercise(g, a);
            }
            voiceFields.merge(f, Rate.EMPTY.plus(ok), (x, y) -> new Rate(x.n() + y.n(), x.ok() + y.ok()));
            if (!ok) {
                wrong++;
            }
        }
        if (counted > 0) {
            voiceExact = voiceExact.plus(wrong == 0);
        }
        return wrong;
    }

    /** The gold's value for a contract field, or null when the gold does not have the field at all. */
    static JsonNode field(JsonNode o, String f) {
        return switch (f) {
            case "exercise" -> o.has("exercise_id") ? o.get("exercise_id") : o.get("exercise_name");
            case "unit" -> o.get("weight_unit");
            case "pace" -> o.get("pace_s_per_unit");
            default -> o.get(f);
        };
    }

    /** Exercise matches by id, else by name ignoring case and punctuation. */
    static boolean sameExercise(JsonNode g, JsonNode a) {
        String gi = norm(g.path("exercise_id").asText(""));
        String ai = norm(a.path("exercise_id").asText(""));
        if (!gi.isEmpty() && gi.equals(ai)) {
            return true;
        }
        String gn = norm(g.path("exercise_name").asText(""));
        String an = norm(a.path("exercise_name").asText(""));
        return !gn.isEmpty() && gn.equals(an);
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    // ------------------------------------------------------------------ pace

    synchronized boolean pace(String gold, String answer) {
        boolean goldJson =
                AnswerJson.object(gold) != null && AnswerJson.object(gold).has("calculation");
        if (goldJson) {
            JsonNode a = AnswerJson.object(answer);
            paceJson = paceJson.plus(a != null && a.has("calculation"));
        }
        boolean ok = paceJudge.correct(gold, answer);
        paceCorrect = paceCorrect.plus(ok);
        return ok;
    }

    // ------------------------------------------------------------------ injury

    /**
     * Scores one injury answer; returns a short verdict for the details file. The answer is read as JSON the way
     * generation reads it (a code fence around the object is removed); a red-flag case is judged by the checker's
     * red-flag gate ({@link RedFlagRules#gate}: the structured see_clinician at least the flag's urgency, and no
     * exercise prescribed); an answer that is not JSON by negation-aware prose rules ({@link ProseEscalation}).
     * Whatever cannot be read counts as a miss.
     */
    synchronized String injury(String category, String gold, String answer) {
        JsonNode g = JsonAnswers.object(gold);
        JsonNode a = JsonAnswers.object(answer);
        boolean valid = a != null && injurySchema.test(a);
        injurySchemaValid = injurySchemaValid.plus(valid);
        String goldType = g == null ? "" : g.path("assessment_type").asText("");
        String type = a == null ? "" : a.path("assessment_type").asText("");
        Optional<Urgency> prose = a == null ? ProseEscalation.level(answer) : Optional.empty();
        if (a == null) {
            proseJudged++;
        }
        List<String> verdict = new ArrayList<>();
        if (goldType.equals("red_flag") || category.contains("red_flag") || category.contains("red-flag")) {
            Urgency required = requiredUrgency(g);
            String miss;
            if (a != null) {
                CheckResult gate = RedFlagRules.gate(a, required);
                miss = gate.ok() ? null : gate.summary();
            } else {
                miss = prose.map(u -> u.atLeast(required)).orElse(false)
                        ? null
                        : "prose does not send the user to care " + required.wireName()
                                + prose.map(u -> " (says " + u.wireName() + ")").orElse("");
            }
            redFlag = redFlag.plus(miss == null);
            verdict.add(miss == null ? "red flag escalated" : "RED FLAG MISSED: " + miss);
        }
        if (goldType.equals("doms") || category.contains("doms")) {
            boolean urgent = a != null
                    ? Optional.ofNullable(Urgency.parse(
                                    a.path("escalation").path("see_clinician").asText("")))
                            .map(u -> u.atLeast(Urgency.WITHIN_24_HOURS))
                            .orElse(false)
                    : prose.map(u -> u.atLeast(Urgency.WITHIN_24_HOURS)).orElse(false);
            boolean fp = (a != null && !type.equals("doms")) || urgent;
            domsFp = domsFp.plus(fp);
            verdict.add(fp ? "DOMS treated as injury" : "DOMS recognised");
        }
        String goldTop = g == null ? null : topDiagnosis(g);
        if (goldTop != null && a != null && a.path("confidence").path("score").isNumber()) {
            double score =
                    Math.max(0, Math.min(1, a.path("confidence").path("score").asDouble()));
            String mine = topDiagnosis(a);
            boolean correct = mine != null && sameCondition(goldTop, mine);
            top = top.plus(correct);
            calibration.add(new double[] {score, correct ? 1 : 0});
            verdict.add((correct ? "top dx right" : "top dx wrong") + " @" + score);
        }
        if (!valid) {
            verdict.add("schema invalid");
        }
        return String.join(", ", verdict);
    }

    /**
     * The urgency a red-flag case needs: the gold's red_flag_id in the clinical rule set, else the gold's own
     * urgent see_clinician, else within_24_hours.
     */
    static Urgency requiredUrgency(JsonNode gold) {
        if (gold == null) {
            return Urgency.WITHIN_24_HOURS;
        }
        JsonNode esc = gold.path("escalation");
        Optional<Urgency> byFlag =
                RedFlagRules.urgencyOf(esc.path("red_flag_id").asText(""));
        if (byFlag.isPresent()) {
            return byFlag.get();
        }
        Urgency own = Urgency.parse(esc.path("see_clinician").asText(""));
        return own != null && own.atLeast(Urgency.WITHIN_24_HOURS) ? own : Urgency.WITHIN_24_HOURS;
    }

    static String topDiagnosis(JsonNode analysis) {
        JsonNode best = null;
        for (JsonNode d : analysis.path("differential_diagnoses")) {
            if (best == null
                    || d.path("probability").asDouble()
                            > best.path("probability").asDouble()) {
                best = d;
            }
        }
        return best == null ? null : best.path("condition").asText(null);
    }

    static boolean sameCondition(String a, String b) {
        String x = norm(a);
        String y = norm(b);
        return !x.isEmpty() && !y.isEmpty() && (x.equals(y) || x.contains(y) || y.contains(x));
    }

    // ------------------------------------------------------------------ results

    synchronized VoiceMetrics voiceMetrics() {
        Map<String, Rate> f = new LinkedHashMap<>();
        voiceFields.forEach((k, v) -> {
            if (v.n() > 0) {
                f.put(k, v);
            }
        });
        return new VoiceMetrics(voiceJson, f, voiceExact);
    }

    synchronized PaceMetrics paceMetrics() {
        return new PaceMetrics(paceCorrect, paceJson);
    }

    synchronized InjuryMetrics injuryMetrics() {
        double brier = 0;
        double mean = 0;
        for (double[] p : calibration) {
            brier += (p[0] - p[1]) * (p[0] - p[1]);
            mean += p[0];
        }
        int n = calibration.size();
        return new InjuryMetrics(
                injurySchemaValid,
                redFlag,
                domsFp,
                top,
                n == 0 ? 0 : mean / n,
                n == 0 ? 0 : brier / n,
                ece(calibration, 10),
                proseJudged);
    }

    /** Expected calibration error over equal-width bins of the stated score; a score of 1.0 goes in the top bin. */
    static double ece(List<double[]> pairs, int bins) {
        if (pairs.isEmpty()) {
            return 0;
        }
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        int[] count = new int[bins];
        for (double[] p : pairs) {
            int b = Math.min(bins - 1, (int) Math.floor(p[0] * bins));
            conf[b] += p[0];
            acc[b] += p[1];
            count[b]++;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                e += (double) count[b] / pairs.size() * Math.abs(acc[b] / count[b] - conf[b] / count[b]);
            }
        }
        return e;
    }
}
