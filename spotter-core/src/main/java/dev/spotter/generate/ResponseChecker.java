package dev.spotter.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.checks.CheckResult;
import dev.spotter.checks.CoachAnswerChecker;
import dev.spotter.checks.InjuryAnalysisChecker;
import dev.spotter.checks.PaceAnswerChecker;
import dev.spotter.checks.Scenario;
import dev.spotter.checks.TextChecks;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import dev.spotter.llm.FinishReason;
import dev.spotter.llm.LlmResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The acceptance gate of generation: turns a generator response into a training example ({@link Verdict.Passed})
 * or a reject with a reason code ({@link Verdict.Rejected}). Same path for live calls and batch results.
 * Thread-safe. (Not to be confused with {@code eval.Evaluator}, which scores a fine-tuned model.)
 */
public final class ResponseChecker {
    /** The verdict on one response. */
    public sealed interface Verdict {
        /** Passed every check; {@code example} is system + conversation. */
        record Passed(ChatExample example) implements Verdict {}

        /** Failed; {@code code} is the first reason code (e.g. truncated, not_json, schema, calc_wrong). */
        record Rejected(String code, String reason) implements Verdict {}
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int COACH_MIN_CHARS = 200;
    private static final int COACH_MIN_CHARS_EARLIER_TURN = 40;
    private static final int COACH_MAX_CHARS = 4500;

    private final InjuryAnalysisChecker injury = InjuryAnalysisChecker.create();
    private final PaceAnswerChecker pace = PaceAnswerChecker.create();
    private final CoachAnswerChecker coach = CoachAnswerChecker.create();
    private final ExampleCheck extra;

    public ResponseChecker() {
        this(ExampleCheck.NONE);
    }

    /** With a caller-supplied check run after the built-in ones (see {@link ExampleCheck}). */
    public ResponseChecker(ExampleCheck extra) {
        this.extra = java.util.Objects.requireNonNull(extra, "extra check");
    }

    public Verdict check(Plan plan, Plan.Category c, LlmResponse r) {
        return check(plan, c, Map.of(), r);
    }

    /** As {@link #check(Plan, Plan.Category, LlmResponse)}, for the slot drawn from source {@code sourceId} (null = none). */
    public Verdict check(Plan plan, Plan.Category c, String sourceId, LlmResponse r) {
        return check(plan, c, sourceId == null ? Map.of() : Map.of("source_id", sourceId), r);
    }

    /**
     * As {@link #check(Plan, Plan.Category, LlmResponse)} for a slot with these attributes: the checks read them
     * (the red flag, examine-first trigger, region, calculation type ... the slot asked for), and
     * {@code source_id} names the slot's source item.
     */
    public Verdict check(Plan plan, Plan.Category c, Map<String, String> attributes, LlmResponse r) {
        if (r.finishReason() == FinishReason.LENGTH) {
            return new Verdict.Rejected("truncated", "response hit max_tokens (" + c.maxTokens() + ") and is cut off");
        }
        if (r.finishReason() == FinishReason.REFUSAL) {
            return new Verdict.Rejected("refusal", "the model refused: " + abbreviate(r.text()));
        }
        return checkText(plan, c, attributes, r.text());
    }

    /** Checks generator output text (the JSON with "messages"). */
    public Verdict checkText(Plan plan, Plan.Category c, String text) {
        return checkText(plan, c, Map.of(), text);
    }

    /** Checks generator output text for the slot drawn from source {@code sourceId} (null = none). */
    public Verdict checkText(Plan plan, Plan.Category c, String sourceId, String text) {
        return checkText(plan, c, sourceId == null ? Map.of() : Map.of("source_id", sourceId), text);
    }

