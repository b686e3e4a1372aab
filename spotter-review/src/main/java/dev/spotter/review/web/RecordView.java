package dev.spotter.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.checks.PaceAnswerChecker;
import dev.spotter.checks.PaceCalculator;
import dev.spotter.format.ChatExample;
import dev.spotter.format.ChatJson;
import dev.spotter.format.ChatMessage;
import dev.spotter.format.Role;
import dev.spotter.generate.OutputKind;
import dev.spotter.kb.GroundingChecker;
import dev.spotter.kb.GroundingHighlights;
import dev.spotter.kb.KbChunk;
import dev.spotter.review.Decision;
import dev.spotter.review.ReviewPolicy;
import dev.spotter.review.SourceIndex;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the page renders for one record. Everything from the record is sent as data and the page writes it with
 * {@code textContent}, never as markup: an answer holding {@code <script>} shows those characters.
 *
 * <p>Per assistant turn: the parsed JSON answer (the page draws the injury card from it), Spotter's pace
 * recomputation beside the model's numbers, and for a knowledge-base answer the grounding verdict with the spans
 * of the answer and of the chunk that support each other. Provenance is sent with secret-looking fields redacted.
 */
final class RecordView {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final PaceAnswerChecker PACE = PaceAnswerChecker.create();
    private static final GroundingChecker GROUNDING = GroundingChecker.builder().build();
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(.*[_-])?(api[_-]?key|secret|password|passwd|authorization|auth[_-]?token|access[_-]?token|bearer|credentials?)");
    private static final Pattern SECRET_VALUE = Pattern.compile("(?i)^(sk|rk|pk|ghp|xox[abp])[-_][A-Za-z0-9_-]{12,}$");

    private RecordView() {}

