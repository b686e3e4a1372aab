package dev.spotter.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.ChatValidator;
import dev.spotter.format.RejectReason;
import dev.spotter.format.Role;
import dev.spotter.format.TokenCounter;
import dev.spotter.generate.ExampleCheck;
import dev.spotter.generate.OutputKind;
import dev.spotter.generate.Plan;
import dev.spotter.generate.Plans;
import dev.spotter.generate.ResponseChecker;
import dev.spotter.kb.GroundingChecker;
import dev.spotter.kb.KbGeneration;
import dev.spotter.kb.KbPlan;
import dev.spotter.kb.QuotaPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The checks a record is shown with, and that an edited record must pass before it can be accepted: the build's
 * ingest check ({@link ChatValidator}, token limit included) and the generator's own acceptance gate
 * ({@link Evaluator} with the record's plan and category, plus the grounding check for a knowledge-base plan).
 *
 * <p>Fail closed: a record whose plan or category cannot be found has a failing "generator checks" entry (an edit
 * cannot be accepted without the checks it was generated under); accepting or rejecting the original is still
 * possible. Plans are resolved once per name and kept. Thread-safe.
 */
final class ExampleChecks {
    /** One check's verdict. */
    record Check(String name, boolean ok, String code, String message) {}

    /**
     * All verdicts, and the example as the generator would write it (JSON answers compacted), or null when a
     * check failed.
     */
    record Result(
            List<Check> checks,
            @Nullable ChatExample normalised,
            @Nullable OutputKind output) {
        boolean ok() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ReviewSource source;
    private final ChatValidator validator;
    private final Map<String, Resolved> plans = new HashMap<>();

    /** A plan with the evaluator that applies to it, or the reason it cannot be had. */
    private record Resolved(@Nullable Plan plan, @Nullable ResponseChecker evaluator, String error) {}

    ExampleChecks(ReviewSource source) {
        this.source = source;
        this.validator =
                ChatValidator.builder().tokenCounter(TokenCounter.llama3()).build();
    }

    /** Runs every check on one chat JSONL line with its provenance (may be null). */
    Result run(String line, @Nullable JsonNode provenance) {
        List<Check> out = new ArrayList<>();
        Optional<RejectReason> format = validator.check(line);
        out.add(format.map(r -> new Check("build ingest", false, r.code(), r.explanation()))
                .orElseGet(() -> new Check("build ingest", true, "ok", "valid chat example within the token limit")));
        ChatExample example;
        try {
            example = ChatJson.parse(line);
        } catch (IllegalArgumentException e) {
            out.add(new Check("generator checks", false, "not_chat", String.valueOf(e.getMessage())));
            return new Result(out, null, null);
        }
        String planName = source.plan() != null ? source.plan() : text(provenance, "plan");
        Resolved r = resolve(planName);
        Plan plan = r.plan();
        ResponseChecker ev = r.evaluator();
        if (plan == null || ev == null) {
            out.add(new Check("generator checks", false, "no_plan", r.error()));
            return new Result(out, null, null);
        }
        Plan.Category c = category(plan, text(provenance, "category"), example);
        if (c == null) {
            out.add(new Check(
                    "generator checks",
                    false,
                    "no_category",
                    "plan " + plan.name() + " has no category '" + text(provenance, "category")
                            + "' (from the provenance); the checks it was generated under are unknown"));
            return new Result(out, null, null);
        }
        // the slot's attributes as the generator had them (the clinical rules read the flag, region, context ...)
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        if (provenance != null && provenance.path("attributes").isObject()) {
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e :
                    provenance.path("attributes").properties()) {
                attributes.put(e.getKey(), e.getValue().asText());
            }
        }
        ResponseChecker.Verdict o = ev.checkText(plan, c, attributes, generatorText(example));
        String name = "generator checks (" + plan.name() + "/" + c.id() + ")";
        if (o instanceof ResponseChecker.Verdict.Rejected rej) {
            out.add(new Check(name, false, rej.code(), rej.reason()));
            return new Result(out, null, c.output());
        }
        ResponseChecker.Verdict.Passed acc = (ResponseChecker.Verdict.Passed) o;
        out.add(new Check(name, true, "ok", "passes " + describe(c.output())));
        boolean allOk = out.stream().allMatch(Check::ok);
        return new Result(out, allOk ? keepSystem(example, acc.example()) : null, c.output());
    }

    /** The conversation without system messages, as the generator's output JSON (what the evaluator reads). */
    private static String generatorText(ChatExample example) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode msgs = root.putArray("messages");
        for (ChatMessage m : example.messages()) {
            if (m.role() == Role.SYSTEM) {
                continue;
            }
            msgs.addObject().put("role", m.role().wireName()).put("content", m.content());
        }
        return root.toString();
    }

    /** The record's own system message(s), then the evaluator's normalised turns. */
    private static ChatExample keepSystem(ChatExample original, ChatExample normalised) {
        List<ChatMessage> all = new ArrayList<>();
        for (ChatMessage m : original.messages()) {
            if (m.role() == Role.SYSTEM) {
                all.add(m);
            }
        }
        for (ChatMessage m : normalised.messages()) {
            if (m.role() != Role.SYSTEM) {
                all.add(m);
            }
        }
        return new ChatExample(all);
    }

    /**
     * The provenance category, else the plan's id for it ({@code decision_trees} → {@code decision-trees}), with the
     * {@code -multi} variant for a multi-turn conversation when the plan has one.
     */
    private static Plan.@Nullable Category category(Plan plan, @Nullable String name, ChatExample example) {
        if (name == null) {
            return null;
        }
        Map<String, Plan.Category> byId = new HashMap<>();
        for (Plan.Category c : plan.categories()) {
            byId.put(c.id(), c);
        }
        Plan.Category exact = byId.get(name);
        if (exact != null) {
            return exact;
        }
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        long users =
                example.messages().stream().filter(m -> m.role() == Role.USER).count();
        Plan.Category multi = byId.get(id + "-multi");
        if (users > 1 && multi != null) {
            return multi;
        }
        return byId.get(id);
    }

    private synchronized Resolved resolve(@Nullable String planName) {
        if (planName == null) {
            return new Resolved(null, null, "the record's provenance names no plan, and the source sets none");
        }
        return plans.computeIfAbsent(planName, this::load);
    }

    private Resolved load(String planName) {
        try {
            if (planName.equals("kb") && !source.chunks().isEmpty()) {
                QuotaPolicy policy = QuotaPolicy.defaults();
                List<QuotaPolicy.ChunkQuota> quotas = policy.plan(source.chunks());
                ExampleCheck grounding = KbGeneration.groundingCheck(
                        quotas, GroundingChecker.builder().build());
                return new Resolved(KbPlan.build(source.chunks(), policy), new ResponseChecker(grounding), "");
            }
            return new Resolved(Plans.load(planName), new ResponseChecker(), "");
        } catch (RuntimeException e) {
            return new Resolved(null, null, "plan '" + planName + "' cannot be loaded: " + e.getMessage());
        }
    }

    private static String describe(OutputKind k) {
        return switch (k) {
            case INJURY_ANALYSIS -> "the injury-analysis schema and safety rules";
            case PACE_CALCULATION -> "the pace schema and Spotter's recomputation";
            case COACH_ANSWER -> "the coach-answer text checks";
        };
    }

    /** The line's example with assistant turns replaced: {@code edits} = [{turn, content}]. */
    static ChatExample withEdits(String line, JsonNode edits) {
        ChatExample ex;
        try {
            ex = ChatJson.parse(line);
        } catch (IllegalArgumentException e) {
            throw new ReviewApp.Refused(
                    422, "the record is not a chat example, so it cannot be edited: " + e.getMessage());
        }
        List<ChatMessage> msgs = new ArrayList<>(ex.messages());
        if (!edits.isArray()) {
            throw new ReviewApp.Refused(400, "edits must be a list of {turn, content}");
        }
        for (JsonNode e : edits) {
            int t = e.path("turn").asInt(-1);
            if (t < 0 || t >= msgs.size() || msgs.get(t).role() != Role.ASSISTANT) {
                throw new ReviewApp.Refused(400, "turn " + t + " is not an assistant turn of this record");
            }
            if (!e.path("content").isTextual()) {
                throw new ReviewApp.Refused(400, "an edit's content must be text");
            }
            msgs.set(
                    t,
                    new ChatMessage(
                            Role.ASSISTANT,
                            e.path("content").asText(),
                            msgs.get(t).weight()));
        }
        return new ChatExample(msgs);
    }

    static @Nullable String text(@Nullable JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        JsonNode v = n.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