    /** Checks generator output text for a slot with these attributes. */
    public Verdict checkText(Plan plan, Plan.Category c, Map<String, String> attributes, String text) {
        String sourceId = attributes.get("source_id");
        String body = stripFences(text.strip());
        JsonNode root = parseObject(body);
        if (root == null) {
            return new Verdict.Rejected("not_json", "generator output is not JSON: " + abbreviate(body));
        }
        if (root == null || !root.path("messages").isArray()) {
            return new Verdict.Rejected("shape", "generator output has no \"messages\" array");
        }
        List<ChatMessage> turns = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            String role = m.path("role").asText();
            JsonNode content = m.path("content");
            if (role.equals("user")) {
                if (!content.isTextual()) {
                    return new Verdict.Rejected("shape", "a user message has no text content");
                }
                turns.add(ChatMessage.user(content.asText().strip()));
            } else if (role.equals("assistant")) {
                String s;
                if (c.output().isJson()) {
                    JsonNode obj = content;
                    if (content.isTextual()) { // some models stringify the object; accept it if it parses
                        try {
                            obj = MAPPER.readTree(stripFences(content.asText().strip()));
                        } catch (Exception e) {
                            return new Verdict.Rejected(
                                    "not_json",
                                    "assistant content is not a JSON object: " + abbreviate(content.asText()));
                        }
                    }
                    if (obj == null || !obj.isObject()) {
                        return new Verdict.Rejected("not_json", "assistant content is not a JSON object");
                    }
                    s = obj.toString();
                } else {
                    if (!content.isTextual()) {
                        return new Verdict.Rejected(
                                "shape",
                                "assistant content must be text for "
                                        + c.output().wireName());
                    }
                    s = content.asText().strip();
                }
                turns.add(ChatMessage.assistant(s));
            } else {
                return new Verdict.Rejected("shape", "unexpected role '" + role + "' (only user and assistant)");
            }
        }
        CheckResult res = TextChecks.conversation(turns, c.minTurns(), c.maxTurns());
        if (!res.ok()) {
            return reject(res);
        }
        int last = turns.size() - 1;
        List<String> users = new ArrayList<>();
        List<String> analyses = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            ChatMessage m = turns.get(i);
            if (m.role() != Role.ASSISTANT) {
                users.add(m.content());
                continue;
            }
            boolean isFinal = i == last;
            CheckResult r = switch (c.output()) {
                case INJURY_ANALYSIS -> {
                    analyses.add(m.content());
                    yield TextChecks.noLeaks(m.content());
                }
                case PACE_CALCULATION -> pace.check(m.content(), attributes).and(TextChecks.noLeaks(m.content()));
                case COACH_ANSWER ->
                    TextChecks.answerText(
                                    m.content(),
                                    isFinal ? COACH_MIN_CHARS : COACH_MIN_CHARS_EARLIER_TURN,
                                    COACH_MAX_CHARS)
                            .and(coach.check(m.content(), attributes, String.join("\n", users)));
            };
            if (!r.ok()) {
                return reject(r);
            }
        }
        if (c.output() == OutputKind.INJURY_ANALYSIS) {
            // every answer of the conversation, the scenario's rules on the last one (see InjuryAnalysisChecker)
            CheckResult r = injury.checkConversation(analyses, new Scenario(c.expect(), attributes, users));
            if (!r.ok()) {
                return reject(r);
            }
        }
        List<ChatMessage> all = new ArrayList<>(turns.size() + 1);
        all.add(ChatMessage.system(plan.systemPrompt()));
        all.addAll(turns);
        ChatExample example = new ChatExample(all);
        Plan.SourceItem source = sourceId == null
                ? null
                : c.sources().stream()
                        .filter(si -> si.id().equals(sourceId))
                        .findFirst()
                        .orElse(null);
        CheckResult extraResult = extra.check(c, source, example);
        if (!extraResult.ok()) {
            return reject(extraResult);
        }
        return new Verdict.Passed(example);
    }

    private static Verdict reject(CheckResult r) {
        return new Verdict.Rejected(r.violations().getFirst().code(), r.summary());
    }

    /**
     * The JSON object in the text: the whole text, or else the span from the first '{' to the last '}' (models
     * sometimes add a sentence around the object; the span still has to parse and pass every check). null if none.
     */
    static JsonNode parseObject(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (Exception ignored) {
            // try the span below
        }
        int a = text.indexOf('{');
        int b = text.lastIndexOf('}');
        if (a < 0 || b <= a) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(text.substring(a, b + 1));
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    static String stripFences(String s) {
        return dev.spotter.checks.JsonAnswers.stripFences(s); // one reading of fenced answers (eval uses it too)
    }

    static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= 160 ? t : t.substring(0, 160) + "…";
    }
}