    /** The record's messages with their per-turn views; {@code parseError} is set when the line is not a chat example. */
    static ObjectNode messages(String line, @Nullable KbChunk chunk) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode arr = out.putArray("messages");
        ChatExample ex;
        try {
            ex = ChatJson.parse(line);
        } catch (IllegalArgumentException e) {
            out.put("parseError", String.valueOf(e.getMessage()));
            return out;
        }
        List<String> users = new ArrayList<>();
        int i = 0;
        for (ChatMessage m : ex.messages()) {
            ObjectNode o = arr.addObject();
            o.put("turn", i++);
            o.put("role", m.role().wireName());
            o.put("content", m.content());
            if (m.weight() != null) {
                o.put("weight", m.weight());
            }
            if (m.role() == Role.USER) {
                users.add(m.content());
            }
            if (m.role() != Role.ASSISTANT) {
                continue;
            }
            JsonNode json = jsonObject(m.content());
            if (json != null) {
                o.set("json", json);
                o.put("pretty", json.toPrettyString());
                if (json.has("calculation")) {
                    o.set("pace", pace(PACE.recompute(json)));
                }
            }
            if (chunk != null) {
                o.set("grounding", grounding(chunk.content(), List.copyOf(users), m.content()));
            }
        }
        if (chunk != null) {
            ObjectNode c = out.putObject("chunk");
            c.put("id", chunk.id());
            c.put("title", chunk.title());
            c.put("category", chunk.category());
            c.put("content", chunk.content());
            String lastAnswer =
                    ex.last(Role.ASSISTANT).map(ChatMessage::content).orElse("");
            c.set(
                    "spans",
                    spans(GroundingHighlights.of(chunk.content(), lastAnswer).chunk()));
        }
        return out;
    }

    /** What the page shows for a kind of plan output ({@code injury}, {@code pace}, {@code coach}, {@code kb}). */
    static String kind(@Nullable OutputKind output, @Nullable KbChunk chunk, ObjectNode messages) {
        if (chunk != null) {
            return "kb";
        }
        if (output != null) {
            return switch (output) {
                case INJURY_ANALYSIS -> "injury";
                case PACE_CALCULATION -> "pace";
                case COACH_ANSWER -> "coach";
            };
        }
        for (JsonNode m : messages.path("messages")) {
            if (m.path("json").has("differential_diagnoses")) {
                return "injury";
            }
            if (m.has("pace")) {
                return "pace";
            }
        }
        return "chat";
    }

    private static ObjectNode pace(PaceAnswerChecker.Recomputation r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", r.type());
        o.put("ok", r.result().ok());
        o.put(
                "summary",
                r.result().ok() ? "matches Spotter's calculator" : r.result().summary());
        ArrayNode fields = o.putArray("fields");
        for (PaceAnswerChecker.Field f : r.fields()) {
            ObjectNode x = fields.addObject();
            x.put("name", f.name());
            x.put("model", f.seconds() ? PaceCalculator.clock(f.model()) : fmt(f.model()));
            x.put("spotter", f.seconds() ? PaceCalculator.clock(f.spotter()) : fmt(f.spotter()));
            x.put("ok", f.ok());
        }
        return o;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v)
                .replaceAll("0+$", "")
                .replaceAll("\\.$", "");
    }

    private static ObjectNode grounding(String chunk, List<String> users, String answer) {
        GroundingChecker.Result r = GROUNDING.check(chunk, users, answer);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("verdict", r.verdict().name().toLowerCase(java.util.Locale.ROOT));
        o.put("grounded", r.grounded());
        o.put("score", Math.round(r.score() * 100) / 100.0);
        o.put("support", Math.round(r.support() * 100) / 100.0);
        o.put("reason", r.reason());
        o.set("spans", spans(GroundingHighlights.of(chunk, answer).answer()));
        return o;
    }

    private static ArrayNode spans(List<GroundingHighlights.Span> spans) {
        ArrayNode a = MAPPER.createArrayNode();
        for (GroundingHighlights.Span s : spans) {
            a.addArray().add(s.start()).add(s.end()).add(s.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return a;
    }

    /** The content as a JSON object (the generator's answers for JSON outputs), or null. */
    static @Nullable JsonNode jsonObject(String content) {
        String t = content.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(t);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The decision for the page; an edit carries the edited turns and a line diff per changed turn. */
    static ObjectNode decision(Decision d, ReviewPolicy policy) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("action", d.action().wireName());
        o.put("reason", d.reason());
        ReviewPolicy.Reason reason = d.reason() == null ? null : policy.reason(d.reason());
        o.put("reasonLabel", reason == null ? d.reason() : reason.label());
        o.put("note", d.note());
        o.put("reviewer", d.reviewer());
        o.put("decidedAt", d.decidedAt().toString());
        o.put("msSpent", d.msSpent());
        o.put("origin", d.origin());
        String edited = d.edited();
        String original = d.original();
        if (edited != null && original != null) {
            ArrayNode diffs = o.putArray("diff");
            try {
                List<ChatMessage> a = ChatJson.parse(original).messages();
                List<ChatMessage> b = ChatJson.parse(edited).messages();
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    String x = readable(a.get(i).content());
                    String y = readable(b.get(i).content());
                    if (x.equals(y)) {
                        continue;
                    }
                    ObjectNode t = diffs.addObject();
                    t.put("turn", i);
                    ArrayNode lines = t.putArray("lines");
                    for (TextDiff.Line l : TextDiff.lines(x, y)) {
                        lines.addObject().put("op", String.valueOf(l.op())).put("text", l.text());
                    }
                }
            } catch (IllegalArgumentException e) {
                o.put("diffError", String.valueOf(e.getMessage()));
            }
        }
        return o;
    }

    /** JSON answers pretty-printed (so a diff shows the changed field), other text as it is. */
    static String readable(String content) {
        JsonNode j = jsonObject(content);
        return j == null ? content : j.toPrettyString();
    }

    /** The provenance object with secret-looking keys and values replaced by "[redacted]"; null if unreadable. */
    static @Nullable JsonNode provenance(@Nullable String line) {
        if (line == null) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(line);
            if (n == null || !n.isObject()) {
                return null;
            }
            redact(n);
            return n;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void redact(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            for (String k : names) {
                JsonNode v = o.get(k);
                if (SECRET_KEY.matcher(k).matches()
                        || v.isTextual() && SECRET_VALUE.matcher(v.asText()).matches()) {
                    o.put(k, "[redacted]");
                } else {
                    redact(v);
                }
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual() && SECRET_VALUE.matcher(v.asText()).matches()) {
                    a.set(i, "[redacted]");
                } else {
                    redact(v);
                }
            }
        }
    }

    /** Row of the compact list view. */
    static ObjectNode row(
            SourceIndex.Record r, String status, @Nullable Decision d, boolean required, @Nullable String leasedBy) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("index", r.index());
        o.put("line", r.line());
        o.put("recordId", r.recordId());
        o.put("category", r.category());
        o.put("excerpt", r.excerpt());
        o.put("status", status);
        o.put("required", required);
        if (d != null) {
            o.put("reviewer", d.reviewer());
            o.put("reason", d.reason());
        }
        if (leasedBy != null) {
            o.put("leasedBy", leasedBy);
        }
        return o;
    }

    static @Nullable KbChunk chunk(List<KbChunk> chunks, @Nullable JsonNode provenance, Map<String, KbChunk> byId) {
        if (chunks.isEmpty() || provenance == null) {
            return null;
        }
        String id = ExampleChecks.text(provenance.path("attributes"), "source_id");
        if (id == null) {
            id = ExampleChecks.text(provenance, "kb_chunk_id");
        }
        return id == null ? null : byId.get(id);
    }
}
