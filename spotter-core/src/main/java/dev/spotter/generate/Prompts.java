package dev.spotter.generate;

import dev.spotter.ConfigurationException;
import dev.spotter.format.ChatMessage;
import dev.spotter.llm.LlmRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the generator request for a slot: the plan's author prompt as system message, the category template
 * (placeholders filled from the slot) as user message. The output contract is written by the engine, not the
 * plan, because the parser and the checks depend on it; it is part of the prompt hash.
 */
public final class Prompts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");

    private Prompts() {}

    /** The generator request for one slot attempt. */
    public static LlmRequest request(Plan plan, Plan.Category c, Slot slot, String model) {
        String user = render(c, slot);
        return new LlmRequest(
                model,
                List.of(ChatMessage.system(plan.authorPrompt()), ChatMessage.user(user)),
                c.maxTokens(),
                c.temperature(),
                true);
    }

    /** The category template with every placeholder filled. */
    public static String render(Plan.Category c, Slot slot) {
        Map<String, String> a = slot.attributes();
        String sourceText = "";
        if (a.containsKey("source_id")) {
            sourceText = c.sources().stream()
                    .filter(s -> s.id().equals(a.get("source_id")))
                    .findFirst()
                    .map(Plan.SourceItem::text)
                    .orElse("");
        }
        final String src = sourceText;
        Map<String, String> facts = c.facts().isEmpty() ? Map.of() : dev.spotter.checks.ClinicalFacts.derive(a);
        Matcher m = PLACEHOLDER.matcher(c.template());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String v = switch (key) {
                case "category" -> c.id();
                case "output_contract" ->
                    outputContract(c.output(), Integer.parseInt(a.get("turns")), Integer.parseInt(a.get("turns")));
                case "source" -> src;
                default -> a.containsKey(key) ? a.get(key) : facts.get(key);
            };
            if (v == null) {
                throw new ConfigurationException("category " + c.id() + ": no value for {{" + key + "}}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        String out = sb.toString().strip();
        if (!c.template().contains("{{output_contract}}")) {
            out = out + "\n\n"
                    + outputContract(c.output(), Integer.parseInt(a.get("turns")), Integer.parseInt(a.get("turns")));
        }
        return out;
    }

    /**
     * Engine-owned instructions on the reply shape. The first line ("Output kind: …") is also what the test fake
     * keys on.
     */
    public static String outputContract(OutputKind kind, int minTurns, int maxTurns) {
        return CONTRACTS.computeIfAbsent(
                kind.wireName() + "/" + minTurns + "/" + maxTurns, k -> contract(kind, minTurns, maxTurns));
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> CONTRACTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String contract(OutputKind kind, int minTurns, int maxTurns) {
        String turns = minTurns == maxTurns ? Integer.toString(minTurns) : minTurns + "-" + maxTurns;
        String assistantContent = switch (kind) {
            case INJURY_ANALYSIS ->
                "an injury-analysis JSON object (a JSON object, not a string) following the schema below";
            case PACE_CALCULATION ->
                "a pace-calculation JSON object (a JSON object, not a string) following the rules below";
            case COACH_ANSWER ->
                "a string: the coach's reply in plain text (short paragraphs or a short list; no headings, no emojis)";
        };
        StringBuilder sb = new StringBuilder();
        sb.append("## Output contract\n");
        sb.append("Output kind: ").append(kind.wireName()).append('\n');
        sb.append("User turns: ").append(turns).append('\n');
        sb.append("""
                Return exactly one JSON object and nothing else (no code fences, no commentary):
                {"messages": [{"role": "user", "content": "..."}, {"role": "assistant", "content": ...}]}
                - "messages" alternates user, assistant, user, assistant ... starting with user and ending with assistant.
                """);
        sb.append("- It has exactly ")
                .append(turns)
                .append(" user message(s), each followed by one assistant message.\n");
        sb.append("- Each user content is what the athlete types into the app: first person, natural, specific.\n");
        sb.append("- Each assistant content is ").append(assistantContent).append(".\n");
        if (maxTurns > 1) {
            sb.append(
                    "- Later assistant messages must use everything said earlier in the conversation; do not repeat questions already answered.\n");
        }
        switch (kind) {
            case INJURY_ANALYSIS ->
                sb.append("""

                    Injury-analysis object rules:
                    - assessment_type: injury | doms | red_flag | unclear.
                    - reasoning_chain: 3-10 steps numbered 1..n, each an observation from the report and what it implies.
                    - confidence.level low (score 0-0.44) | moderate (0.45-0.74) | high (0.75-1); moderate at most unless DOMS or a classic
                      picture; the justification says the assessment is from the description only and what is unknown.
                    - differential_diagnoses: probabilities in [0,1], in descending order, summing to 0.80-0.95 (the rest is "something else").
                    - exercise_modifications: action continue | reduce | substitute | stop; load_percent is % of the usual working weight
                      (stop => load 0, sets 0, reps "0"; reduce => between 0 and 100; substitute => name the substitute); reps like "8-10" or "30s".
                    - load_management: volume and intensity reductions in %, frequency, duration_weeks, return_criteria.
                    - recovery_timeline: checkpoints in order and including day_3, day_7 and at least one of week_2 / week_3 / week_4,
                      each with the expected progress and what to do if it has not improved.
                    - escalation.see_clinician: emergency | within_24_hours | within_1_week | if_not_improving (never not_needed in an injury
                      answer), with clinician_type and concrete triggers including at least one red-flag sign for the body area; red flags
                      also give scope, red_flag_id and immediate_actions, stop every exercise, and use the flag's urgency.
                    - No medicines. follow_up_questions: the questions you would ask next (required when the picture is unclear).

                    JSON Schema of the object:
                    """)
                        .append(resource("/dev/spotter/checks/injury-analysis.schema.json")
                                .strip())
                        .append('\n');
            case PACE_CALCULATION -> sb.append("""

                    Pace-calculation object: {"answer": "<what the coach says, stating the result>", "calculation": {"type": T, "inputs": {...}, "result": {...}}}
                    Times and paces are in seconds (pace = seconds per mile or per km); units: distance mi | km | m, pace mi | km, speed mph | kmh.
                    1 mile = 1609.344 m exactly. Race predictions use Riegel: T2 = T1 * (D2/D1)^1.06 (exponent 1.06).
                    Types and their fields:
                    - pace_to_speed: inputs {pace_seconds, pace_unit}; result {speed, speed_unit}
                    - speed_to_pace: inputs {speed, speed_unit}; result {pace_seconds, pace_unit}
                    - finish_time: inputs {distance, distance_unit, pace_seconds, pace_unit}; result {time_seconds}
                    - required_pace: inputs {distance, distance_unit, time_seconds}; result {pace_seconds, pace_unit}
                    - splits (even pacing): inputs {distance, distance_unit, time_seconds, split_distance, split_unit};
                      result {split_seconds, cumulative_seconds: [time at each split mark, the last one at the finish]}
                    - race_prediction: inputs {distance, distance_unit, time_seconds, target_distance, target_unit, exponent: 1.06}; result {time_seconds}
                    - unit_conversion: inputs {value, from, to}; result {value}
                    - hr_zones_max: inputs {age, hr_max_method: fox | tanaka | gulati | measured, hr_max_measured (when measured)};
                      result {hr_max, zones: [{zone: "1".."5", low_bpm, high_bpm}]}; HRmax fox 220 - age, tanaka 208 - 0.7 x age,
                      gulati (women) 206 - 0.88 x age; zones 50-60, 60-70, 70-80, 80-90, 90-100 % of HRmax, rounded half up to whole bpm
                    - hr_zones_hrr: inputs {age, hr_max_method, hr_max_measured?, hr_rest}; result {hr_max, zones}; HR = rest + f x (HRmax - rest)
                    - hr_zones_lthr: inputs {lthr}; result {zones: [{zone: "1","2","3","4","5a","5b","5c", low_bpm, high_bpm}]}; Friel: under 85,
                      85-89, 90-94, 95-99, 100-102, 103-106, over 106 % of LTHR (the open bound of zone 1 and 5c is null)
                    - training_paces: inputs {threshold_pace_seconds, pace_unit}; result {zones: [{zone: "1".."5c", slow_seconds, fast_seconds}]};
                      Friel pace zones: slower than 129, 129-114, 113-106, 105-99, 100-97, 96-90, faster than 90 % of threshold pace (time per distance)
                    - negative_splits: inputs {distance, distance_unit, time_seconds, difference_seconds (second half faster by), pace_unit};
                      result {first_half_seconds, second_half_seconds, first_half_pace_seconds, second_half_pace_seconds}
                    The calculation's type must be the one the request asks for, in the runner's units. Zone answers state every bound in the text;
                    zones from an age formula say the maximum is an estimate (about 10-12 bpm either way) and give RPE or the talk test as the check.
                    The answer text states the main result as a clock time (m:ss or h:mm:ss, e.g. 7:27 or 1:45:30) for times and paces,
                    or with one decimal for speeds (e.g. 7.5 mph), exactly matching the result numbers. Double-check the arithmetic.
                    """);
            case COACH_ANSWER -> sb.append("""

                    Coach reply rules: 80-450 words, direct and specific (numbers: sets, reps, RPE, grams, minutes, percentages),
                    written for the athlete described; no "as an AI", no disclaimers beyond a one-line referral when health is at stake.
                    """);
        }
        return sb.toString();
    }

    private static String resource(String path) {
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
