package dev.spotter.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.ConfigurationException;
import dev.spotter.tokenizer.SpecialTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streaming validator for chat JSONL ({@code {"messages":[{"role","content"[,"weight"]}...]}}, one example per
 * line). Every line read ends either accepted (handed to a consumer) or rejected with one {@link RejectReason}
 * (written verbatim to a {@link QuarantineWriter}); the returned {@link ValidationSummary} enforces
 * {@code read = accepted + rejected}.
 *
 * <pre>{@code
 * ChatValidator v = ChatValidator.builder().tokenCounter(counter).tokenLimit(24_576).build();
 * try (QuarantineWriter q = QuarantineWriter.to(Path.of("rejects.jsonl"))) {
 *     ValidationSummary s = v.validate(Path.of("train.jsonl"), accepted -> {}, q);
 * }
 * }</pre>
 *
 * Memory is bounded by {@code maxLineBytes} (one line's bytes, its decoded text and its JSON tree), whatever the
 * input size. Instances are immutable; {@code validate} may run concurrently on different inputs.
 */
public final class ChatValidator {
    /** Together's SFT max sequence length for Llama-3.3-70B-Instruct-Reference (platforms.md, Sep 2025). */
    public static final int DEFAULT_TOKEN_LIMIT = 24_576;
    /**
     * 8 MiB: about 80 times the largest example that fits the default token limit (24,576 tokens is roughly
     * 100 KB of text), yet small enough that the worst accepted line (bytes + decoded text + JSON tree, about
     * 5 times the line) needs ~40 MB of heap. Over-long lines are streamed to the quarantine, never held.
     */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;

    public static final int DEFAULT_MAX_ERRORS = 20;

    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "weight");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // The line-length cap is the real bound; Jackson's default 20M-char string cap would misreport a
                    // long-but-allowed line as invalid JSON.
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(Integer.MAX_VALUE)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final TokenCounter counter;
    private final int tokenLimit;
    private final int maxLineBytes;
    private final int maxErrors;
    private final Llama33Template template;

    private ChatValidator(Builder b) {
        this.counter = b.counter;
        this.tokenLimit = b.tokenLimit;
        this.maxLineBytes = b.maxLineBytes;
        this.maxErrors = b.maxErrors;
        this.template = b.template;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Llama33Template template() {
        return template;
    }

    /** 0 when there is no token limit. */
    public int tokenLimit() {
        return tokenLimit;
    }

    /** Validates a file. The file name, as given, is what error lines and the quarantine report. */
    public ValidationSummary validate(Path file, Consumer<? super AcceptedLine> accepted, QuarantineWriter quarantine)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return validate(in, file.toString(), accepted, quarantine);
        }
    }

    /** Validates a stream (read to its end, not closed). */
    public ValidationSummary validate(
            InputStream in, String sourceName, Consumer<? super AcceptedLine> accepted, QuarantineWriter quarantine)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(quarantine, "quarantine");
        LineReader reader = new LineReader(in, maxLineBytes);
        Map<String, Integer> systemCache = newSystemCache();
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long read = 0;
        long ok = 0;
        EnumMap<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
        List<String> errors = new ArrayList<>();
        while (reader.next()) {
            read++;
            long lineNo = reader.lineNumber();
            Verdict v;
            if (reader.tooLong()) {
                quarantine.rejectTooLong(sourceName, lineNo, reader, maxLineBytes);
                v = new Reject(RejectReason.LINE_TOO_LONG, "longer than " + maxLineBytes + " bytes");
            } else {
                v = check(reader.bytes(), reader.length(), utf8, sourceName, lineNo, systemCache);
                if (v instanceof Reject r) {
                    quarantine.reject(
                            sourceName,
                            lineNo,
                            r.reason,
                            r.detail,
                            reader.bytes(),
                            reader.length(),
                            r.reason == RejectReason.INVALID_UTF8 ? null : r.text);
                }
            }
            switch (v) {
                case Accept a -> {
                    ok++;
                    accepted.accept(a.accepted);
                }
                case Reject r -> {
                    reasons.merge(r.reason, 1L, Long::sum);
                    if (errors.size() < maxErrors) {
                        errors.add(sourceName + ":" + lineNo + ": " + r.reason.code()
                                + (r.detail.isEmpty() ? "" : " (" + r.detail + ")"));
                    }
                }
            }
        }
        return new ValidationSummary(read, ok, read - ok, reasons, errors);
    }

    /**
     * Checks one line given as text (no terminator). For callers that already hold lines; file input should go
     * through {@link #validate}, which also checks bytes (UTF-8, BOM, length).
     *
     * @return the reject reason, or empty when the line is accepted
     */
    public Optional<RejectReason> check(String line) {
        // before encoding: a Java string may hold a lone surrogate, which getBytes would silently turn into '?'
        int lone = unpairedSurrogate(line);
        if (lone >= 0) {
            return Optional.of(RejectReason.UNPAIRED_SURROGATE);
        }
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        if (b.length > maxLineBytes) {
            return Optional.of(RejectReason.LINE_TOO_LONG);
        }
        Verdict v = check(b, b.length, StandardCharsets.UTF_8.newDecoder(), "-", 1, null);
        return v instanceof Reject r ? Optional.of(r.reason) : Optional.empty();
    }

    private sealed interface Verdict permits Accept, Reject {}

    private record Accept(AcceptedLine accepted) implements Verdict {}

    /** {@code text} is the decoded line when it was valid UTF-8 (for the quarantine), else null. */
    private record Reject(RejectReason reason, String detail, String text) implements Verdict {
        Reject(RejectReason reason, String detail) {
            this(reason, detail, null);
        }

        Reject withText(String t) {
            return new Reject(reason, detail, t);
        }
    }

    /**
     * Index of the first unpaired UTF-16 surrogate in {@code s}, or -1. A JSON escape such as {@code \ud800}
     * decodes to one; it has no UTF-8 form, so an encoder writes '?' (convert) or fails (export).
     */
    public static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the first unpaired surrogate of a JSON tree is (a key or a string value), or null. */
    private static String unpairedSurrogateIn(JsonNode root) {
        java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isTextual()) {
                int at = unpairedSurrogate(n.textValue());
                if (at >= 0) {
                    return String.format(
                            java.util.Locale.ROOT,
                            "U+%04X at character %d of a string",
                            (int) n.textValue().charAt(at),
                            at + 1);
                }
            } else if (n.isObject()) {
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    if (unpairedSurrogate(e.getKey()) >= 0) {
                        return "in a key";
                    }
                    todo.push(e.getValue());
                }
            } else if (n.isArray()) {
                n.forEach(todo::push);
            }
        }
        return null;
    }

    /** Per-run memo of system-segment token counts; LRU, at most 16 distinct system prompts (a few KB). */
    private static Map<String, Integer> newSystemCache() {
        return new java.util.LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > 16;
            }
        };
    }

    private Verdict check(
            byte[] bytes, int len, CharsetDecoder utf8, String source, long lineNo, Map<String, Integer> systemCache) {
        String text;
        try {
            text = utf8.reset().decode(ByteBuffer.wrap(bytes, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return new Reject(
                    RejectReason.INVALID_UTF8,
                    "malformed byte sequence at offset " + TextLines.badUtf8Offset(bytes, len));
        }
        Verdict v = checkText(
                text,
                len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF,
                source,
                lineNo,
                systemCache);
        return v instanceof Reject r ? r.withText(text) : v;
    }

    private Verdict checkText(String text, boolean bom, String source, long lineNo, Map<String, Integer> systemCache) {
        if (bom) {
            return new Reject(RejectReason.BOM, "remove the byte order mark (EF BB BF)");
        }
        if (text.isBlank()) {
            return new Reject(RejectReason.BLANK_LINE, "");
        }
        int cr = text.indexOf('\r');
        if (cr >= 0) {
            return new Reject(RejectReason.RAW_CARRIAGE_RETURN, "at character " + (cr + 1));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field")) {
                return new Reject(RejectReason.DUPLICATE_KEY, msg);
            }
            return new Reject(
                    RejectReason.INVALID_JSON,
                    oneLine(msg) + " at column "
                            + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()));
        }
        String lone = unpairedSurrogateIn(root);
        if (lone != null) {
            return new Reject(RejectReason.UNPAIRED_SURROGATE, lone);
        }
        if (root == null || !root.isObject()) {
            return new Reject(RejectReason.DATA_TYPE, "line is a JSON " + (root == null ? "nothing" : kind(root)));
        }
        JsonNode msgs = root.get("messages");
        if (msgs == null) {
            String other = otherFormat(root);
            if (other != null) {
                return new Reject(
                        RejectReason.MIXED_FORMAT,
                        "line is Together " + other
                                + " format; this validator's format is conversational ({\"messages\":[...]})");
            }
            return new Reject(RejectReason.MISSING_MESSAGES_LIST, "no \"messages\" key");
        }
        if (!msgs.isArray()) {
            return new Reject(RejectReason.MISSING_MESSAGES_LIST, "\"messages\" is a " + kind(msgs) + ", not a list");
        }
        if (root.size() > 1) {
            List<String> extra = new ArrayList<>();
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!k.equals("messages")) {
                    extra.add(k);
                }
            }
            return new Reject(RejectReason.EXTRA_COLUMNS, "extra top-level keys " + extra);
        }
        if (msgs.isEmpty()) {
            return new Reject(RejectReason.EMPTY_MESSAGES, "");
        }
        List<ChatMessage> out = new ArrayList<>(msgs.size());
        int i = 0;
        for (JsonNode m : msgs) {
            i++;
            if (!m.isObject()) {
                return new Reject(RejectReason.MESSAGE_NOT_OBJECT, "message " + i + " is a " + kind(m));
            }
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || content == null) {
                return new Reject(
                        RejectReason.MESSAGE_MISSING_KEY,
                        "message " + i + " has no \"" + (role == null ? "role" : "content") + "\"");
            }
            for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!MESSAGE_KEYS.contains(k)) {
                    return new Reject(RejectReason.MESSAGE_UNRECOGNIZED_KEY, "message " + i + " has key \"" + k + "\"");
                }
            }
            Optional<Role> r = role.isTextual() ? Role.fromWire(role.textValue()) : Optional.empty();
            if (r.isEmpty()) {
                return new Reject(
                        RejectReason.UNRECOGNIZED_ROLE, "message " + i + " role " + abbreviate(role.toString()));
            }
            if (!content.isTextual()) {
                return new Reject(RejectReason.MISSING_CONTENT, "message " + i + " content is " + kind(content));
            }
            String c = content.textValue();
            if (Llama33Template.pyStrip(c).isEmpty()) {
                return new Reject(
                        RejectReason.EMPTY_CONTENT,
                        "message " + i + " (" + r.get().wireName() + ")");
            }
            Integer weight = null;
            JsonNode w = m.get("weight");
            if (w != null) {
                // Strictly the integers 0 and 1: Python's "w in {0, 1}" would also let true and 1.0 through.
                if (!w.isIntegralNumber() || (w.asLong() != 0 && w.asLong() != 1)) {
                    return new Reject(
                            RejectReason.INVALID_WEIGHT, "message " + i + " weight " + abbreviate(w.toString()));
                }
                weight = w.asInt();
            }
            out.add(new ChatMessage(r.get(), c, weight));
        }
        Role first = out.get(0).role();
        if (first != Role.SYSTEM && first != Role.USER) {
            return new Reject(RejectReason.BAD_FIRST_ROLE, "first message is " + first.wireName());
        }
        boolean hasAssistant = false;
        for (int k = 0; k < out.size(); k++) {
            Role rk = out.get(k).role();
            if (k > 0 && rk == Role.SYSTEM) {
                return new Reject(RejectReason.MISPLACED_SYSTEM, "message " + (k + 1) + " is a system message");
            }
            if (k > 0 && rk == out.get(k - 1).role()) {
                return new Reject(
                        RejectReason.CONSECUTIVE_SAME_ROLE,
                        "messages " + k + " and " + (k + 1) + " are both " + rk.wireName());
            }
            hasAssistant |= rk == Role.ASSISTANT;
        }
        if (!hasAssistant) {
            return new Reject(RejectReason.EXAMPLE_MISSING_ASSISTANT_MESSAGE, "");
        }
        if (out.get(out.size() - 1).role() != Role.ASSISTANT) {
            return new Reject(
                    RejectReason.LAST_NOT_ASSISTANT,
                    "last message is " + out.get(out.size() - 1).role().wireName());
        }
        for (int k = 0; k < out.size(); k++) {
            Optional<String> special = SpecialTokens.findIn(out.get(k).content());
            if (special.isPresent()) {
                return new Reject(
                        RejectReason.SPECIAL_TOKEN_IN_CONTENT,
                        "message " + (k + 1) + " (" + out.get(k).role().wireName() + ") contains " + special.get());
            }
        }
        ChatExample example = new ChatExample(out);
        String rendered = template.render(example);
        int tokens = -1;
        if (counter != null) {
            tokens = template.countTokens(example, counter, systemCache);
            if (tokenLimit > 0 && tokens > tokenLimit) {
                return new Reject(RejectReason.OVER_TOKEN_LIMIT, tokens + " tokens > limit " + tokenLimit);
            }
        }
        return new Accept(new AcceptedLine(source, lineNo, example, rendered, tokens));
    }

    private static String otherFormat(JsonNode root) {
        if (root.has("prompt") && root.has("completion")) {
            return "instruction (prompt/completion)";
        }
        if (root.has("input") && root.has("preferred_output")) {
            return "preference";
        }
        if (root.has("text")) {
            return "generic (text)";
        }
        return null;
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "list";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "malformed JSON";
        }
        int nl = s.indexOf('\n');
        return abbreviate(nl < 0 ? s : s.substring(0, nl));
    }

    /** Builder; every setter checks its argument at once. */
    public static final class Builder {
        private TokenCounter counter;
        private int tokenLimit = DEFAULT_TOKEN_LIMIT;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int maxErrors = DEFAULT_MAX_ERRORS;
        private Llama33Template template = Llama33Template.defaults();

        private Builder() {}

        /** Counts tokens of each accepted example (needed by any token limit). */
        public Builder tokenCounter(TokenCounter counter) {
            this.counter = Objects.requireNonNull(counter, "counter");
            return this;
        }

        /** Max tokens of the rendered conversation (BOS included when the template includes it); none: {@link #noTokenLimit}. */
        public Builder tokenLimit(int tokenLimit) {
            if (tokenLimit < 1) {
                // no limit is noTokenLimit(); the message names the parameter so the CLI names its option
                throw ConfigurationException.forParameter("tokenLimit", "must be >= 1, was " + tokenLimit);
            }
            this.tokenLimit = tokenLimit;
            return this;
        }

        public Builder noTokenLimit() {
            this.tokenLimit = 0;
            return this;
        }

        public Builder maxLineBytes(int maxLineBytes) {
            if (maxLineBytes < 16) {
                throw ConfigurationException.forParameter("maxLineBytes", "must be >= 16, was " + maxLineBytes);
            }
            this.maxLineBytes = maxLineBytes;
            return this;
        }

        /** How many {@code file:line: reason} lines the summary keeps. */
        public Builder maxErrors(int maxErrors) {
            if (maxErrors < 0) {
                throw ConfigurationException.forParameter("maxErrors", "must be >= 0, was " + maxErrors);
            }
            this.maxErrors = maxErrors;
            return this;
        }

        /** Template used to render (and so to count) accepted examples. */
        public Builder template(Llama33Template template) {
            this.template = Objects.requireNonNull(template, "template");
            return this;
        }

        public ChatValidator build() {
            if (tokenLimit > 0 && counter == null) {
                throw new IllegalStateException(
                        "a token limit needs a tokenCounter: call tokenCounter(...) or noTokenLimit()");
            }
            return new ChatValidator(this);
        }
    }
}
